package dev.lambdaguard.examples.demo;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lambdaguard.Guard;
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
import java.util.UUID;

/**
 * Replays a scripted sequence of real-shaped events through the guarded orders function, offline, and
 * prints each response status with the security events the guard wrote (one JSON line each). The function
 * is configured as deployed, from its environment, with its secrets served by a {@link DemoSecretStore}.
 *
 * <p>Events are deserialized exactly as the Lambda Java runtime does it, from the JSON in
 * {@code src/main/resources/demo}.
 */
public final class Demo {

  private Demo() {}

  public static void main(String[] args) throws IOException {
    System.out.println("Lambda Guard demo: the orders API (HTTP API v2) wrapped in code. People call with a bearer token");
    System.out.println("holding the route's scope, signed with an HS256 key the function reads from a secret; partners");
    System.out.println("call with an API key from another secret. Secrets come over HTTP from a loopback stand-in for the");
    System.out.println("Parameters and Secrets extension; every key is generated now. Each step shows the security");
    System.out.println("events as they reach stdout (CloudWatch Logs), then the response.");
    System.out.println();
    try (DemoSecretStore store = new DemoSecretStore()) {
      run(store);
    }
  }

  private static void run(DemoSecretStore store) throws IOException {
    DemoIssuer issuer = DemoIssuer.hmac();
    String partnerKey = "k_live_" + UUID.randomUUID().toString().replace("-", "");
    store.put("orders/jwt", "{\"signingKey\":\"" + issuer.sharedSecret() + "\"}");
    store.put("orders/partner-keys", "{\"partner-acme\":\"" + partnerKey + "\"}");
    Map<String, String> environment = new HashMap<>(store.lambdaEnvironment());
    environment.put("ORDERS_ISSUER", DemoIssuer.ISSUER);
    environment.put("ORDERS_AUDIENCE", DemoIssuer.AUDIENCE);
    environment.put("ORDERS_JWT_SECRET", "orders/jwt#signingKey");
    environment.put("ORDERS_API_KEYS_SECRET", "orders/partner-keys");
    // Deployed, the inventory is on by itself (LAMBDA_TASK_ROOT is set); here it is asked for.
    environment.put("LAMBDA_GUARD_INVENTORY", "on");
    Guard ordersGuard = OrdersSecurity.guardFromEnvironment(environment);
    OrdersFunction orders = new OrdersFunction(ordersGuard);
    System.out.println("== 0. Cold start: the guard takes the runtime inventory on a background thread (the Java");
    System.out.println("runtime and each library on the class path, checked against the advisory list); the demo");
    System.out.println("waits for it only to keep its output in order.");
    ordersGuard.runtimeInventory()
        .ifPresent(taken -> taken.toCompletableFuture().exceptionally(failed -> null).join());
    RequestHandler<SQSEvent, String> queue = GuardedRequestHandler.wrap(new OrderQueueHandler(),
        Guard.builder().build());
    int step = 0;
    for (String line : script()) {
      String[] parts = line.split("\\|", 4);
      String requestId = "demo-" + (++step);
      System.out.println();
      System.out.println("== " + step + ". " + parts[3]);
      if (parts[1].equals("ROTATE")) {
        issuer = issuer.rotated();
        store.put("orders/jwt", "{\"signingKey\":\"" + issuer.sharedSecret() + "\"}");
        System.out.println("-> secret orders/jwt has a new version; secret store fetches so far: " + store.fetches());
        continue;
      }
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
        addCredentials(headers, parts[2], issuer, partnerKey);
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
    System.out.println();
    System.out.println("Secret store fetches in all: " + store.fetches() + ". Each secret is fetched once and cached;"
        + " a rejected credential forces at most one refetch per secret every 30 s.");
    leastPrivilege(store, issuer, partnerKey);
  }

  /**
   * The same function deployed without the extension layer, reading its secrets with the AWS SDK: the guard's SDK
   * interceptor (registered for every SDK client, no code change) records each call as an IAM action and resource,
   * and the guard writes them as a {@code permissions_observed} event at the end of the invocation. The generator
   * turns such events into the function's least-privilege policy.
   */
  private static void leastPrivilege(DemoSecretStore store, DemoIssuer issuer, String partnerKey) throws IOException {
    System.out.println();
    System.out.println("== Least privilege: the same function deployed without the extension reads its secrets with");
    System.out.println("   the AWS SDK (ORDERS_SECRETS_SOURCE=secretsmanager). The guard's SDK interceptor records");
    System.out.println("   every AWS call as an IAM action and resource; the guard writes them as one");
    System.out.println("   permissions_observed event.");
    // The SDK's default credential chain reads these; the loopback store checks no signature. Made up now.
    System.setProperty("aws.accessKeyId", "ASIADEMO" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
        .toUpperCase(java.util.Locale.ROOT));
    System.setProperty("aws.secretAccessKey", UUID.randomUUID().toString());
    Map<String, String> environment = new HashMap<>();
    environment.put("ORDERS_ISSUER", DemoIssuer.ISSUER);
    environment.put("ORDERS_AUDIENCE", DemoIssuer.AUDIENCE);
    environment.put("ORDERS_JWT_SECRET", "orders/jwt#signingKey");
    environment.put("ORDERS_API_KEYS_SECRET", "orders/partner-keys");
    environment.put("ORDERS_SECRETS_SOURCE", "secretsmanager");
    environment.put("ORDERS_SECRETS_ENDPOINT", store.secretsManagerEndpoint());
    environment.put("AWS_REGION", DemoSecretStore.REGION);
    OrdersFunction orders = new OrdersFunction(OrdersSecurity.guardFromEnvironment(environment));
    byte[] json;
    try (InputStream in = resource("01-get-order.json")) {
      json = in.readAllBytes();
    }
    System.out.println("-- GET an order with a token granting orders:read (its HS256 key read from Secrets Manager)");
    APIGatewayV2HTTPEvent event = RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class, json);
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    addCredentials(headers, "read", issuer, partnerKey);
    event.setHeaders(headers);
    APIGatewayV2HTTPResponse response = orders.handleRequest(event, new DemoContext("demo-sdk-1"));
    System.out.println("-> HTTP " + response.getStatusCode() + "  " + response.getBody());
    System.out.println("   (AWS's caching client calls DescribeSecret before GetSecretValue: both are needed. Calls");
    System.out.println("   made later are written at most once per 5 minutes per environment, in a cumulative event.)");
    System.out.println();
    System.out.println("The least-privilege policy for these calls, from this output (see docs/least-privilege.md):");
    System.out.println("  java -jar guard-examples/target/lambda-guard-examples.jar > demo.log");
    System.out.println("  java -cp guard-aws/target/guard-aws-0.1.0-SNAPSHOT-iam-lint.jar"
        + " dev.lambdaguard.aws.iam.ObservedPolicy demo.log");
  }

  /**
   * The credentials a step sends: {@code none}, a token kind, {@code key:partner} (the partner's API key),
   * {@code key:guessed}, or several joined by {@code +}.
   */
  private static void addCredentials(Map<String, String> headers, String spec, DemoIssuer issuer, String partnerKey) {
    for (String credential : spec.split("\\+")) {
      if (credential.equals("key:partner")) {
        headers.put("x-api-key", partnerKey);
      } else if (credential.equals("key:guessed")) {
        headers.put("x-api-key", "k_live_" + UUID.randomUUID().toString().replace("-", ""));
      } else if (!credential.equals("none")) {
        headers.put("authorization", "Bearer " + issuer.token(credential));
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
