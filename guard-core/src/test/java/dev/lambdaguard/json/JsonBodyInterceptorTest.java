package dev.lambdaguard.json;

import static dev.lambdaguard.Interceptors.named;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Body;
import dev.lambdaguard.Denial;
import dev.lambdaguard.FakeClock;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.Reason;
import dev.lambdaguard.Reasons;
import dev.lambdaguard.RecordingSink;
import dev.lambdaguard.Requests;
import dev.lambdaguard.SecurityContext;
import dev.lambdaguard.events.SecurityEvent.DenyEvent;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The JSON body interceptor in a real guard: which bodies it parses, which it refuses, what the handler gets. */
class JsonBodyInterceptorTest {

  final RecordingSink sink = new RecordingSink();
  final AtomicReference<Optional<JsonNode>> handlerSaw = new AtomicReference<>();
  final AtomicBoolean userInterceptorRan = new AtomicBoolean();

  Guard guard(JsonLimits limits) {
    return Guard.builder()
        .clock(new FakeClock(0))
        .eventSink(sink)
        .environment(Map.of())
        .strictJsonBodies(limits)
        .addInterceptor(named("user", chain -> {
          userInterceptorRan.set(true);
          return chain.proceed();
        }))
        .build();
  }

  Outcome send(GuardRequest request) {
    return send(guard(JsonLimits.defaults()), request);
  }

  Outcome send(Guard guard, GuardRequest request) {
    return guard.handle(request, Invocation.NONE, context -> {
      handlerSaw.set(SecurityContext.current().orElseThrow().jsonBody());
      return "ok";
    });
  }

