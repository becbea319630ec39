package dev.lambdaguard.aws.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.FakeClock;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.secrets.SecretCache;
import dev.lambdaguard.secrets.SecretProvider.SecretUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The real SDK v2 client and the real caching client over real HTTP to a loopback Secrets Manager: no mock
 * of the SDK anywhere.
 */
class SecretsManagerProviderTest {

  private SecretsManagerEmulator secretsManager;
  private SecretsManagerProvider provider;
  private final FakeClock clock = new FakeClock(0);

  @BeforeEach
  void start() throws Exception {
    secretsManager = new SecretsManagerEmulator();
    // Credentials are only test values for request signing, which the loopback server does not check.
    provider = SecretsManagerProvider.builder().endpoint(secretsManager.endpoint()).region("us-east-1")
        .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key-id", "test-secret-key")))
        .timeouts(Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofSeconds(2))
        .cacheTtl(Duration.ofSeconds(1)).build();
  }

  @AfterEach
  void stop() {
    provider.close();
    secretsManager.close();
  }

  private SecretCache cache(Redactor redactor) {
    return SecretCache.builder(provider).redactor(redactor).clock(clock).jitter(0).ttl(Duration.ofMinutes(5))
        .maxStaleness(Duration.ofMinutes(30)).refresher(Runnable::run).build();
  }

  @Test
  void theCurrentVersionComesThroughTheCachingClientAndIsRedacted() {
    secretsManager.put("prod/db", "{\"username\":\"app\",\"password\":\"sm-pw-51c3e9\"}", "v1");
    Redactor redactor = new Redactor();
    SecretCache secrets = cache(redactor);
    assertEquals("sm-pw-51c3e9", secrets.get("prod/db#password"));
    assertEquals("app", secrets.get("prod/db#username"));
    assertTrue(secretsManager.getCalls.get() >= 1);
    assertEquals("x [REDACTED]", redactor.redact("x sm-pw-51c3e9"));
  }

  @Test
  void aRestoredCopyFetchesThroughANewClientInsteadOfTheSnapshotsCachedCopy() {
    secretsManager.put("prod/db", "before-rotation", "v1");
    SecretCache secrets = cache(new Redactor());
    assertEquals("before-rotation", secrets.get("prod/db"));
    int calls = secretsManager.getCalls.get();
    secretsManager.put("prod/db", "after-rotation", "v2");
    assertEquals("before-rotation", secrets.get("prod/db"), "cached, as long as the snapshot is not restored");

    secrets.afterRestore();

    assertEquals("after-rotation", secrets.get("prod/db"));
    assertTrue(secretsManager.getCalls.get() > calls, "fetched again, by the rebuilt SDK and caching clients");
  }

  @Test
  void aPendingVersionIsReadDuringARotation() {
    secretsManager.secrets.put("api", new String[] {"current-value-1", "v1", "pending-value-2"});
    assertEquals("pending-value-2", provider.fetch("api", "AWSPENDING").text());
    assertEquals("current-value-1", provider.fetch("api", null).text());
  }

  @Test
  void throttlingServerErrorsSlownessAndUnknownSecretsAreUnavailableNamingOnlyTheSecret() {
    secretsManager.put("api", "never-in-a-message", "v1");
    secretsManager.failStatus = 400;
    SecretUnavailableException throttled = assertThrows(SecretUnavailableException.class, () -> provider.fetch("api", null));
    assertTrue(throttled.getMessage().startsWith("secret 'api' could not be fetched"), throttled.getMessage());
    secretsManager.failStatus = 500;
    assertThrows(SecretUnavailableException.class, () -> provider.fetch("api", null));
    secretsManager.failStatus = 0;
    assertThrows(SecretUnavailableException.class, () -> provider.fetch("unknown", null));
    secretsManager.delayMillis = 3_000;
    SecretUnavailableException slow = assertThrows(SecretUnavailableException.class, () -> provider.fetch("slow", null));
    assertFalse(slow.getMessage().contains("never-in-a-message"));
  }

  @Test
  void aRotationMidTestIsPickedUpAndTheLastGoodValueServedThroughThrottling() throws Exception {
    secretsManager.put("api", "value-one-abcdef", "v1");
    SecretCache secrets = cache(new Redactor());
    assertEquals("value-one-abcdef", secrets.get("api"));
    secretsManager.put("api", "value-two-ghijkl", "v2");
    Thread.sleep(1_100); // the caching client's own TTL (1 s here)
    clock.setMillis(Duration.ofMinutes(6).toMillis()).setNanos(Duration.ofMinutes(6).toNanos());
    secrets.get("api");
    assertEquals("value-two-ghijkl", secrets.get("api"));
    secretsManager.failStatus = 400;
    Thread.sleep(1_100);
    clock.setMillis(Duration.ofMinutes(12).toMillis()).setNanos(Duration.ofMinutes(12).toNanos());
    assertEquals("value-two-ghijkl", secrets.get("api"), "throttled: the last good value");
  }

  @Test
  void aForcedRefreshBypassesTheCachingClientsCache() {
    secretsManager.put("keys", "{\"k1\":\"a\"}", "v1");
    SecretCache secrets = cache(new Redactor());
    assertEquals("{\"k1\":\"a\"}", secrets.get("keys"));
    secretsManager.put("keys", "{\"k1\":\"a\",\"k2\":\"b\"}", "v2");
    assertTrue(secrets.forceRefresh("keys"));
    assertEquals("{\"k1\":\"a\",\"k2\":\"b\"}", secrets.get("keys"));
  }
}
