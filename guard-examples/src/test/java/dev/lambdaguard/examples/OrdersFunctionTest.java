package dev.lambdaguard.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdaguard.auth.JwtAuthenticator;
import dev.lambdaguard.auth.KeySource;
import dev.lambdaguard.aws.events.RuntimeSerialization;
import dev.lambdaguard.examples.demo.Demo;
import dev.lambdaguard.examples.demo.DemoContext;
import dev.lambdaguard.examples.demo.DemoIssuer;
import dev.lambdaguard.examples.demo.DemoSecretStore;
import dev.lambdaguard.examples.orders.OrdersFunction;
import dev.lambdaguard.examples.orders.OrdersSecurity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.ObjectMapper;

/** The orders example answers the demo's requests as the demo promises, and the demo shows it. */
class OrdersFunctionTest {

  private static final DemoIssuer ISSUER = new DemoIssuer();
  private static final OrdersFunction ORDERS = new OrdersFunction(JwtAuthenticator.builder()
      .issuer(DemoIssuer.ISSUER).audiences(DemoIssuer.AUDIENCE).keys(KeySource.staticJwks(ISSUER.jwks()))
      .routes(OrdersSecurity.ROUTES).build());

  private static APIGatewayV2HTTPResponse invoke(String resource, String token) throws IOException {
    try (InputStream json = OrdersFunctionTest.class.getResourceAsStream("/demo/" + resource)) {
      APIGatewayV2HTTPEvent event = RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class, json);
      Map<String, String> headers = new HashMap<>(event.getHeaders());
      if (!token.equals("none")) {
        headers.put("authorization", "Bearer " + ISSUER.token(token));
      }
      event.setHeaders(headers);
      return ORDERS.handleRequest(event, new DemoContext("test-" + resource));
    }
  }

  @ParameterizedTest(name = "{0} with {1} -> {2} {3}")
  @CsvSource({
      "01-get-order.json, read, 200, ",
      "02-create-order.json, write, 201, ",
      "02-create-order.json, read, 403, insufficient_scope",
      "01-get-order.json, none, 401, token_missing",
      "01-get-order.json, expired, 401, token_expired",
      "01-get-order.json, forged, 401, signature_invalid",
      "01-get-order.json, alg-none, 401, alg_not_allowed",
      "03-single-quotes.json, write, 400, json_malformed",
      "04-duplicate-key.json, write, 400, json_duplicate_key",
      "05-deep-nesting.json, write, 400, json_limit_exceeded",
      "06-bad-base64.json, write, 400, request_malformed",
  })
  void eachDemoRequestGetsItsStatusAndReason(String resource, String token, int status, String reason)
      throws IOException {
    APIGatewayV2HTTPResponse response = invoke(resource, token);
    assertEquals(status, response.getStatusCode());
    if (reason != null) {
      assertEquals(reason, new ObjectMapper().readTree(response.getBody()).get("error").asString());
    }
  }

  @Test
  void creatingOrdersIsRateLimitedPerCaller() throws IOException {
    OrdersFunction orders = new OrdersFunction(JwtAuthenticator.builder()
        .issuer(DemoIssuer.ISSUER).audiences(DemoIssuer.AUDIENCE).keys(KeySource.staticJwks(ISSUER.jwks()))
        .routes(OrdersSecurity.ROUTES).build());
    String bob = ISSUER.token("write-bob");
    for (int i = 1; i <= OrdersSecurity.CREATE_ORDER_LIMIT_COUNT + 1; i++) {
      try (InputStream json = OrdersFunctionTest.class.getResourceAsStream("/demo/02-create-order.json")) {
        APIGatewayV2HTTPEvent event = RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class, json);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("authorization", "Bearer " + bob);
        event.setHeaders(headers);
        APIGatewayV2HTTPResponse response = orders.handleRequest(event, new DemoContext("rl-" + i));
        if (i <= OrdersSecurity.CREATE_ORDER_LIMIT_COUNT) {
          assertEquals(201, response.getStatusCode());
          assertEquals("\"post-orders\";q=5;w=60", response.getHeaders().get("RateLimit-Policy"));
        } else {
          assertEquals(429, response.getStatusCode());
          assertTrue(Long.parseLong(response.getHeaders().get("Retry-After")) > 0);
        }
      }
    }
  }

  @Test
  void theHandlerReadsTheBodyTheGuardParsed() throws IOException {
    APIGatewayV2HTTPResponse response = invoke("02-create-order.json", "write");
    assertEquals("espresso beans", new ObjectMapper().readTree(response.getBody()).get("item").asString());
  }

  @Test
  void theDeployedEntryPointReadsItsPolicyFromTheEnvironment(@TempDir Path dir) throws IOException {
    Path jwks = Files.writeString(dir.resolve("jwks.json"), ISSUER.jwks());
    OrdersFunction fromEnv = new OrdersFunction(OrdersSecurity.fromEnvironment(Map.of(
        "ORDERS_ISSUER", DemoIssuer.ISSUER, "ORDERS_AUDIENCE", DemoIssuer.AUDIENCE,
        "ORDERS_JWKS_FILE", jwks.toString())));
    try (InputStream json = OrdersFunctionTest.class.getResourceAsStream("/demo/01-get-order.json")) {
      APIGatewayV2HTTPEvent event = RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class, json);
      event.setHeaders(Map.of("authorization", "Bearer " + ISSUER.token("read")));
      assertEquals(200, fromEnv.handleRequest(event, new DemoContext("env")).getStatusCode());
    }
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> OrdersSecurity.fromEnvironment(Map.of("ORDERS_JWKS_FILE", jwks.toString())));
    assertEquals("ORDERS_ISSUER must be set", missing.getMessage());
  }

  @Test
  void theDemoPrintsEveryStepWithItsEventsAndNoToken() throws IOException {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      Demo.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    for (String expected : new String[] {"-> HTTP 200", "-> HTTP 201", "-> HTTP 403", "\"reason\":\"token_missing\"",
        "\"reason\":\"token_expired\"", "\"reason\":\"signature_invalid\"", "\"reason\":\"alg_not_allowed\"",
        "\"reason\":\"insufficient_scope\"", "\"reason\":\"json_malformed\"", "\"reason\":\"json_duplicate_key\"",
        "\"reason\":\"json_limit_exceeded\"", "\"reason\":\"request_malformed\"", "\"principal\":\"alice\"",
        "\"event_type\":\"pass_through\"", "\"event_source\":\"sqs\"", "-> HTTP 429", "\"reason\":\"rate_limited\"",
        "RateLimit-Policy: \"post-orders\";q=5;w=60", "\"principal\":\"partner-acme\"",
        "\"reason\":\"api_key_invalid\"", "\"reason\":\"token_ambiguous\"", "Secret store fetches in all: 4.",
        "\"category\":\"sqli\"", "\"category\":\"xss\"", "\"category\":\"ssrf\"", "\"category\":\"jndi\"",
        "\"category\":\"nosqli\"", "\"reason\":\"schema_invalid\"", "\"reason\":\"parameter_invalid\"",
        "\"rule_id\":\"html.sanitized\"", "\"giftMessage\":\"<p>Happy <b>birthday</b>!</p>\"",
        "\"reason\":\"headers_too_large\"", "\"event_type\":\"inventory\"", "\"artifact\":\"nimbus-jose-jwt\"",
        "select the best plan, or drop me a line\",\"quantity\":2}"}) {
      assertTrue(out.contains(expected), "demo output lacks " + expected);
    }
    assertFalse(out.contains("eyJ"), "a token reached the demo's output");
    assertFalse(out.contains("k_live_"), "an API key reached the demo's output");
    String afterRotation = out.substring(out.indexOf("== 5. "), out.indexOf("== 6. "));
    assertTrue(afterRotation.contains("-> HTTP 200"), "the rotated key is picked up at once: " + afterRotation);

    // The deployment that reads its secrets with the SDK shows what it used, and the generator turns the whole
    // output, as it would turn a CloudWatch export, into the least-privilege policy.
    assertTrue(out.contains("\"event_type\":\"permissions_observed\""), "demo output lacks the observed permissions");
    ByteArrayOutputStream policy = new ByteArrayOutputStream();
    int status = dev.lambdaguard.aws.iam.ObservedPolicy.run(new String[0],
        new java.io.ByteArrayInputStream(captured.toByteArray()), new PrintStream(policy, true, StandardCharsets.UTF_8),
        new PrintStream(java.io.OutputStream.nullOutputStream()));
    assertEquals(0, status);
    String printed = policy.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("\"Action\" : [ \"secretsmanager:DescribeSecret\", \"secretsmanager:GetSecretValue\" ],"
        + "\n    \"Resource\" : [ \"" + DemoSecretStore.arn("orders/jwt") + "\" ]"), printed);
    assertEquals(1, printed.split("\"Sid\"", -1).length - 1, "one statement: " + printed);
  }

  @Test
  void deployedWithSecretsTheFunctionTakesTokensSignedWithTheSecretKeyAndPartnersKeys() throws IOException {
    DemoIssuer issuer = DemoIssuer.hmac();
    String partnerKey = "k_live_" + Long.toHexString(System.nanoTime());
    try (DemoSecretStore store = new DemoSecretStore()) {
      store.put("orders/jwt", "{\"signingKey\":\"" + issuer.sharedSecret() + "\"}");
      store.put("orders/partner-keys", "{\"partner-acme\":\"" + partnerKey + "\"}");
      Map<String, String> env = new HashMap<>(store.lambdaEnvironment());
      env.putAll(Map.of("ORDERS_ISSUER", DemoIssuer.ISSUER, "ORDERS_AUDIENCE", DemoIssuer.AUDIENCE,
          "ORDERS_JWT_SECRET", "orders/jwt#signingKey", "ORDERS_API_KEYS_SECRET", "orders/partner-keys"));
      OrdersFunction orders = new OrdersFunction(OrdersSecurity.guardFromEnvironment(env));
      assertEquals(0, store.fetches(), "nothing is fetched at init");
      assertEquals(200, call(orders, "01-get-order.json", "authorization", "Bearer " + issuer.token("read")));
      assertEquals(201, call(orders, "02-create-order.json", "authorization", "Bearer " + issuer.token("write")));
      assertEquals(200, call(orders, "01-get-order.json", "x-api-key", partnerKey));
      assertEquals(403, call(orders, "02-create-order.json", "x-api-key", partnerKey));
      assertEquals(401, call(orders, "01-get-order.json", "authorization", "Bearer " + new DemoIssuer().token("read")));
      assertEquals(2, store.fetches(), "each secret once, then from the cache");
    }
  }

  private static int call(OrdersFunction orders, String resource, String header, String value) throws IOException {
    try (InputStream json = OrdersFunctionTest.class.getResourceAsStream("/demo/" + resource)) {
      APIGatewayV2HTTPEvent event = RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class, json);
      Map<String, String> headers = new HashMap<>(event.getHeaders());
      headers.put(header, value);
      event.setHeaders(headers);
      return orders.handleRequest(event, new DemoContext("secrets-" + resource)).getStatusCode();
    }
  }
}
