package dev.lambdaguard.events;

import static dev.lambdaguard.Interceptors.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Denial;
import dev.lambdaguard.FakeClock;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.MultiValueMap;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.Principal;
import dev.lambdaguard.Reason;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Canary secrets planted in the request and the principal never reach a byte of output, whatever the
 * decision: allow, deny or a failing interceptor.
 */
class EventRedactionTest {

  static final String SECRET = "sk_live_51HcanaryQ7xZ";
  static final String BEARER = "opaque-canary-token-7d1f";
  static final String BASIC = "Y2FuYXJ5OnBhc3N3b3Jk";
  static final String JWT =
      "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjYW5hcnkiLCJleHAiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlLWNhbmFyeS1qd3Q";
  static final String AWS_KEY = "AKIACANARY0123456789";
  static final List<String> CANARIES = List.of(SECRET, BEARER, BASIC, JWT, AWS_KEY, "c2lnbmF0dXJl");

  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final Redactor redactor = new Redactor();

  Guard guard() {
    assertTrue(redactor.register(SECRET));
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    return Guard.builder()
        .clock(new FakeClock(1_700_000_000_000L))
        .environment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders"))
        .redactor(redactor)
        .eventSink(new StdoutJsonSink(new EventJson(redactor), () -> out))
        .addInterceptor(named("auth", chain -> chain.proceed(chain.context()
            .withPrincipal(new Principal("user|" + SECRET + "|" + JWT, null, null, null, null, null)))))
        .addInterceptor(named("policy", chain -> switch (chain.request().method()) {
          case "DELETE" -> Denial.forbidden(Reason.of("not_allowed", Reason.Kind.AUTHORIZATION), "Not allowed.");
          case "PUT" -> throw new IllegalStateException("failed on " + SECRET + " Bearer " + BEARER);
          default -> chain.proceed();
        }))
        .build();
  }

  static GuardRequest request(String method) {
    return GuardRequest.builder("apigw-http-v2")
        .method(method)
        .path("/reset/" + SECRET + "/" + JWT)
        .routeKey("ANY /reset/{token+}")
        .sourceIp("203.0.113.9")
        .headers(MultiValueMap.headersBuilder()
            .add("User-Agent", "agent " + SECRET + " Authorization: Bearer " + BEARER + " Basic " + BASIC
                + " jwt=" + JWT + " key=" + AWS_KEY)
            .build())
        .build();
  }

  @Test
  void noCanaryReachesTheOutputOnTheAllowDenyAndErrorPaths() {
    Guard guard = guard();

    assertInstanceOf(Outcome.Handled.class,
        guard.handle(request("GET"), new Invocation("req-allow", null, null), context -> "ok"));
    assertEquals(403, ((Denial) guard.handle(request("DELETE"), Invocation.NONE, context -> "ok")).status());
    assertEquals(500, ((Denial) guard.handle(request("PUT"), Invocation.NONE, context -> "ok")).status());

    String output = bytes.toString(StandardCharsets.UTF_8);
    for (String canary : CANARIES) {
      assertFalse(output.contains(canary), () -> canary + " leaked into " + output);
    }
    List<String> lines = output.lines().toList();
    assertEquals(4, lines.size(), output);
    assertTrue(output.endsWith("\n"));
    ObjectMapper mapper = new ObjectMapper();
    List<String> types = lines.stream().map(line -> mapper.readTree(line).get("event_type").stringValue()).toList();
    assertEquals(List.of("init", "allow", "deny", "error"), types);
    for (String line : lines.subList(1, 4)) {
      JsonNode node = mapper.readTree(line);
      assertEquals("/reset/[REDACTED]/[REDACTED]", node.get("path").stringValue());
      assertEquals("user|[REDACTED]|[REDACTED]", node.get("principal").stringValue());
      assertEquals("agent [REDACTED] Authorization: Bearer [REDACTED] Basic [REDACTED] jwt=[REDACTED] key=[REDACTED]",
          node.get("user_agent").stringValue());
    }
  }

  @Test
  void aSecretRegisteredAfterTheGuardWasBuiltIsMaskedFromThenOn() {
    Guard guard = guard();
    String late = "late-registered-canary-91";
    guard.redactor().register(late);

    guard.handle(GuardRequest.builder("apigw-http-v2").path("/x/" + late).build(), Invocation.NONE, context -> "ok");

    String output = bytes.toString(StandardCharsets.UTF_8);
    assertFalse(output.contains(late), output);
    assertTrue(output.contains("\"path\":\"/x/[REDACTED]\""), output);
  }
}
