package dev.lambdaguard.auth;

import static dev.lambdaguard.auth.JwtHarness.AUDIENCE;
import static dev.lambdaguard.auth.JwtHarness.ISSUER;
import static dev.lambdaguard.auth.JwtHarness.claims;
import static dev.lambdaguard.auth.JwtHarness.reasonOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.FakeClock;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.secrets.SecretCache;
import dev.lambdaguard.secrets.SecretProvider;
import dev.lambdaguard.secrets.SecretValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** HS256 keys held in a secret: read through the cache, rotated, the pending version, an outage. */
class HmacSecretKeysTest {

  static final String KEY_V1 = "v1-0123456789abcdef0123456789abcdef";
  static final String KEY_V2 = "v2-fedcba9876543210fedcba9876543210";
  static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

  /** Secrets by "id" or "id@stage"; counts fetches. */
  final Map<String, String> store = new ConcurrentHashMap<>();
  final AtomicInteger fetches = new AtomicInteger();
  volatile boolean down;
  final SecretProvider provider = (id, stage) -> {
    fetches.incrementAndGet();
    String value = down ? null : store.get(stage == null ? id : id + "@" + stage);
    if (value == null) {
      throw new SecretProvider.SecretUnavailableException("secret '" + id + "' could not be fetched");
    }
    return SecretValue.text(value, "version-of-" + value.substring(0, 2));
  };
  final FakeClock cacheClock = new FakeClock(0);
  final SecretCache secrets = SecretCache.builder(provider).redactor(new Redactor()).clock(cacheClock)
      .ttl(Duration.ofMinutes(5)).jitter(0).forcedRefreshInterval(Duration.ofSeconds(30)).refresher(Runnable::run)
      .build();

  JwtHarness harness(KeySource keys) {
    return new JwtHarness(JwtAuthenticator.builder().issuer(ISSUER).audiences(AUDIENCE).keys(keys));
  }

  static String token(String key, String subject) {
    return Tokens.hmac("HS256", key.getBytes(StandardCharsets.UTF_8), HEADER,
        claims().replace("\"sub\":\"alice\"", "\"sub\":\"" + subject + "\""));
  }

  @Test
  void theKeyIsAFieldOfASecretReadOnceThroughTheCache() {
    store.put("orders/jwt", "{\"signingKey\":\"" + KEY_V1 + "\",\"issuer\":\"x\"}");
    JwtHarness h = harness(KeySource.hmac(secrets, "orders/jwt#signingKey"));
    for (int i = 0; i < 5; i++) {
      assertEquals("allowed", reasonOf(h.bearer(token(KEY_V1, "alice-" + i))));
    }
    assertEquals(1, fetches.get(), "one fetch serves every verification within the TTL");
    assertEquals("signature_invalid", reasonOf(h.bearer(token(KEY_V2, "mallory"))));
  }

  @Test
  void aRotatedKeyIsPickedUpByOneForcedRefreshAndForgeriesCannotDriveMore() {
    store.put("orders/jwt", KEY_V1);
    JwtHarness h = harness(KeySource.hmac(secrets, "orders/jwt"));
    assertEquals("allowed", reasonOf(h.bearer(token(KEY_V1, "alice"))));
    store.put("orders/jwt", KEY_V2); // the rotation: the issuer signs with v2 from now on
    assertEquals("allowed", reasonOf(h.bearer(token(KEY_V2, "bob"))), "one refresh picks the new key up at once");
    assertEquals(2, fetches.get());
    assertEquals("signature_invalid", reasonOf(h.bearer(token(KEY_V1, "carol"))), "the old key is gone");
    for (int i = 0; i < 20; i++) {
      assertEquals("signature_invalid", reasonOf(h.bearer(token("forged-key-0123456789abcdef0123456789", "m" + i))));
    }
    assertEquals(2, fetches.get(), "forced refreshes are rate-limited: forgeries cannot hammer the secret store");
  }

  @Test
  void duringARotationThePendingVersionIsAcceptedWhenConfigured() {
    store.put("orders/jwt", KEY_V1);
    store.put("orders/jwt@AWSPENDING", KEY_V2);
    assertEquals("signature_invalid",
        reasonOf(harness(KeySource.hmac(secrets, "orders/jwt")).bearer(token(KEY_V2, "early"))));
    JwtHarness h = harness(KeySource.hmac(secrets, "orders/jwt").withPendingVersion());
    assertEquals("allowed", reasonOf(h.bearer(token(KEY_V1, "current"))));
    assertEquals("allowed", reasonOf(h.bearer(token(KEY_V2, "next"))));
  }

  @Test
  void noPendingVersionIsAskedForAtMostOncePerIntervalNotPerToken() {
    store.put("orders/jwt", KEY_V1);
    JwtHarness h = harness(KeySource.hmac(secrets, "orders/jwt").withPendingVersion());
    for (int i = 0; i < 10; i++) {
      assertEquals("allowed", reasonOf(h.bearer(token(KEY_V1, "alice-" + i))));
    }
    assertEquals(2, fetches.get(), "the current version once, the missing pending version once");
  }

  @Test
  void aSecretNeverFetchedFailsClosedAndTheRefusalNamesNoValue() {
    down = true;
    JwtHarness h = harness(KeySource.hmac(secrets, "orders/jwt"));
    assertEquals("jwks_unavailable", reasonOf(h.bearer(token(KEY_V1, "alice"))));
    assertEquals(0, h.handlerCalls.get());
    down = false;
    store.put("orders/jwt", KEY_V1);
    assertEquals("allowed", reasonOf(h.bearer(token(KEY_V1, "alice"))), "the next token reads the secret again");
    assertTrue(h.sink.events().stream().noneMatch(e -> e.toString().contains(KEY_V1)));
  }
}
