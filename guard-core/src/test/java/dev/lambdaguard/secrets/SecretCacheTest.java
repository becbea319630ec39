package dev.lambdaguard.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.FakeClock;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.internal.EnvironmentNotices;
import dev.lambdaguard.secrets.SecretProvider.SecretUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The secret cache with a hand-written provider and a fake clock: fetch once, refresh, outages, redaction. */
class SecretCacheTest {

  /** A provider whose secrets and failures a test sets; it counts fetches. */
  static final class FakeProvider implements SecretProvider {
    final Map<String, SecretValue> secrets = new ConcurrentHashMap<>();
    final AtomicInteger fetches = new AtomicInteger();
    volatile boolean down;

    @Override
    public SecretValue fetch(String id, String versionStage) {
      fetches.incrementAndGet();
      if (down) {
        throw new SecretUnavailableException("secret '" + id + "' could not be fetched: ThrottlingException");
      }
      SecretValue value = secrets.get(versionStage == null ? id : id + "@" + versionStage);
      if (value == null) {
        throw new SecretUnavailableException("secret '" + id + "' was not found");
      }
      return value;
    }
  }

  final FakeClock clock = new FakeClock(0);
  final FakeProvider provider = new FakeProvider();
  final Redactor redactor = new Redactor();

  SecretCache cache() {
    return SecretCache.builder(provider).redactor(redactor).clock(clock).ttl(Duration.ofMinutes(5)).jitter(0)
        .maxStaleness(Duration.ofMinutes(30)).refresher(Runnable::run).build();
  }

  @Test
  void aSecretIsFetchedOnceAndServedFromTheCacheWithinItsTtl() {
    provider.secrets.put("prod/db", SecretValue.text("{\"user\":\"app\",\"password\":\"pw-7f3c9b2e41\",\"port\":5432}", "v1"));
    SecretCache secrets = cache();
    assertEquals("pw-7f3c9b2e41", secrets.get("prod/db#password"));
    assertEquals("app", secrets.get("prod/db#user"));
    assertEquals("5432", secrets.get("prod/db#port"));
    assertEquals(1, provider.fetches.get());
    assertThrows(SecretUnavailableException.class, () -> secrets.get("prod/db#missing"));
  }

  @Test
  void everyFetchedValueAndJsonFieldIsRegisteredWithTheRedactor() {
    provider.secrets.put("prod/db", SecretValue.text("{\"password\":\"pw-7f3c9b2e41\"}", "v1"));
    cache().get("prod/db#password");
    assertEquals("login with [REDACTED] failed", redactor.redact("login with pw-7f3c9b2e41 failed"));
  }

  @Test
  void afterTheTtlTheNextUseIsServedAndStartsARefreshThatPicksUpARotation() {
    provider.secrets.put("api", SecretValue.text("old-secret-value", "v1"));
    SecretCache secrets = cache();
    assertEquals("old-secret-value", secrets.get("api"));
    provider.secrets.put("api", SecretValue.text("new-secret-value", "v2"));
    clock.setNanos(Duration.ofMinutes(6).toNanos());
    assertEquals("old-secret-value", secrets.get("api"), "served at once; the refresh runs beside it");
    assertEquals("new-secret-value", secrets.get("api"));
    assertEquals("v2", secrets.value("api").versionId());
  }

  @Test
  void aFailingRefreshServesTheLastGoodValueUntilTheMaximumStaleness() {
    provider.secrets.put("api", SecretValue.text("good-secret-value", "v1"));
    SecretCache secrets = cache();
    secrets.get("api");
    provider.down = true;
    clock.setNanos(Duration.ofMinutes(20).toNanos());
    EnvironmentNotices.drain();
    assertEquals("good-secret-value", secrets.get("api"));
    assertEquals(List.of(new EnvironmentNotices.Notice("secret_stale", Map.of("secret", "api", "age_s", "1200"))),
        EnvironmentNotices.drain(), "the failed refresh is reported, naming the secret and the value's age");
    clock.setNanos(Duration.ofMinutes(31).toNanos());
    SecretUnavailableException e = assertThrows(SecretUnavailableException.class, () -> secrets.get("api"));
    assertTrue(e.getMessage().contains("'api'"));
    assertFalse(e.getMessage().contains("good-secret-value"));
  }

  @Test
  void aSecretNeverFetchedFailsClosed() {
    provider.down = true;
    assertThrows(SecretUnavailableException.class, () -> cache().get("never"));
  }

  @Test
  void forcedRefreshesAreRateLimited() {
    provider.secrets.put("keys", SecretValue.text("{\"a\":\"x\"}", "v1"));
    SecretCache secrets = cache();
    secrets.get("keys");
    assertTrue(secrets.forceRefresh("keys"));
    assertFalse(secrets.forceRefresh("keys"), "a second forced refresh within 30 s is refused");
    clock.setNanos(Duration.ofSeconds(31).toNanos());
    assertTrue(secrets.forceRefresh("keys"));
    assertEquals(3, provider.fetches.get());
  }

  @Test
  void binarySecretsAndVersionStagesAndBounds() {
    provider.secrets.put("cert", SecretValue.binary(new byte[] {1, 2, 3}, "v1"));
    provider.secrets.put("api@AWSPENDING", SecretValue.text("pending-secret-value", "v9"));
    SecretCache secrets = SecretCache.builder(provider).redactor(redactor).clock(clock).maxEntries(2)
        .refresher(Runnable::run).build();
    assertArrayEquals(new byte[] {1, 2, 3}, secrets.getBinary("cert"));
    assertEquals("pending-secret-value", secrets.get("api", "AWSPENDING"));
    for (int i = 0; i < 10; i++) {
      provider.secrets.put("s" + i, SecretValue.text("value-" + i, "v"));
      secrets.get("s" + i);
    }
    int before = provider.fetches.get();
    secrets.get("cert");
    assertEquals(before + 1, provider.fetches.get(), "evicted by the bound: fetched again");
    provider.secrets.put("team@corp/db", SecretValue.text("at-sign-names-are-valid", "v1"));
    assertEquals("at-sign-names-are-valid", secrets.get("team@corp/db"));
    assertThrows(IllegalArgumentException.class, () -> secrets.get("#key"));
    assertEquals("SecretValue[version=v1]", SecretValue.text("do-not-print", "v1").toString());
  }
}
