package dev.lambdaguard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the redactor masks, what it leaves alone, and how its registry is bounded. */
class RedactorTest {

  static final String JWT =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

  final Redactor redactor = new Redactor();

  @Test
  void aRegisteredSecretIsMaskedWhereverItAppears() {
    assertTrue(redactor.register("sk_live_9f8e7d6c"));

    assertEquals("[REDACTED]", redactor.redact("sk_live_9f8e7d6c"));
    assertEquals("key=[REDACTED]&again=[REDACTED]!", redactor.redact("key=sk_live_9f8e7d6c&again=sk_live_9f8e7d6c!"));
    assertEquals("/x[REDACTED]y", redactor.redact("/xsk_live_9f8e7d6cy"));
  }

  @Test
  void aSecretThatContainsAnotherIsMaskedWholeWhateverTheRegistrationOrder() {
    Redactor shortFirst = new Redactor();
    shortFirst.register("hunter2");
    shortFirst.register("hunter2hunter2");
    Redactor longFirst = new Redactor();
    longFirst.register("hunter2hunter2");
    longFirst.register("hunter2");
    String text = "a=hunter2hunter2 b=hunter2";

    assertEquals("a=[REDACTED] b=[REDACTED]", shortFirst.redact(text));
    assertEquals("a=[REDACTED] b=[REDACTED]", longFirst.redact(text));
  }

  @Test
  void secretsShorterThanFourCharactersAreRefused() {
    assertFalse(redactor.register(""));
    assertFalse(redactor.register("abc"));
    assertEquals(0, redactor.size());
    String text = "abc abc";
    assertSame(text, redactor.redact(text), "a refused value is not masked");

    assertTrue(redactor.register("abcd"));
    assertEquals(1, redactor.size());
    assertEquals(4, Redactor.MIN_SECRET_LENGTH);
  }

  @Test
  void aNullSecretIsACallerBug() {
    assertEquals("secret", assertThrows(NullPointerException.class, () -> redactor.register(null)).getMessage());
  }

  @Test
  void registeringTheSameSecretTwiceKeepsOneEntry() {
    assertTrue(redactor.register("same-secret"));
    assertTrue(redactor.register("same-secret"));

    assertEquals(1, redactor.size());
  }

