package dev.lambdaguard.config;

import static dev.lambdaguard.config.ConfigRequests.decide;
import static dev.lambdaguard.config.ConfigRequests.request;
import static dev.lambdaguard.config.ConfigRequests.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Guard;
import dev.lambdaguard.RecordingSink;
import dev.lambdaguard.auth.JwksServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A guard set up from GUARD_* variables alone refuses with 401, 403, 429 and 400 as a hand-built one would. */
class EnvironmentConfigTest {

  static JwksServer idp;

  /** A handler class with no annotations: everything comes from the environment. */
  static final class PlainHandler {}

  @BeforeAll
  static void start() throws Exception {
    idp = new JwksServer().jwks(ConfigRequests.JWKS);
  }

  @AfterAll
  static void stop() {
    idp.close();
  }

  static Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_LAMBDA_FUNCTION_NAME", "orders");
    env.put("GUARD_JWT_ISSUER", idp.issuer());
    env.put("GUARD_JWT_AUDIENCE", ConfigRequests.AUDIENCE);
    env.put("GUARD_JWT_JWKS_URL", idp.jwksUri().toString());
    env.put("GUARD_JWT_SCOPES", "orders:read");
    env.put("GUARD_RATE_LIMIT", "3/1m");
    env.put("GUARD_INPUT_MODE", "block");
    env.put("GUARD_INPUT_SCHEMA", "schemas/order.json");
    return env;
  }

  static Guard guard(Map<String, String> env, RecordingSink sink) {
    return GuardConfig.load(PlainHandler.class, env, PlainHandler.class.getClassLoader()).guardBuilder()
        .eventSink(sink).build();
  }

  @Test
  void everyDenialOfTheChainComesFromEnvironmentVariablesAlone() {
    RecordingSink sink = new RecordingSink();
    Guard guard = guard(environment(), sink);
    String alice = token(idp.issuer(), "alice", "orders:read");

    assertEquals("401 token_missing", decide(guard, request("GET", "/orders/1", "GET /orders/{id}", null, null)));
    assertEquals("403 insufficient_scope",
        decide(guard, request("GET", "/orders/1", "GET /orders/{id}", token(idp.issuer(), "bob", "profile"), null)));
    assertEquals("allowed", decide(guard, request("GET", "/orders/1", "GET /orders/{id}", alice, null)));
    assertEquals("400 schema_invalid",
        decide(guard, request("POST", "/orders", "POST /orders", alice, "{\"item\":\"tea\"}")));
    assertEquals("400 injection_detected", decide(guard, request("POST", "/orders", "POST /orders",
        token(idp.issuer(), "carol", "orders:read"), "{\"item\":\"tea\",\"quantity\":1,\"note\":\"' OR 1=1 --\"}")));
    // alice's third request within the minute is her last: 3/1m
    assertEquals("allowed", decide(guard, request("GET", "/orders/2", "GET /orders/{id}", alice, null)));
    assertEquals("429 rate_limited", decide(guard, request("GET", "/orders/1", "GET /orders/{id}", alice, null)));
    assertEquals(List.of("jwt", "rate_limit", "json_body", "input"), guard.interceptorNames().subList(1, 5));
  }

  @Test
  void monitorModeReportsAnInjectionAndLetsItThrough() {
    Map<String, String> env = environment();
    env.put("GUARD_INPUT_MODE", "monitor");
    RecordingSink sink = new RecordingSink();
    Guard guard = guard(env, sink);
    assertEquals("allowed", decide(guard, request("POST", "/orders", "POST /orders",
        token(idp.issuer(), "dave", "orders:read"), "{\"item\":\"tea\",\"quantity\":1,\"note\":\"' OR 1=1 --\"}")));
    assertTrue(sink.types().contains("detection"), sink.types().toString());
  }

  @Test
  void eachGuardOfOneConfigurationHasPartsOfItsOwn() {
    Map<String, String> env = environment();
    env.put("GUARD_RATE_LIMIT", "1/1m");
    GuardConfig config = GuardConfig.load(PlainHandler.class, env, PlainHandler.class.getClassLoader());
    Guard first = config.guardBuilder().eventSink(new RecordingSink()).build();
    Guard second = config.guardBuilder().eventSink(new RecordingSink()).build();
    String erin = token(idp.issuer(), "erin", "orders:read");
    assertEquals("allowed", decide(first, request("GET", "/orders/1", "GET /orders/{id}", erin, null)));
    assertEquals("429 rate_limited", decide(first, request("GET", "/orders/1", "GET /orders/{id}", erin, null)));
    assertEquals("allowed", decide(second, request("GET", "/orders/1", "GET /orders/{id}", erin, null)),
        "the second guard's buckets are its own");
    assertEquals("file", config.layers().get(3).source());
  }

  @Test
  void withoutGuardVariablesTheGuardHasNoChecks() {
    Guard guard = guard(Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders"), new RecordingSink());
    assertEquals(List.of(), guard.interceptorNames());
    assertEquals("allowed", decide(guard, request("GET", "/orders/1", "GET /orders/{id}", null, null)));
  }

  @Test
  void aBadLimitFailsAtLoadNamingTheVariableAndTheSetting() {
    Map<String, String> env = environment();
    env.put("GUARD_RATE_LIMIT", "100/1w");
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> GuardConfig.load(PlainHandler.class, env, PlainHandler.class.getClassLoader()));
    assertEquals("Lambda Guard configuration: environment variable GUARD_RATE_LIMIT (rateLimit.limit): "
        + "rateLimit.authenticated: malformed limit '100/1w' (write e.g. 100/1m): unknown unit 'w' (s, m, h, d)",
        e.getMessage(), "the message docs/configuration.md quotes");
  }

  @Test
  void aMalformedIssuerAnUnknownPresetAndAMissingSchemaFailAtLoad() {
    assertFails("GUARD_JWT_ISSUER", "not a url", "environment variable GUARD_JWT_ISSUER (jwt.issuer): malformed issuer URL");
    assertFails("GUARD_JWT_ISSUER", "http://idp.example.com", "malformed issuer URL");
    assertFails("GUARD_INPUT_SCHEMA", "schemas/nope.json",
        "environment variable GUARD_INPUT_SCHEMA (input.schema): input schema: class-path resource not found");
    assertFails("GUARD_INPUT_MODE", "shout", "environment variable GUARD_INPUT_MODE (input.mode): unknown mode");
    assertFails("GUARD_INPUT_MONITOR", "sqli,bogus", "unknown injection category 'bogus'");
    Map<String, String> env = environment();
    env.remove("GUARD_JWT_ISSUER");
    env.put("GUARD_JWT_PRESET", "keycloak:realm");
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> GuardConfig.load(PlainHandler.class, env, PlainHandler.class.getClassLoader()));
    assertTrue(e.getMessage().contains("environment variable GUARD_JWT_PRESET (jwt.preset): unknown preset 'keycloak'"),
        e.getMessage());
  }

  @Test
  void tokenSettingsWithoutAnIssuerFail() {
    Map<String, String> env = environment();
    env.remove("GUARD_JWT_ISSUER");
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> GuardConfig.load(PlainHandler.class, env, PlainHandler.class.getClassLoader()));
    assertTrue(e.getMessage().contains("need jwt.issuer or jwt.preset"), e.getMessage());
  }

  private static void assertFails(String variable, String value, String expected) {
    Map<String, String> env = environment();
    env.put(variable, value);
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> GuardConfig.load(PlainHandler.class, env, PlainHandler.class.getClassLoader()));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
