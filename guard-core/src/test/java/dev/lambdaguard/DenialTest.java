package dev.lambdaguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A denial is a validated, immutable value. */
class DenialTest {

  static final Reason LIMITED = Reason.of("rate_limited", Reason.Kind.RATE_LIMIT);

  @Test
  void statusesFrom400To599AreAccepted() {
    assertEquals(400, Denial.of(400, LIMITED).status());
    assertEquals(599, Denial.of(599, LIMITED).status());
  }

  @Test
  void aStatusOutside400To599IsRejectedWithTheRange() {
    assertEquals("denial status must be 400..599: 399",
        assertThrows(IllegalArgumentException.class, () -> Denial.of(399, LIMITED)).getMessage());
    assertEquals("denial status must be 400..599: 600",
        assertThrows(IllegalArgumentException.class, () -> Denial.of(600, LIMITED)).getMessage());
    assertEquals("denial status must be 400..599: 200",
        assertThrows(IllegalArgumentException.class, () -> new Denial(200, LIMITED, "OK", Map.of())).getMessage());
  }

  @Test
  void reasonMessageAndHeadersAreRequired() {
    assertEquals("reason", assertThrows(NullPointerException.class, () -> Denial.of(400, null)).getMessage());
    assertEquals("message", assertThrows(NullPointerException.class, () -> Denial.of(400, LIMITED, null))
        .getMessage());
    assertThrows(NullPointerException.class, () -> new Denial(400, LIMITED, "x", null));
  }

  @Test
  void theDefaultMessageIsTheStatusPhrase() {
    assertEquals("Too Many Requests", Denial.of(429, LIMITED).message());
    assertEquals("Payload Too Large", Denial.of(413, LIMITED).message());
    assertEquals("Error", Denial.of(418, LIMITED).message(), "a status without a phrase here");
  }

  @Test
  void theNamedFactoriesSetTheirStatus() {
    assertEquals(400, Denial.badRequest(LIMITED, "m").status());
    assertEquals(401, Denial.unauthorized(LIMITED, "m").status());
    assertEquals(403, Denial.forbidden(LIMITED, "m").status());
    Denial internal = Denial.internalError();
    assertEquals(500, internal.status());
    assertEquals(Reasons.INTERNAL_ERROR, internal.reason());
    assertEquals("The request could not be checked.", internal.message());
  }

  @Test
  void withHeaderReturnsACopyAndLeavesTheOriginalUnchanged() {
    Denial original = Denial.of(429, LIMITED);

    Denial withRetry = original.withHeader("Retry-After", "30");

    assertNotSame(original, withRetry);
    assertEquals(Map.of(), original.headers());
    assertEquals(Map.of("Retry-After", "30"), withRetry.headers());
    assertEquals(original.status(), withRetry.status());
    assertEquals(original.reason(), withRetry.reason());
    assertEquals(original.message(), withRetry.message());
  }

  @Test
  void withHeaderAddsAndReplacesByName() {
    Denial denial = Denial.of(429, LIMITED)
        .withHeader("Retry-After", "30")
        .withHeader("RateLimit-Policy", "100;w=60")
        .withHeader("Retry-After", "10");

    assertEquals(Map.of("Retry-After", "10", "RateLimit-Policy", "100;w=60"), denial.headers());
  }

  @Test
  void theHeadersCannotBeChangedFromOutside() {
    Map<String, String> headers = new HashMap<>(Map.of("Retry-After", "30"));
    Denial denial = new Denial(429, LIMITED, "Slow down.", headers);

    headers.put("Retry-After", "0");

    assertEquals(Map.of("Retry-After", "30"), denial.headers());
    assertThrows(UnsupportedOperationException.class, () -> denial.headers().put("X", "y"));
    assertThrows(UnsupportedOperationException.class,
        () -> Denial.of(429, LIMITED).withHeader("A", "b").headers().clear());
  }

  @Test
  void withHeaderRejectsNullNamesAndValues() {
    assertEquals("name", assertThrows(NullPointerException.class,
        () -> Denial.of(429, LIMITED).withHeader(null, "1")).getMessage());
    assertEquals("value", assertThrows(NullPointerException.class,
        () -> Denial.of(429, LIMITED).withHeader("Retry-After", null)).getMessage());
  }

  @Test
  void withHeaderReplacesAHeaderOfTheSameNameInAnyCasingAndKeepsOrder() {
    Denial denial = Denial.of(429, LIMITED).withHeader("Retry-After", "5").withHeader("RateLimit", "r=0")
        .withHeader("retry-after", "9");
    assertEquals(java.util.List.of("RateLimit", "retry-after"), java.util.List.copyOf(denial.headers().keySet()));
    assertEquals("9", denial.headers().get("retry-after"));
  }

  @Test
  void eventFieldsAreSnakeCaseAndBounded() {
    assertThrows(IllegalArgumentException.class, () -> Denial.of(429, LIMITED).withEventField("Bad-Name", "x"));
    Denial denial = Denial.of(429, LIMITED);
    for (int i = 0; i < Denial.MAX_EVENT_FIELDS; i++) {
      denial = denial.withEventField("field_" + i, "v");
    }
    Denial full = denial;
    assertThrows(IllegalArgumentException.class, () -> full.withEventField("one_more", "v"));
  }
}
