package dev.lambdaguard.config;

import static dev.lambdaguard.config.ConfigRequests.decide;
import static dev.lambdaguard.config.ConfigRequests.request;
import static dev.lambdaguard.config.ConfigRequests.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Guard;
import dev.lambdaguard.RecordingSink;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** guard.json on the class path, and its place below the environment and code. */
class FileConfigTest {

  static final String ISSUER = "https://issuer.example.com";

  static final class PlainHandler {}

  /** Fixed keys packaged with the function, routes with their own scopes and limits. */
  static ClassLoader functionPackage() {
    return Resources.with(
        "keys/jwks.json", ConfigRequests.JWKS,
        "guard.json", """
            {
              "jwt": {"issuer": "%s", "audience": ["orders-api"], "jwksResource": "keys/jwks.json", "denyUnlisted": true},
              "rateLimit.limit": "50/1m",
              "input": {"mode": "block"},
              "routes": {
                "GET /orders/{id}": {"scopes": ["orders:read"]},
                "POST /orders": {"scopes": "orders:write", "rateLimit": "1/1m", "schema": "schemas/order.json"}
              }
            }
            """.formatted(ISSUER));
  }

  @Test
  void aFunctionPackageConfiguresTheGuardWithRoutes() {
    Guard guard = GuardConfig.load(PlainHandler.class, Map.of(), functionPackage()).guardBuilder()
        .eventSink(new RecordingSink()).build();
    String reader = token(ISSUER, "rita", "orders:read");
    String writer = token(ISSUER, "will", "orders:read orders:write");
    assertEquals("allowed", decide(guard, request("GET", "/orders/1", "GET /orders/{id}", reader, null)));
    assertEquals("403 insufficient_scope",
        decide(guard, request("POST", "/orders", "POST /orders", reader, "{\"item\":\"tea\",\"quantity\":1}")));
    assertEquals("403 route_not_allowed", decide(guard, request("DELETE", "/orders/1", "DELETE /orders/{id}", writer, null)));
    assertEquals("allowed",
        decide(guard, request("POST", "/orders", "POST /orders", writer, "{\"item\":\"tea\",\"quantity\":1}")));
    assertEquals("429 rate_limited",
        decide(guard, request("POST", "/orders", "POST /orders", writer, "{\"item\":\"tea\",\"quantity\":1}")));
  }

  @Test
  void aRoutesOwnRolesReplaceTheGuardWideOnesWhileScopesAddUp() {
    ClassLoader pkg = Resources.with("keys/jwks.json", ConfigRequests.JWKS, "guard.json", """
        {
          "jwt": {"issuer": "%s", "audience": "orders-api", "jwksResource": "keys/jwks.json", "roles": "admin"},
          "routes": {"DELETE /orders/{id}": {"roles": "ops"}}
        }
        """.formatted(ISSUER));
    Guard guard = GuardConfig.load(PlainHandler.class, Map.of(), pkg).guardBuilder().eventSink(new RecordingSink()).build();
    String admin = ConfigRequests.tokenInRoles(ISSUER, "ada", "admin");
    String ops = ConfigRequests.tokenInRoles(ISSUER, "otto", "ops");
    assertEquals("allowed", decide(guard, request("GET", "/orders/1", "GET /orders/{id}", admin, null)));
    assertEquals("403 insufficient_scope", decide(guard, request("GET", "/orders/1", "GET /orders/{id}", ops, null)));
    assertEquals("allowed", decide(guard, request("DELETE", "/orders/1", "DELETE /orders/{id}", ops, null)));
    assertEquals("403 insufficient_scope",
        decide(guard, request("DELETE", "/orders/1", "DELETE /orders/{id}", admin, null)),
        "the route's roles replace the guard-wide ones: they do not widen them");
  }

