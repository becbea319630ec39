package dev.lambdaguard.examples.demo;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lambdaguard.Guard;
import dev.lambdaguard.auth.JwtAuthenticator;
import dev.lambdaguard.auth.KeySource;
import dev.lambdaguard.aws.GuardedRequestHandler;
import dev.lambdaguard.aws.events.RuntimeSerialization;
import dev.lambdaguard.examples.orders.OrderQueueHandler;
import dev.lambdaguard.examples.orders.OrdersFunction;
import dev.lambdaguard.examples.orders.OrdersSecurity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a scripted sequence of real-shaped events through the guarded orders function, offline, and
 * prints each response status with the security events the guard wrote (one JSON line each).
 *
 * <p>Events are deserialized exactly as the Lambda Java runtime does it, from the JSON in
 * {@code src/main/resources/demo}.
 */
public final class Demo {

  private Demo() {}

  public static void main(String[] args) throws IOException {
    System.out.println("Lambda Guard demo: the orders API (HTTP API v2) wrapped in code, requiring a bearer token");
    System.out.println("with the route's scope. Tokens come from a stand-in issuer whose key is generated now.");
    System.out.println("Each step shows the security events as they reach stdout (CloudWatch Logs), then the response.");
    System.out.println();
    DemoIssuer issuer = new DemoIssuer();
    OrdersFunction orders = new OrdersFunction(JwtAuthenticator.builder()
        .issuer(DemoIssuer.ISSUER).audiences(DemoIssuer.AUDIENCE)
        .keys(KeySource.staticJwks(issuer.jwks()))
        .routes(OrdersSecurity.ROUTES)
        .build());
    RequestHandler<SQSEvent, String> queue = GuardedRequestHandler.wrap(new OrderQueueHandler(),
        Guard.builder().build());
    int step = 0;
    for (String line : script()) {
      String[] parts = line.split("\\|", 4);
      String requestId = "demo-" + (++step);
      System.out.println();
      System.out.println("== " + step + ". " + parts[3]);
      int repeat = parts[3].startsWith("bob creates") ? OrdersSecurity.CREATE_ORDER_LIMIT_COUNT + 1 : 1;
      byte[] json;
      try (InputStream in = resource(parts[0])) {
        json = in.readAllBytes();
      }
      if (parts[1].equals("SQSEvent")) {
        String result = queue.handleRequest(RuntimeSerialization.fromJson(SQSEvent.class, json),
            new DemoContext(requestId));
        System.out.println("-> handler returned: " + result);
        continue;
      }
      for (int attempt = 1; attempt <= repeat; attempt++) {
        APIGatewayV2HTTPEvent event = RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class, json);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (!parts[2].equals("none")) {
          headers.put("authorization", "Bearer " + issuer.token(parts[2]));
        }
        event.setHeaders(headers);
        APIGatewayV2HTTPResponse response = orders.handleRequest(event,
            new DemoContext(repeat == 1 ? requestId : requestId + "." + attempt));
        System.out.println("-> HTTP " + response.getStatusCode() + "  " + response.getBody());
        for (String name : new String[] {"Retry-After", "RateLimit", "RateLimit-Policy"}) {
          if (response.getHeaders() != null && response.getHeaders().containsKey(name)) {
            System.out.println("   " + name + ": " + response.getHeaders().get(name));
          }
        }
      }
    }
  }

  private static List<String> script() throws IOException {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(resource("script.txt"), StandardCharsets.UTF_8))) {
      return reader.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  private static InputStream resource(String name) {
    InputStream in = Demo.class.getResourceAsStream("/demo/" + name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("demo resource missing: " + name));
    }
    return in;
  }
}
