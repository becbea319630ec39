package dev.lambdaguard.aws.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lambdaguard.annotation.Secret;
import dev.lambdaguard.aws.TestContext;
import dev.lambdaguard.aws.secrets.ExtensionEmulator;
import dev.lambdaguard.config.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * In layer mode the function has no code of the guard's to call, so the layer fills the handler's {@code @Secret}
 * fields itself, at init, as {@code GuardConfig.injectSecrets} does in code mode; a secret that cannot be read fails
 * the init, naming the field.
 */
class LayerSecretsTest {

  /** A function that only knows its secrets by annotation. */
  public static final class SecretHandler implements RequestHandler<Map<String, Object>, String> {
    @Secret("orders/db#password")
    String password;

    @Secret("orders/partner")
    static Supplier<String> partner;

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      return "db:" + password.length() + " partner:" + partner.get().length();
    }
  }

  @Test
  void theLayerFillsTheHandlersSecretFieldsAtInit() throws Exception {
    try (ExtensionEmulator extension = new ExtensionEmulator()) {
      extension.secrets.put("orders/db", new String[] {"{\"password\":\"s3cr3t-db\"}", "v1"});
      extension.secrets.put("orders/partner", new String[] {"partner-key-1", "v1"});
      Map<String, String> env = environment(extension);
      LambdaGuardHandler layer = new LambdaGuardHandler(env, getClass().getClassLoader(),
          new LambdaGuardHandler.Configured(env, getClass().getClassLoader()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      layer.handleRequest(new ByteArrayInputStream("{\"source\":\"aws.events\"}".getBytes(StandardCharsets.UTF_8)),
          out, new TestContext("req-1"));
      assertEquals("\"db:9 partner:13\"", out.toString(StandardCharsets.UTF_8),
          "the handler saw both secrets (a pass-through event reaches it untouched)");
    }
  }

  @Test
  void aSecretThatCannotBeReadFailsTheInitNamingTheFieldNotTheValue() throws Exception {
    try (ExtensionEmulator extension = new ExtensionEmulator()) {
      extension.secrets.put("orders/partner", new String[] {"partner-key-1", "v1"});
      Map<String, String> env = environment(extension);
      ConfigurationException e = assertThrows(ConfigurationException.class, () -> new LambdaGuardHandler(env,
          getClass().getClassLoader(), new LambdaGuardHandler.Configured(env, getClass().getClassLoader())));
      assertTrue(e.getMessage().contains("password"), e.getMessage());
      assertFalse(e.getMessage().contains("partner-key-1"), e.getMessage());
    }
  }

  private static Map<String, String> environment(ExtensionEmulator extension) {
    Map<String, String> env = new HashMap<>();
    env.put(LambdaGuardHandler.HANDLER, SecretHandler.class.getName());
    env.put("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", String.valueOf(extension.base().getPort()));
    env.put("AWS_SESSION_TOKEN", extension.token);
    return env;
  }
}
