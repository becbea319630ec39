package dev.lambdaguard.aws.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.annotation.Secret;
import dev.lambdaguard.aws.secrets.ExtensionEmulator;
import dev.lambdaguard.config.ConfigurationException;
import dev.lambdaguard.config.GuardConfig;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** guard-aws brings the providers configuration selects by name; the default is the extension. */
class SecretProviderSelectionTest {

  static final class Handler {
    @Secret("orders/db#password")
    String password;

    @Secret("orders/partner")
    Supplier<String> partnerKey;
  }

  @Test
  void byDefaultSecretsComeThroughTheExtensionOfTheConfiguredEnvironment() throws Exception {
    try (ExtensionEmulator extension = new ExtensionEmulator()) {
      extension.secrets.put("orders/db", new String[] {"{\"password\":\"s3cr3t-db\"}", "v1"});
      extension.secrets.put("orders/partner", new String[] {"partner-key-1", "v1"});
      Map<String, String> env = Map.of("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT",
          String.valueOf(extension.base().getPort()), "AWS_SESSION_TOKEN", extension.token);
      GuardConfig config = GuardConfig.load(Handler.class, env, Handler.class.getClassLoader());
      Handler handler = new Handler();
      config.injectSecrets(handler);
      assertEquals("s3cr3t-db", handler.password);
      assertEquals("partner-key-1", handler.partnerKey.get());
      extension.secrets.put("orders/partner", new String[] {"partner-key-2", "v2"});
      assertEquals(2, extension.calls.get(), "one fetch per secret; the supplier reads through the cache");
    }
  }

  @Test
  void secretsManagerAndSsmAreSelectableWithoutFetchingAtLoad() {
    for (String provider : new String[] {"secretsmanager", "ssm"}) {
      GuardConfig.load(Handler.class, Map.of("GUARD_SECRETS_PROVIDER", provider, "AWS_REGION", "eu-west-1"),
          Handler.class.getClassLoader());
    }
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> GuardConfig.load(Handler.class,
        Map.of("GUARD_SECRETS_PROVIDER", "vault"), Handler.class.getClassLoader()));
    assertTrue(e.getMessage().contains("no secret provider 'vault' on the class path (found: [extension, secretsmanager, ssm"),
        e.getMessage());
  }
}