  void assertDenied(Outcome outcome, int status, Reason reason, String message) {
    Denial denial = assertInstanceOf(Denial.class, outcome);
    assertEquals(status, denial.status());
    assertEquals(reason, denial.reason());
    assertEquals(message, denial.message());
    assertEquals(null, handlerSaw.get(), "the handler ran");
    assertFalse(userInterceptorRan.get(), "an interceptor after json_body ran");
    DenyEvent deny = sink.only(DenyEvent.class);
    assertEquals("json_body", deny.interceptor());
    assertEquals(reason, deny.reason());
    assertEquals(status, deny.status());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "application/json",
      "application/json; charset=utf-8",
      "Application/JSON;charset=UTF-8",
      " application/json ",
      "application/problem+json",
      "application/vnd.api+json; ext=bulk",
      "application/merge-patch+json"})
  void bodiesDeclaredAsJsonAreParsedAndTheTreeReachesTheHandler(String contentType) {
    Outcome outcome = send(Requests.post(contentType, "{\"order\": {\"id\": 42, \"items\": [\"a\"]}}"));

    assertInstanceOf(Outcome.Handled.class, outcome);
    JsonNode tree = handlerSaw.get().orElseThrow();
    assertEquals(42, tree.get("order").get("id").intValue());
    assertEquals("a", tree.get("order").get("items").get(0).stringValue());
    assertTrue(userInterceptorRan.get());
  }

  @Test
  void theParsedTreeIsInTheContextOfEveryLaterInterceptor() {
    AtomicReference<Optional<JsonNode>> interceptorSaw = new AtomicReference<>();
    Guard guard = Guard.builder()
        .eventSink(sink)
        .environment(Map.of())
        .addInterceptor(named("inspect", chain -> {
          interceptorSaw.set(chain.context().jsonBody());
          return chain.proceed();
        }))
        .strictJsonBodies()
        .build();

    send(guard, Requests.post("application/json", "[1, 2]"));

    assertEquals(2, interceptorSaw.get().orElseThrow().size());
    assertEquals(interceptorSaw.get(), handlerSaw.get());
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "text/html; charset=utf-8", "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x", "application/jsonp", "application/json5", "text/json"})
  void bodiesDeclaredAsSomethingElseAreLeftAlone(String contentType) {
    Outcome outcome = send(Requests.post(contentType, "{'lenient': 1, 'lenient': 2}"));

    assertInstanceOf(Outcome.Handled.class, outcome);
    assertEquals(Optional.empty(), handlerSaw.get());
  }

  @Test
  void aBodyWithoutContentTypeThatLooksLikeJsonAfterWhitespaceIsParsed() {
    send(Requests.post(null, " \r\n\t{\"a\": true}"));

    assertTrue(handlerSaw.get().orElseThrow().get("a").booleanValue());
  }

  @Test
  void anArrayBodyWithoutContentTypeIsParsed() {
    send(Requests.post(null, "[\"x\"]"));

    assertEquals("x", handlerSaw.get().orElseThrow().get(0).stringValue());
  }

  @Test
  void aBodyWithoutContentTypeThatLooksLikeJsonMustBeStrictJson() {
    Outcome outcome = send(Requests.post(null, "  {'a': 1}"));

    assertDenied(outcome, 400, Reasons.JSON_MALFORMED, "The request body is not valid JSON: the body is not strict JSON.");
  }

  @Test
  void aBodyWithoutContentTypeThatDoesNotLookLikeJsonIsLeftAlone() {
    Outcome outcome = send(Requests.post(null, "name=value&{x}"));

    assertInstanceOf(Outcome.Handled.class, outcome);
    assertEquals(Optional.empty(), handlerSaw.get());
  }

  @Test
  void anEmptyJsonBodyIsLeftToTheHandler() {
    Outcome outcome = send(Requests.post("application/json", Body.empty()));

    assertInstanceOf(Outcome.Handled.class, outcome);
    assertEquals(Optional.empty(), handlerSaw.get());
  }

  @Test
  void aBlankJsonBodyIsRefused() {
    Outcome outcome = send(Requests.post("application/json", "   "));

    assertDenied(outcome, 400, Reasons.JSON_MALFORMED, "The request body is not valid JSON: the body is empty.");
  }

  @Test
  void aBase64BodyIsParsedFromItsDecodedBytes() {
    String encoded = Base64.getEncoder().encodeToString("{\"name\": \"Zoë\"}".getBytes(UTF_8));

    send(Requests.post("application/json", Body.fromEvent(encoded, true)));

    assertEquals("Zoë", handlerSaw.get().orElseThrow().get("name").stringValue());
  }

  @Test
  void aBase64BodyThatIsNotUtf8IsRefused() {
    String encoded = Base64.getEncoder().encodeToString(new byte[] {'[', '"', (byte) 0xc0, (byte) 0xaf, '"', ']'});

    Outcome outcome = send(Requests.post("application/json", Body.fromEvent(encoded, true)));

    assertDenied(outcome, 400, Reasons.JSON_MALFORMED, "The request body is not valid JSON: the body is not UTF-8.");
  }

  @Test
  void aBodyOverTheSizeLimitIsRefusedWith413BeforeParsing() {
    Guard guard = guard(JsonLimits.defaults().withMaxBodyBytes(16));

    // Not even valid JSON: the size is checked first.
    Outcome outcome = send(guard, Requests.post("application/json", "{\"a\": \"0123456789\""));

    assertDenied(outcome, 413, Reasons.BODY_TOO_LARGE, "The request body is too large.");
  }

  @Test
  void theSizeLimitCountsBytesNotCharacters() {
    Guard guard = guard(JsonLimits.defaults().withMaxBodyBytes(16));

    // 12 characters, 20 bytes in UTF-8.
    Outcome outcome = send(guard, Requests.post("application/json", "[\"éééééééé\"]"));

    assertDenied(outcome, 413, Reasons.BODY_TOO_LARGE, "The request body is too large.");
  }

  @Test
  void aBodyExactlyAtTheSizeLimitIsParsed() {
    Guard guard = guard(JsonLimits.defaults().withMaxBodyBytes(16));

    Outcome outcome = send(guard, Requests.post("application/json", "{\"a\":\"01234567\"}"));

    assertInstanceOf(Outcome.Handled.class, outcome);
    assertEquals("01234567", handlerSaw.get().orElseThrow().get("a").stringValue());
  }

  @Test
  void malformedJsonIsRefusedWith400AndTheHandlerNeverRuns() {
    Outcome outcome = send(Requests.post("application/json", "{\"a\": 1,}"));

    assertDenied(outcome, 400, Reasons.JSON_MALFORMED, "The request body is not valid JSON: the body is not strict JSON.");
  }

  @Test
  void aDuplicateKeyIsRefusedWith400() {
    Outcome outcome = send(Requests.post("application/json", "{\"role\": \"user\", \"role\": \"admin\"}"));

    assertDenied(outcome, 400, Reasons.JSON_DUPLICATE_KEY,
        "The request body is not valid JSON: a key is repeated in one object.");
  }

  @Test
  void aStructuralLimitIsRefusedWith400() {
    Outcome outcome = send(Requests.post("application/json", "[".repeat(100) + "]".repeat(100)));

    assertDenied(outcome, 400, Reasons.JSON_LIMIT_EXCEEDED,
        "The request body is not valid JSON: a structural limit was exceeded.");
  }

  @Test
  void theRefusalMessageNeverEchoesTheBody() {
    Denial denial = (Denial) send(Requests.post("application/json", "{\"canary-c4f1\": 1, \"canary-c4f1\": 2}"));

    assertFalse(denial.message().contains("canary"));
  }

  @Test
  void theInterceptorIsNamedJsonBody() {
    assertEquals("json_body", new JsonBodyInterceptor(new StrictJsonParser(JsonLimits.defaults())).name());
  }

  @Test
  void twoContentTypeHeadersAreRefusedBeforeAnyParsing() {
    GuardRequest request = GuardRequest.builder("apigw-rest-v1").method("POST").path("/orders")
        .headers(dev.lambdaguard.MultiValueMap.headersBuilder()
            .add("Content-Type", "text/plain").add("Content-Type", "application/json").build())
        .body(Body.fromEvent("{\"a\":1}", false)).build();
    Denial denial = assertInstanceOf(Denial.class, send(request));
    assertEquals(400, denial.status());
    assertEquals(Reasons.REQUEST_MALFORMED, denial.reason());
    assertFalse(userInterceptorRan.get());
  }

  @Test
  void withoutContentTypeOnlyJsonWhitespaceMayPrecedeTheBody() {
    // U+00A0 is whitespace to Java but not to JSON: such a body is not taken for JSON.
    assertInstanceOf(Outcome.Handled.class, send(Requests.post(null, "\u00a0{'lenient': true}")));
    Denial denial = assertInstanceOf(Denial.class, send(Requests.post(null, " \r\n\t{'lenient': true}")));
    assertEquals(Reasons.JSON_MALFORMED, denial.reason());
  }
}
