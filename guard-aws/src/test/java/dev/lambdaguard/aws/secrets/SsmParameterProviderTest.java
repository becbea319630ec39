package dev.lambdaguard.aws.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.FakeClock;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.secrets.SecretCache;
import dev.lambdaguard.secrets.SecretProvider.SecretUnavailableException;
import dev.lambdaguard.secrets.SecretValue;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** SSM SecureString parameters through the real SDK client, against a loopback server speaking SSM's protocol. */
class SsmParameterProviderTest {

  private SecretsManagerEmulator ssm;
  private SsmParameterProvider provider;

  @BeforeEach
  void start() throws Exception {
    ssm = new SecretsManagerEmulator();
    provider = SsmParameterProvider.builder().endpoint(ssm.endpoint()).region("us-east-1")
        .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key-id", "test-secret-key")))
        .timeouts(Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofSeconds(2)).build();
  }

  @AfterEach
  void stop() {
    provider.close();
    ssm.close();
  }

  @Test
  void aSecureStringIsFetchedDecryptedOnceAndServedFromTheCache() {
    ssm.parameters.put("/orders/webhook-token", "whk-5b1e0c9a77");
    Redactor redactor = new Redactor();
    SecretCache cache = SecretCache.builder(provider).redactor(redactor).clock(new FakeClock(0)).build();
    assertEquals("whk-5b1e0c9a77", cache.get("/orders/webhook-token"));
    assertEquals("whk-5b1e0c9a77", cache.get("/orders/webhook-token"));
    assertEquals(1, ssm.parameterCalls.get());
    assertEquals("3", cache.value("/orders/webhook-token").versionId());
    assertFalse(redactor.redact("token whk-5b1e0c9a77").contains("whk-5b1e0c9a77"));
  }

  @Test
  void aLabelSelectsTheVersion() {
    ssm.parameters.put("/orders/webhook-token:next", "whk-next-0a1b2c");
    SecretValue next = provider.fetch("/orders/webhook-token", "next");
    assertEquals("whk-next-0a1b2c", next.text());
  }

  @Test
  void failuresNameTheParameterAndTheKindNeverAValue() {
    ssm.parameters.put("/orders/webhook-token", "whk-5b1e0c9a77");
    ssm.failStatus = 400;
    SecretUnavailableException throttled = assertThrows(SecretUnavailableException.class,
        () -> provider.fetch("/orders/webhook-token", null));
    assertTrue(throttled.getMessage().startsWith("parameter '/orders/webhook-token' could not be fetched: "),
        throttled.getMessage());
    assertFalse(throttled.getMessage().contains("whk-"));
    ssm.failStatus = 0;
    SecretUnavailableException missing = assertThrows(SecretUnavailableException.class,
        () -> provider.fetch("/orders/missing", null));
    assertTrue(missing.getMessage().contains("ParameterNotFound"), missing.getMessage());
  }

  @Test
  void aSlowStoreIsBoundedByTheCallTimeout() {
    ssm.parameters.put("/orders/webhook-token", "whk-5b1e0c9a77");
    ssm.delayMillis = 5_000;
    long start = System.nanoTime();
    assertThrows(SecretUnavailableException.class, () -> provider.fetch("/orders/webhook-token", null));
    // The exception is the proof (without the 2 s call timeout the 5 s answer would arrive and succeed); the bound
    // only catches a hang.
    assertTrue(System.nanoTime() - start < 10_000_000_000L, "bounded by the call timeout, not hanging");
  }
}
