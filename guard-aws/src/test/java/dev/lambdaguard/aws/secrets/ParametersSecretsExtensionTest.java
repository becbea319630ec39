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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The extension provider over real HTTP to an emulation of the extension, through the secret cache. */
class ParametersSecretsExtensionTest {

  private ExtensionEmulator extension;
  private final FakeClock clock = new FakeClock(0);

  @BeforeEach
  void start() throws Exception {
    extension = new ExtensionEmulator();
  }

  @AfterEach
  void stop() {
    extension.close();
  }

  private ParametersSecretsExtension provider(boolean parameters) {
    return ParametersSecretsExtension.at(extension.base(), extension.token, parameters)
        .withTimeouts(Duration.ofMillis(200), Duration.ofMillis(300));
  }

  private SecretCache cache(Redactor redactor) {
    return SecretCache.builder(provider(false)).redactor(redactor).clock(clock).jitter(0).ttl(Duration.ofMinutes(5))
        .maxStaleness(Duration.ofMinutes(30)).refresher(Runnable::run).build();
  }

  @Test
  void aSecretIsFetchedWithTheTokenOnceAndItsFieldsAreRedacted() {
    extension.secrets.put("prod/db", new String[] {"{\"username\":\"app\",\"password\":\"db-pw-3f9a7c21\"}", "v1"});
    Redactor redactor = new Redactor();
    SecretCache secrets = cache(redactor);
    assertEquals("db-pw-3f9a7c21", secrets.get("prod/db#password"));
    assertEquals("app", secrets.get("prod/db#username"));
    assertEquals(1, extension.calls.get());
    assertEquals("pw=[REDACTED]", redactor.redact("pw=db-pw-3f9a7c21"));
  }

  @Test
  void aParameterIsFetchedDecrypted() {
    extension.parameters.put("/orders/feature-key", "param-value-77");
    assertEquals("param-value-77", provider(true).fetch("/orders/feature-key", null).text());
  }

  @Test
  void aWrongTokenThrottlingServerErrorsAndSlownessAreUnavailableNeverLeakingTheAnswer() {
    extension.secrets.put("api", new String[] {"top-secret-value", "v1"});
    ParametersSecretsExtension wrongToken = ParametersSecretsExtension.at(extension.base(), "not-the-token", false);
    SecretUnavailableException unauthorized = assertThrows(SecretUnavailableException.class, () -> wrongToken.fetch("api", null));
    assertEquals("secret 'api' could not be fetched: HTTP 401", unauthorized.getMessage());
    extension.failStatus = 400;
    assertTrue(assertThrows(SecretUnavailableException.class, () -> provider(false).fetch("api", null))
        .getMessage().endsWith("HTTP 400"));
    extension.failStatus = 500;
    assertTrue(assertThrows(SecretUnavailableException.class, () -> provider(false).fetch("api", null))
        .getMessage().endsWith("HTTP 500"));
    extension.failStatus = 0;
    extension.delayMillis = 1_000;
    SecretUnavailableException slow = assertThrows(SecretUnavailableException.class, () -> provider(false).fetch("api", null));
    assertFalse(slow.getMessage().contains("top-secret-value"));
  }

  @Test
  void theLastGoodValueIsServedThroughThrottlingAndARotationIsPickedUp() {
    extension.secrets.put("api", new String[] {"value-one-abcdef", "v1"});
    SecretCache secrets = cache(new Redactor());
    assertEquals("value-one-abcdef", secrets.get("api"));
    extension.failStatus = 400;
    clock.setMillis(Duration.ofMinutes(6).toMillis()).setNanos(Duration.ofMinutes(6).toNanos());
    assertEquals("value-one-abcdef", secrets.get("api"), "throttled: the last good value");
    extension.failStatus = 0;
    extension.secrets.put("api", new String[] {"value-two-ghijkl", "v2"});
    clock.setMillis(Duration.ofMinutes(12).toMillis()).setNanos(Duration.ofMinutes(12).toNanos());
    secrets.get("api");
    assertEquals("value-two-ghijkl", secrets.get("api"));
    assertEquals("v2", secrets.value("api").versionId());
  }

  @Test
  void thePortComesFromTheLambdaEnvironment() {
    assertThrows(IllegalArgumentException.class, () -> ParametersSecretsExtension.fromEnvironment(
        Map.of("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", "80; rm"), false));
    ParametersSecretsExtension.fromEnvironment(Map.of("AWS_SESSION_TOKEN", "t"), false);
  }
}
