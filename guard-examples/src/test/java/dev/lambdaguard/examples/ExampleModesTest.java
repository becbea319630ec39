package dev.lambdaguard.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdaguard.auth.JwtAuthenticator;
import dev.lambdaguard.auth.KeySource;
import dev.lambdaguard.aws.events.RuntimeSerialization;
import dev.lambdaguard.examples.demo.DemoContext;
import dev.lambdaguard.examples.demo.DemoIssuer;
import dev.lambdaguard.examples.orders.AnnotatedOrdersFunction;
import dev.lambdaguard.examples.orders.OrdersFunction;
import dev.lambdaguard.examples.orders.OrdersSecurity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The orders example in each mode answers every demo request alike: the function wrapped in code
 * ({@link OrdersFunction}) and the annotated one ({@link AnnotatedOrdersFunction}, keys and issuer from GUARD_*
 * variables). A mode is a supplier of a fresh function, so the layer mode can join as one more row.
 */
class ExampleModesTest {

  private static final DemoIssuer ISSUER = new DemoIssuer();

  static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> code() {
    return new OrdersFunction(JwtAuthenticator.builder().issuer(DemoIssuer.ISSUER).audiences(DemoIssuer.AUDIENCE)
        .keys(KeySource.staticJwks(ISSUER.jwks())).routes(OrdersSecurity.ROUTES).build());
  }

  static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> annotations() {
    try {
      Path dir = Files.createTempDirectory("orders-package");
      Files.writeString(dir.resolve("jwks.json"), ISSUER.jwks());
      ClassLoader functionPackage = new URLClassLoader(new URL[] {dir.toUri().toURL()},
          ExampleModesTest.class.getClassLoader());
      return new AnnotatedOrdersFunction(Map.of("GUARD_JWT_ISSUER", DemoIssuer.ISSUER,
          "GUARD_JWT_AUDIENCE", DemoIssuer.AUDIENCE, "GUARD_JWT_JWKS_RESOURCE", "jwks.json"), functionPackage);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Arguments> modes() {
    return Stream.of(
        Arguments.of("annotations",
            (Supplier<RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>>) ExampleModesTest::annotations));
  }

  /** Every demo request with each kind of token, then creating orders until the limit. */
  static List<String[]> script() {
    List<String[]> script = new ArrayList<>();
    for (String resource : new String[] {"01-get-order.json", "02-create-order.json", "03-single-quotes.json",
        "04-duplicate-key.json", "05-deep-nesting.json", "06-bad-base64.json"}) {
      for (String token : new String[] {"none", "read", "write", "expired", "forged", "alg-none"}) {
        script.add(new String[] {resource, token});
      }
    }
    for (int i = 0; i < 6; i++) {
      script.add(new String[] {"02-create-order.json", "write"});
    }
    return script;
  }

  static List<String> run(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function) throws IOException {
    List<String> transcript = new ArrayList<>();
    Map<String, String> tokens = new HashMap<>();
    for (String[] step : script()) {
      try (InputStream json = ExampleModesTest.class.getResourceAsStream("/demo/" + step[0])) {
        APIGatewayV2HTTPEvent event = RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class, json);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        if (!step[1].equals("none")) {
          headers.put("authorization", "Bearer " + tokens.computeIfAbsent(step[1], ISSUER::token));
        }
        event.setHeaders(headers);
        APIGatewayV2HTTPResponse response = function.handleRequest(event, new DemoContext("modes"));
        Map<String, String> responseHeaders = new TreeMap<>(response.getHeaders() == null ? Map.of() : response.getHeaders());
        responseHeaders.computeIfPresent("Retry-After", (k, v) -> "s");
        // what is left of a bucket refills with time, so it depends on how fast the script ran; the policy does not
        responseHeaders.computeIfPresent("RateLimit", (k, v) -> v.replaceAll(";r=[0-9]+;t=[0-9]+", ";r=n;t=s"));
        transcript.add(step[0] + " " + step[1] + " -> " + response.getStatusCode() + " " + responseHeaders + " "
            + response.getBody());
      }
    }
    return transcript;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modes")
  void everyModeAnswersAsTheCodeMode(String name,
      Supplier<RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> mode) throws IOException {
    List<String> expected = run(code());
    List<String> actual = run(mode.get());
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertEquals(expected.get(i), actual.get(i), name + ", step " + i); // the first difference, readably
    }
    assertEquals(expected.size(), actual.size(), name);
    assertEquals(true, String.join("\n", expected).contains("-> 429"), "the script reaches the rate limit");
  }
}
