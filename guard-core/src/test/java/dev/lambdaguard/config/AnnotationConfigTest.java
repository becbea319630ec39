package dev.lambdaguard.config;

import static dev.lambdaguard.config.ConfigRequests.decide;
import static dev.lambdaguard.config.ConfigRequests.request;
import static dev.lambdaguard.config.ConfigRequests.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Guard;
import dev.lambdaguard.RecordingSink;
import dev.lambdaguard.annotation.BodySchema;
import dev.lambdaguard.annotation.Guarded;
import dev.lambdaguard.annotation.InjectionPolicy;
import dev.lambdaguard.annotation.Jwt;
import dev.lambdaguard.annotation.RateLimit;
import dev.lambdaguard.annotation.RichText;
import dev.lambdaguard.annotation.Route;
import dev.lambdaguard.input.Category;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Annotations on the handler class and method, read once at load, and their place among the sources. */
class AnnotationConfigTest {

  static final String ISSUER = "https://issuer.example.com";
  static final ClassLoader PACKAGE = Resources.with("keys/cfg-jwks.json", ConfigRequests.JWKS);

  @Guarded(denyUnlisted = true)
  @Jwt(issuer = ISSUER, audience = "orders-api", jwksResource = "keys/cfg-jwks.json")
  @RateLimit("50/1m")
  @InjectionPolicy(monitor = Category.SSRF)
  @Route(value = "GET /orders/{id}", scopes = "orders:read")
  static final class OrdersHandler {
    @Route(value = "POST /orders", scopes = "orders:write", rateLimit = "1/1m", schema = "schemas/order.json",
        richText = "body/note")
    public String create(String body) {
      return body;
    }

    @RateLimit("2/1m")
    public String handleRequest(Object event, Object context) {
      return "ok";
    }
  }

  static Guard guard(Class<?> handler, Map<String, String> env) {
    return GuardConfig.load(handler, env, PACKAGE).guardBuilder().eventSink(new RecordingSink()).build();
  }

  @Test
  void classAndMethodAnnotationsConfigureTokensRoutesLimitsAndInput() {
    Guard guard = guard(OrdersHandler.class, Map.of());
    String reader = token(ISSUER, "rita", "orders:read");
    String writer = token(ISSUER, "will", "orders:read orders:write");
    assertEquals("401 token_missing", decide(guard, request("GET", "/orders/1", "GET /orders/{id}", null, null)));
    assertEquals("allowed", decide(guard, request("GET", "/orders/1", "GET /orders/{id}", reader, null)));
    assertEquals("403 insufficient_scope",
        decide(guard, request("POST", "/orders", "POST /orders", reader, "{\"item\":\"tea\",\"quantity\":1}")));
    assertEquals("403 route_not_allowed", decide(guard, request("DELETE", "/orders/1", "DELETE /orders/{id}", writer, null)));
    assertEquals("400 schema_invalid", decide(guard, request("POST", "/orders", "POST /orders", writer, "{\"item\":\"\"}")));
    assertEquals("429 rate_limited",
        decide(guard, request("POST", "/orders", "POST /orders", writer, "{\"item\":\"tea\",\"quantity\":1}")));
    // handleRequest's @RateLimit("2/1m") replaces the class's 50/1m: rita's third request is refused
    assertEquals("allowed", decide(guard, request("GET", "/orders/2", "GET /orders/{id}", reader, null)));
    assertEquals("429 rate_limited", decide(guard, request("GET", "/orders/3", "GET /orders/{id}", reader, null)));
  }

  @Test
  void originsNameTheAnnotationTheAttributeAndWhereItIs() {
    GuardConfig config = GuardConfig.load(OrdersHandler.class, Map.of(), PACKAGE);
    assertEquals("@RateLimit(value) on " + OrdersHandler.class.getName() + ".handleRequest",
        config.value(Setting.RATE_LIMIT).origin());
    assertEquals("@Jwt(issuer) on " + OrdersHandler.class.getName(), config.value(Setting.JWT_ISSUER).origin());
    assertEquals("@Route(\"POST /orders\").schema on " + OrdersHandler.class.getName() + ".create",
        config.routes().get("POST /orders").get(RouteSetting.SCHEMA).origin());
    assertEquals("ssrf", config.value(Setting.INPUT_MONITOR).text());
  }