  @Test
  void theRegistryIsBoundedAndRefusesSecretsBeyondItsCapacity() {
    for (int i = 0; i < Redactor.MAX_SECRETS; i++) {
      assertTrue(redactor.register("secret-" + i));
    }

    assertFalse(redactor.register("one-too-many"));
    assertEquals(Redactor.MAX_SECRETS, redactor.size());
    assertEquals(1024, Redactor.MAX_SECRETS);
    assertTrue(redactor.register("secret-7"), "a secret already held is still reported as registered");
    assertEquals("one-too-many", redactor.redact("one-too-many"));
    assertEquals("[REDACTED] [REDACTED]", redactor.redact("secret-0 secret-1023"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer", "bearer", "BEARER", "bEaReR"})
  void bearerCredentialsAreMaskedWhateverTheCase(String scheme) {
    assertEquals("Authorization: " + scheme + " [REDACTED]",
        redactor.redact("Authorization: " + scheme + " opaque-token.9f8e7d/+="));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Basic", "basic", "BASIC"})
  void basicCredentialsAreMaskedWhateverTheCase(String scheme) {
    assertEquals(scheme + " [REDACTED] next", redactor.redact(scheme + " dXNlcjpwYXNzd29yZA== next"));
  }

  @Test
  void credentialsOfTheOtherSchemesAreMasked() {
    assertEquals("Digest [REDACTED]", redactor.redact("Digest username=bob"));
    assertEquals("AWS4-HMAC-SHA256 [REDACTED]", redactor.redact("AWS4-HMAC-SHA256 Credential=abc/20240101 x"));
  }

  @Test
  void everyParameterOfASigV4OrDigestCredentialIsMaskedUpToTheClosingQuote() {
    String sigv4 = "AWS4-HMAC-SHA256 Credential=ABCAXZWZ5ZDPIFV7JHWH/20240617/eu-west-1/execute-api/aws4_request, "
        + "SignedHeaders=host;x-amz-date, Signature=2ec027cabfd1c83da3a0f7d53f5edfda4bb30469be552966303bdbe7fda5ad6d";
    assertEquals("\"auth\":\"AWS4-HMAC-SHA256 [REDACTED]\" next",
        redactor.redact("\"auth\":\"" + sigv4 + "\" next"));
    assertEquals("Digest [REDACTED]", redactor.redact("Digest username=\"bob\", response=\"6629fae49393a05397450978507c4ef1\""
        .replace("\"", "")));
  }

  @Test
  void aCredentialAfterSeveralSpacesOrATabIsMaskedToo() {
    assertEquals("Bearer   [REDACTED]", redactor.redact("Bearer   opaque-token-9f8e7d"));
    assertEquals("Basic\t[REDACTED]", redactor.redact("Basic\tdXNlcjpwYXNzd29yZA=="));
  }

  @Test
  void aCredentialEndsAtWhitespaceOrAQuote() {
    assertEquals("{\"auth\":\"Bearer [REDACTED]\",\"ua\":\"curl\"}",
        redactor.redact("{\"auth\":\"Bearer opaque-token-9f8e7d\",\"ua\":\"curl\"}"));
  }

  @Test
  void aSchemeWordInsideAnotherWordIsNotAScheme() {
    String text = "xbearer token and subasic value";

    assertSame(text, redactor.redact(text));
  }

  @Test
  void aSchemeWithoutACredentialIsLeftAlone() {
    String text = "Bearer";

    assertSame(text, redactor.redact(text));
  }

  @Test
  void jwtShapedTokensAreMaskedAnywhere() {
    assertEquals("[REDACTED]", redactor.redact(JWT));
    assertEquals("/reset/[REDACTED]/done", redactor.redact("/reset/" + JWT + "/done"));
    assertEquals("token=[REDACTED] and [REDACTED]", redactor.redact("token=" + JWT + " and " + JWT));
  }

  @Test
  void textThatMerelyStartsLikeAJwtIsLeftAlone() {
    String noDot = "eyJhbGciOiJIUzI1NiJ9";
    String tooShort = "eyJhbGc.x";
    String insideAWord = "abceyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0";

    assertSame(noDot, redactor.redact(noDot));
    assertSame(tooShort, redactor.redact(tooShort));
    assertSame(insideAWord, redactor.redact(insideAWord));
  }

  @Test
  void awsAccessKeyIdsAreMasked() {
    assertEquals("key [REDACTED] end", redactor.redact("key AKIAIOSFODNN7EXAMPLE end"));
    assertEquals("[REDACTED]", redactor.redact("ASIAY34FZKBOKMUTVV7A"));
  }

  @Test
  void textThatMerelyStartsLikeAnAwsKeyIsLeftAlone() {
    String tooShort = "AKIAIOSFODNN7EXAMPL";
    String lowerCase = "AKIAiosfodnn7example";

    assertSame(tooShort, redactor.redact(tooShort));
    assertSame(lowerCase, redactor.redact(lowerCase));
  }

  @Test
  void textWithNothingSensitiveIsReturnedAsTheSameInstance() {
    String text = "GET /orders/42?page=2 Mozilla/5.0 (X11; Linux x86_64) eyJ";
    redactor.register("sk_live_9f8e7d6c");

    assertSame(text, redactor.redact(text));
    assertSame("", redactor.redact(""));
    assertNull(redactor.redact(null));
  }

  @Test
  void everyRuleAppliesToTheSameText() {
    redactor.register("sk_live_9f8e7d6c");

    assertEquals("s=[REDACTED] a=Bearer [REDACTED] j=[REDACTED] k=[REDACTED]",
        redactor.redact("s=sk_live_9f8e7d6c a=Bearer abc123 j=" + JWT + " k=AKIAIOSFODNN7EXAMPLE"));
  }

  @Test
  void credentialHeadersAreKnownCaseInsensitively() {
    assertTrue(Redactor.isSensitiveHeader("Authorization"));
    assertTrue(Redactor.isSensitiveHeader("COOKIE"));
    assertTrue(Redactor.isSensitiveHeader("x-api-key"));
    assertTrue(Redactor.isSensitiveHeader("X-Amz-Security-Token"));
    assertFalse(Redactor.isSensitiveHeader("User-Agent"));
  }
}
