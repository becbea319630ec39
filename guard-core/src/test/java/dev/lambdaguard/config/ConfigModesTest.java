package dev.lambdaguard.config;

import static dev.lambdaguard.config.ConfigRequests.request;
import static dev.lambdaguard.config.ConfigRequests.token;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdaguard.Denial;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.RecordingSink;
import dev.lambdaguard.SecurityContext;
import dev.lambdaguard.annotation.Guarded;
import dev.lambdaguard.annotation.InjectionPolicy;
import dev.lambdaguard.annotation.Jwt;
import dev.lambdaguard.annotation.RateLimit;
import dev.lambdaguard.annotation.Route;
import dev.lambdaguard.auth.JwtAuthenticator;
import dev.lambdaguard.auth.KeySource;
import dev.lambdaguard.auth.RoutePolicy;
import dev.lambdaguard.auth.RouteRequirement;
import dev.lambdaguard.events.EventJson;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.events.SecurityEvent;
import dev.lambdaguard.input.Category;
import dev.lambdaguard.input.InputPolicy;
import dev.lambdaguard.input.InspectionMode;
import dev.lambdaguard.input.RouteInput;
import dev.lambdaguard.ratelimit.RateLimitPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ways in give one behaviour: the same policy written with the code builder, with annotations, and with
 * environment variables plus guard.json yields the same decision, the same handler input and the same events for
 * every request of one script. A mode is a function from an event sink to a guard, so a further mode (the
 * drop-in layer) adds one row to {@link #modes()}.
 */
class ConfigModesTest {

  static final String ISSUER = "https://issuer.example.com";
  static final String FUNCTION = "orders";
  static final ClassLoader KEYS_ONLY = Resources.with("keys/cfg-jwks.json", ConfigRequests.JWKS);
  static final ClassLoader PACKAGE = Resources.with("keys/cfg-jwks.json", ConfigRequests.JWKS,
      "guard.json", """
          {
            "routes": {
              "GET /orders/{id}": {"scopes": "orders:read"},
              "POST /orders": {"scopes": "orders:write", "rateLimit": "3/1m", "schema": "schemas/order.json",
                               "richText": "body/note"}
            }
          }
          """);

  /** The policy in code, as a user would write it with the builders. */
  static Guard code(RecordingSink sink) {
    return Guard.builder().environment(Map.of("AWS_LAMBDA_FUNCTION_NAME", FUNCTION)).eventSink(sink)
        .jwt(JwtAuthenticator.builder().issuer(ISSUER).audiences(ConfigRequests.AUDIENCE)
            .keys(KeySource.staticJwks(ConfigRequests.JWKS))
            .routes(RoutePolicy.builder()
                .route("GET /orders/{id}", RouteRequirement.scopes("orders:read"))
                .route("POST /orders", RouteRequirement.scopes("orders:write"))
                .denyUnlisted()
                .build())
            .build())
        .rateLimit(RateLimitPolicy.builder().authenticated("20/1m").anonymous("20/1m").route("POST /orders", "3/1m").build())
        .inputInspection(InputPolicy.builder()
            .mode(Category.SSRF, InspectionMode.MONITOR)
            .route("POST /orders", RouteInput.builder().schema("schemas/order.json").richText("body/note").build())
            .build())
        .build();
  }

  /** The same policy as annotations. */
  @Guarded(denyUnlisted = true)
  @Jwt(issuer = ISSUER, audience = ConfigRequests.AUDIENCE, jwksResource = "keys/cfg-jwks.json")
  @RateLimit("20/1m")
  @InjectionPolicy(monitor = Category.SSRF)
  @Route(value = "GET /orders/{id}", scopes = "orders:read")
  @Route(value = "POST /orders", scopes = "orders:write", rateLimit = "3/1m", schema = "schemas/order.json",
      richText = "body/note")
  static final class AnnotatedOrders {}

  static final class PlainOrders {}

  static Guard annotations(RecordingSink sink) {
    return GuardConfig.load(AnnotatedOrders.class, Map.of("AWS_LAMBDA_FUNCTION_NAME", FUNCTION), KEYS_ONLY)
        .guardBuilder().eventSink(sink).build();
  }

  /** The same policy from GUARD_* variables, routes from guard.json (environment variables carry no routes). */
  static Guard environment(RecordingSink sink) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_LAMBDA_FUNCTION_NAME", FUNCTION);
    env.put("GUARD_JWT_ISSUER", ISSUER);
    env.put("GUARD_JWT_AUDIENCE", ConfigRequests.AUDIENCE);
    env.put("GUARD_JWT_JWKS_RESOURCE", "keys/cfg-jwks.json");
    env.put("GUARD_JWT_DENY_UNLISTED", "true");
    env.put("GUARD_RATE_LIMIT", "20/1m");
    env.put("GUARD_INPUT_MONITOR", "ssrf");
    return GuardConfig.load(PlainOrders.class, env, PACKAGE).guardBuilder().eventSink(sink).build();
  }

  static Stream<Arguments> modes() {
    return Stream.of(
        Arguments.of("code", (Function<RecordingSink, Guard>) ConfigModesTest::code),
        Arguments.of("annotations", (Function<RecordingSink, Guard>) ConfigModesTest::annotations),
        Arguments.of("environment", (Function<RecordingSink, Guard>) ConfigModesTest::environment));
  }

  static final String READER = token(ISSUER, "rita", "orders:read");
  static final String WRITER = token(ISSUER, "will", "orders:read orders:write");
  static final String EDITOR = token(ISSUER, "ella", "orders:write");

  /** The script: every kind of decision the policy makes. */
  static List<GuardRequest> script() {
    return List.of(
        request("GET", "/orders/1", "GET /orders/{id}", null, null),
        request("GET", "/orders/1", "GET /orders/{id}", "not-a-token", null),
        request("GET", "/orders/1", "GET /orders/{id}", READER, null),
        request("POST", "/orders", "POST /orders", READER, "{\"item\":\"tea\",\"quantity\":1}"),
        request("DELETE", "/orders/1", "DELETE /orders/{id}", WRITER, null),
        request("POST", "/orders", "POST /orders", WRITER, "{\"item\":\"\"}"),
        request("POST", "/orders", "POST /orders", WRITER,
            "{\"item\":\"tea\",\"quantity\":1,\"note\":\"see http://169.254.169.254/latest/meta-data/\"}"),
        request("POST", "/orders", "POST /orders", WRITER, "{\"item\":\"tea' OR 1=1 --\",\"quantity\":1}"),
        request("POST", "/orders", "POST /orders", WRITER, "{\"item\":\"tea\",\"quantity\":1}"),
        request("POST", "/orders", "POST /orders", EDITOR,
            "{\"item\":\"tea\",\"quantity\":2,\"note\":\"<b>thanks</b><script>alert(1)</script>\"}"),
        request("GET", "/orders/..%2f..%2fadmin", "GET /orders/{id}", READER, null));
  }

  /** What one mode does with the script: per request the decision, what the handler saw, and the events. */
  static List<String> run(Function<RecordingSink, Guard> mode) {
    RecordingSink sink = new RecordingSink();
    Guard guard = mode.apply(sink);
    EventJson json = new EventJson(Redactor.shared());
    List<String> transcript = new ArrayList<>();
    transcript.add("chain " + guard.interceptorNames());
    for (SecurityEvent event : sink.events()) {
      transcript.add("  " + stable(json.format(event))); // the init event
    }
    for (GuardRequest request : script()) {
      sink.clear();
      Outcome outcome = guard.handle(request, Invocation.NONE, context -> {
        SecurityContext security = SecurityContext.current().orElseThrow();
        return "handler saw " + security.principal().map(p -> p.subject()).orElse("-") + " "
            + security.sanitizedFields();
      });
      transcript.add(outcome instanceof Denial denial ? denial.status() + " " + denial.reason().code() + " "
          + stable(denial.headers().toString()) : "allowed: " + ((Outcome.Handled) outcome).response());
      for (SecurityEvent event : sink.events()) {
        transcript.add("  " + stable(json.format(event)));
      }
    }
    return transcript;
  }

  /**
   * An event's JSON or a denial's headers without what differs between two runs of the same request: the time,
   * durations, and the seconds a rate-limit window has left (which depend on how long the script took).
   */
  static String stable(String text) {
    return text.replaceAll("\"timestamp\":\"[^\"]*\",", "").replaceAll("\"latency_us\":[0-9]+,?", "")
        .replaceAll("Retry-After=[0-9]+", "Retry-After=s").replaceAll(";t=[0-9]+", ";t=s");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modes")
  void everyModeBehavesAsTheCodeBuilder(String name, Function<RecordingSink, Guard> mode) {
    List<String> expected = run(ConfigModesTest::code);
    List<String> actual = run(mode);
    assertEquals(String.join("\n", expected), String.join("\n", actual), name);
  }

  @Test
  void theScriptCoversEveryKindOfDecision() {
    String transcript = String.join("\n", run(ConfigModesTest::code));
    for (String expected : List.of("401 token_missing", "401 token_malformed", "allowed: handler saw rita",
        "403 insufficient_scope", "403 route_not_allowed", "400 schema_invalid", "\"category\":\"ssrf\"",
        "400 injection_detected", "429 rate_limited", "handler saw ella {body/note=<b>thanks</b>}")) {
      org.junit.jupiter.api.Assertions.assertTrue(transcript.contains(expected), expected + " missing in\n" + transcript);
    }
  }
}