  @Test
  void annotationsBeatTheEnvironmentWhichStillFillsWhatTheyLeaveOpen() {
    GuardConfig config = GuardConfig.load(OrdersHandler.class,
        Map.of("GUARD_RATE_LIMIT", "9/1m", "GUARD_RATE_LIMIT_ANONYMOUS", "4/1m", "GUARD_INPUT_MODE", "monitor"), PACKAGE);
    assertEquals("2/1m", config.value(Setting.RATE_LIMIT).text());
    assertEquals("4/1m", config.value(Setting.RATE_LIMIT_ANONYMOUS).text());
    assertEquals("monitor", config.value(Setting.INPUT_MODE).text(), "@InjectionPolicy leaves mode open");
    GuardConfig coded = config.with(Setting.RATE_LIMIT, "1/1m");
    assertEquals("1/1m", coded.value(Setting.RATE_LIMIT).text());
  }

  @Test
  void annotationsBeatTheFile() {
    ClassLoader pkg = Resources.with("keys/cfg-jwks.json", ConfigRequests.JWKS,
        "guard.json", "{\"rateLimit\": {\"limit\": \"8/1m\"}, \"routes\": {\"GET /orders/{id}\": {\"scopes\": \"x\"}}}");
    GuardConfig config = GuardConfig.load(OrdersHandler.class, Map.of(), pkg);
    assertEquals("2/1m", config.value(Setting.RATE_LIMIT).text());
    assertEquals("orders:read", config.routes().get("GET /orders/{id}").get(RouteSetting.SCOPES).text());
  }

  @Jwt(issuer = "issuer.example.com", audience = "a", jwksResource = "keys/cfg-jwks.json")
  static final class BadIssuer {}

  @RateLimit("5 per minute")
  static final class BadLimit {}

  @Jwt(preset = "keycloak:main", audience = "a")
  static final class BadPreset {}

  @Jwt(issuer = ISSUER, audience = "a", jwksResource = "keys/cfg-jwks.json")
  @Route(value = "POST /orders", schema = "schemas/missing.json")
  static final class BadSchema {}

  @BodySchema("schemas/missing.json")
  static final class BadWideSchema {}

  @InjectionPolicy(mode = "shout")
  static final class BadMode {}

  @RichText("query.q")
  static final class BadRichText {}

  @Route(value = "GET /orders/{id}", scopes = "orders:read")
  static final class ScopesWithoutTokens {}

  @Route("GET /a")
  static final class DuplicateRoute {
    @Route("GET /a")
    public void a() {}
  }

  static final class TwoHandlers {
    @Guarded
    public void one() {}

    @Guarded
    public void two() {}
  }

  @Test
  void misconfigurationFailsAtLoadNamingTheAnnotationAndTheSetting() {
    assertFailure(BadIssuer.class, "@Jwt(issuer) on " + BadIssuer.class.getName() + " (jwt.issuer): malformed issuer URL");
    assertFailure(BadLimit.class, "@RateLimit(value) on " + BadLimit.class.getName() + " (rateLimit.limit)");
    assertFailure(BadPreset.class, "@Jwt(preset) on " + BadPreset.class.getName()
        + " (jwt.preset): unknown preset 'keycloak'");
    assertFailure(BadSchema.class, "@Route(\"POST /orders\").schema on " + BadSchema.class.getName()
        + " (schema): input schema: class-path resource not found: schemas/missing.json");
    assertFailure(BadWideSchema.class, "@BodySchema(value) on " + BadWideSchema.class.getName()
        + " (input.schema): input schema: class-path resource not found");
    assertFailure(BadMode.class, "@InjectionPolicy(mode) on " + BadMode.class.getName() + " (input.mode): unknown mode");
    assertFailure(BadRichText.class, "@RichText(value) on " + BadRichText.class.getName()
        + " (input.richText): richText: only JSON body fields");
    assertFailure(ScopesWithoutTokens.class, "@Route(\"GET /orders/{id}\").scopes on "
        + ScopesWithoutTokens.class.getName() + " (route): scopes and roles need token authentication");
    assertFailure(DuplicateRoute.class, "the route is declared twice");
    assertFailure(TwoHandlers.class, "has 2 annotated handler methods [one(), two()]: name the handler method");
  }

  @Test
  void aNamedHandlerMethodChoosesWhichMethodsAnnotationsApply() {
    GuardConfig config = GuardConfig.load(TwoHandlers.class, "two", Map.of(), PACKAGE);
    assertEquals(null, config.value(Setting.RATE_LIMIT));
  }

  private static void assertFailure(Class<?> handler, String expected) {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> GuardConfig.load(handler, Map.of(), PACKAGE));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
