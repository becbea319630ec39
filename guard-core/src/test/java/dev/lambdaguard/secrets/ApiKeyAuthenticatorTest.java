package dev.lambdaguard.secrets;

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
import dev.lambdaguard.SecurityContext;
import dev.lambdaguard.auth.ApiKeyAuthenticator;
import dev.lambdaguard.events.EventJson;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.events.StdoutJsonSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** API keys held in a secret: who gets in, rotation, outages, and that no key reaches any output. */
class ApiKeyAuthenticatorTest {

  static final String KEY_A = "k_live_" + Long.toHexString(System.nanoTime()) + "a";
  static final String KEY_B = "k_live_" + Long.toHexString(System.nanoTime()) + "b";

  final SecretCacheTest.FakeProvider provider = new SecretCacheTest.FakeProvider();
  final FakeClock clock = new FakeClock(0);
  final Redactor redactor = new Redactor();
  final ByteArrayOutputStream written = new ByteArrayOutputStream();
  final AtomicReference<String> caller = new AtomicReference<>();
  final Guard guard;

  ApiKeyAuthenticatorTest() {
    provider.secrets.put("partners/api-keys", dev.lambdaguard.secrets.SecretValue.text(
        "{\"partner-a\":\"" + KEY_A + "\"}", "v1"));
    SecretCache secrets = SecretCache.builder(provider).redactor(redactor).clock(clock).refresher(Runnable::run).build();
    PrintStream out = new PrintStream(written, true, StandardCharsets.UTF_8);
    guard = Guard.builder().clock(clock).environment(Map.of()).redactor(redactor)
        .eventSink(new StdoutJsonSink(new EventJson(redactor), () -> out))
        .apiKeys(ApiKeyAuthenticator.of(secrets, "partners/api-keys")).build();
  }

  Outcome send(String... keys) {
    MultiValueMap.Builder headers = MultiValueMap.headersBuilder();
    for (String key : keys) {
      headers.add("X-Api-Key", key);
    }
    GuardRequest request = GuardRequest.builder("apigw-rest-v1").method("GET").path("/reports/" + keys.length)
        .headers(headers.build()).build();
    return guard.handle(request, Invocation.NONE, context -> {
      caller.set(SecurityContext.current().orElseThrow().principal().orElseThrow().subject());
      return "ok";
    });
  }

  static String reason(Outcome outcome) {
    return outcome instanceof Denial d ? d.reason().code() : "allowed";
  }

  @Test
  void aHeldKeyAuthenticatesItsCaller() {
    assertEquals("allowed", reason(send(KEY_A)));
    assertEquals("partner-a", caller.get());
  }

  @Test
  void missingUnknownAndDuplicatedKeysAreRefused() {
    assertEquals("api_key_missing", reason(send()));
    assertEquals("api_key_invalid", reason(send("k_live_guess")));
    assertEquals("api_key_invalid", reason(send(KEY_A, KEY_A)));
  }

  @Test
  void aFreshlyRotatedKeyWorksAtOnce() {
    assertEquals("allowed", reason(send(KEY_A)));
    provider.secrets.put("partners/api-keys", dev.lambdaguard.secrets.SecretValue.text(
        "{\"partner-a\":\"" + KEY_A + "\",\"partner-b\":[\"k_old_retired\",\"" + KEY_B + "\"]}", "v2"));
    assertEquals("allowed", reason(send(KEY_B)), "an unknown key forces one refresh of the secret");
    assertEquals("partner-b", caller.get());
  }

  @Test
  void aSecretThatCannotBeFetchedFailsClosedWith503NamingTheSecretInTheEventOnly() {
    provider.down = true;
    Denial denial = assertInstanceOf(Denial.class, send(KEY_A));
    assertEquals(503, denial.status());
    assertEquals("secret_unavailable", denial.reason().code());
    assertFalse(denial.message().contains("partners"));
    assertEquals("partners/api-keys", denial.eventFields().get("secret"));
  }

  @Test
  void noKeyOrSecretValueReachesAnyWrittenByte() {
    send(KEY_A);
    send("k_live_guess-that-is-not-held");
    send(KEY_B);
    String out = written.toString(StandardCharsets.UTF_8);
    assertFalse(out.contains(KEY_A));
    assertFalse(out.contains(KEY_B));
    assertFalse(out.contains("k_live_guess-that-is-not-held"));
    assertTrue(out.contains("\"principal\":\"partner-a\""), "caller ids are names, not secrets: " + out);
  }

  @Test
  void heldKeysAreRegisteredWithTheRedactor() {
    send(KEY_A);

    assertFalse(redactor.redact("leaked " + KEY_A).contains(KEY_A));
  }
}