  @Test
  void environmentBeatsTheFileAndCodeBeatsBoth() {
    ClassLoader pkg = functionPackage();
    GuardConfig fileOnly = GuardConfig.load(PlainHandler.class, Map.of(), pkg);
    assertEquals("50/1m", fileOnly.value(Setting.RATE_LIMIT).text());
    assertEquals("guard.json rateLimit.limit", fileOnly.value(Setting.RATE_LIMIT).origin());

    GuardConfig withEnv = GuardConfig.load(PlainHandler.class, Map.of("GUARD_RATE_LIMIT", "2/1m"), pkg);
    assertEquals("2/1m", withEnv.value(Setting.RATE_LIMIT).text());
    assertEquals("environment variable GUARD_RATE_LIMIT", withEnv.value(Setting.RATE_LIMIT).origin());

    GuardConfig withCode = withEnv.with(Setting.RATE_LIMIT, "7/1m")
        .with("POST /orders", RouteSetting.RATE_LIMIT, "3/1m");
    assertEquals("7/1m", withCode.value(Setting.RATE_LIMIT).text());
    assertEquals("code setting rateLimit.limit", withCode.value(Setting.RATE_LIMIT).origin());
    Map<RouteSetting, ConfigValue> post = withCode.routes().get("POST /orders");
    assertEquals("3/1m", post.get(RouteSetting.RATE_LIMIT).text());
    assertEquals("orders:write", post.get(RouteSetting.SCOPES).text(), "the file's other route settings stay");
    assertNull(withCode.value(Setting.JWT_SCOPES));
  }

  @Test
  void environmentLimitTakesEffect() {
    Guard guard = GuardConfig.load(PlainHandler.class, Map.of("GUARD_RATE_LIMIT", "1/1m"), functionPackage())
        .guardBuilder().eventSink(new RecordingSink()).build();
    String reader = token(ISSUER, "ruth", "orders:read");
    assertEquals("allowed", decide(guard, request("GET", "/orders/1", "GET /orders/{id}", reader, null)));
    assertEquals("429 rate_limited", decide(guard, request("GET", "/orders/1", "GET /orders/{id}", reader, null)));
  }

  @Test
  void keysFromAFileOnTheFileSystem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path jwks = java.nio.file.Files.writeString(dir.resolve("jwks.json"), ConfigRequests.JWKS);
    Guard guard = GuardConfig.load(PlainHandler.class, Map.of("GUARD_JWT_ISSUER", ISSUER, "GUARD_JWT_AUDIENCE",
        "orders-api", "GUARD_JWT_JWKS_FILE", jwks.toString()), PlainHandler.class.getClassLoader()).guardBuilder()
        .eventSink(new RecordingSink()).build();
    assertEquals("allowed", decide(guard, request("GET", "/orders/1", "GET /orders/{id}", token(ISSUER, "fay", "x"), null)));
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> GuardConfig.load(PlainHandler.class,
        Map.of("GUARD_JWT_ISSUER", ISSUER, "GUARD_JWT_AUDIENCE", "a", "GUARD_JWT_JWKS_FILE", dir.resolve("no.json").toString()),
        PlainHandler.class.getClassLoader()));
    assertTrue(e.getMessage().contains("environment variable GUARD_JWT_JWKS_FILE (jwt.jwksFile): the JWK set file cannot be read"),
        e.getMessage());
  }

  @Test
  void anUnknownKeyOrRouteSettingOrMalformedRouteFails() {
    assertFailure("{\"jwt\": {\"isuer\": \"https://x.example.com\"}}", "guard.json: unknown setting 'jwt.isuer'");
    assertFailure("{\"routes\": {\"GET /a\": {\"scope\": \"x\"}}}", "unknown route setting 'scope'");
    assertFailure("{\"routes\": {\"FETCH /a\": {}}}", "guard.json routes[\"FETCH /a\"]: unknown method in route");
    assertFailure("{\"rateLimit\": {\"limit\": \"ten/1m\"}}", "guard.json rateLimit.limit (rateLimit.limit)");
    assertFailure("{\"jwt\": {\"issuer\": \"https://a.example.com\", \"audience\": \"x\"}}", "no key source");
    assertFailure("{\"jwt\": {\"issuer\": \"https://a.example.com\", \"audience\": \"x\", \"jwksResource\": \"none.json\"}}",
        "guard.json jwt.jwksResource (jwt.jwksResource): class-path resource not found: none.json");
    assertFailure("{\"jwt\": {\"issuer\": \"https://a.example.com\"", "guard.json is not strict JSON");
    assertFailure("{\"a\": 1, \"a\": 2}", "guard.json is not strict JSON");
  }

  private static void assertFailure(String json, String expected) {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> GuardConfig.load(PlainHandler.class, Map.of(), Resources.with("guard.json", json)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
