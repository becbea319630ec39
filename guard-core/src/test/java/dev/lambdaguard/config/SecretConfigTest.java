package dev.lambdaguard.config;

import static dev.lambdaguard.config.ConfigRequests.decide;
import static dev.lambdaguard.config.ConfigRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Guard;
import dev.lambdaguard.RecordingSink;
import dev.lambdaguard.annotation.Jwt;
import dev.lambdaguard.annotation.Secret;
import dev.lambdaguard.auth.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Secrets named by configuration: a token key held in a secret, and secrets injected into handler fields. */
class SecretConfigTest {

  static final String ISSUER = "https://issuer.example.com";
  static final Map<String, String> MEMORY = Map.of("GUARD_SECRETS_PROVIDER", "memory");

  static final class Handler {
    @Secret("db#password")
    String password;

    @Secret("api-token")
    Supplier<String> apiToken;

    @Secret("db#user")
    static String user;

    String untouched = "as it was";
  }

  @Test
  void fieldsReceiveTheirSecretsAndASupplierFollowsRotation() {
    MemorySecrets.VALUES.put("db", "{\"user\":\"orders\",\"password\":\"pw-" + System.nanoTime() + "\"}");
    MemorySecrets.VALUES.put("api-token", "token-1");
    GuardConfig config = GuardConfig.load(Handler.class, MEMORY, Handler.class.getClassLoader());
    Handler handler = new Handler();
    config.injectSecrets(handler);
    assertTrue(handler.password.startsWith("pw-"));
    assertEquals("orders", Handler.user);
    assertEquals("token-1", handler.apiToken.get());
    assertEquals("as it was", handler.untouched);
  }

  @Test
  void afterARestoreASupplierFieldFetchesAgain() {
    MemorySecrets.VALUES.put("db", "{\"user\":\"orders\",\"password\":\"pw\"}");
    MemorySecrets.VALUES.put("api-token", "before-snapshot");
    GuardConfig config = GuardConfig.load(Handler.class, MEMORY, Handler.class.getClassLoader());
    Handler handler = new Handler();
    config.injectSecrets(handler);
    assertEquals("before-snapshot", handler.apiToken.get());
    MemorySecrets.VALUES.put("api-token", "rotated-while-stored");
    assertEquals("before-snapshot", handler.apiToken.get(), "cached within its time to live");
    config.afterRestore();
    assertEquals("rotated-while-stored", handler.apiToken.get(), "a restored copy does not reuse the snapshot's secret");
  }

  @Test
  void staticFieldsAloneWhenNoInstanceIsGiven() {
    MemorySecrets.VALUES.put("db", "{\"user\":\"statics\",\"password\":\"pw\"}");
    MemorySecrets.VALUES.put("api-token", "token-1");
    Handler.user = null;
    GuardConfig.load(Handler.class, MEMORY, Handler.class.getClassLoader()).injectSecrets(null);
    assertEquals("statics", Handler.user);
  }

  @Test
  void aSecretThatCannotBeReadFailsNamingTheFieldNotAValue() {
    MemorySecrets.VALUES.remove("db");
    GuardConfig config = GuardConfig.load(Handler.class, MEMORY, Handler.class.getClassLoader());
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> config.injectSecrets(new Handler()));
    assertTrue(e.getMessage().contains("@Secret(\"db#password\") on " + Handler.class.getName()
        + ".password: the secret cannot be read"), e.getMessage());
  }

  static final class FinalField {
    @Secret("x")
    final String value = "";
  }

  static final class WrongType {
    @Secret("x")
    char[] value;
  }

  @Test
  void misdeclaredFieldsAndAMissingProviderFailAtLoad() {
    ConfigurationException finalField = assertThrows(ConfigurationException.class,
        () -> GuardConfig.load(FinalField.class, MEMORY, FinalField.class.getClassLoader()));
    assertTrue(finalField.getMessage().contains(".value: the field must not be final"), finalField.getMessage());
    ConfigurationException wrongType = assertThrows(ConfigurationException.class,
        () -> GuardConfig.load(WrongType.class, MEMORY, WrongType.class.getClassLoader()));
    assertTrue(wrongType.getMessage().contains("must be a String or a Supplier<String>, not char[]"), wrongType.getMessage());
    // guard-core alone brings no AWS provider: the default, the extension, comes with guard-aws
    ConfigurationException noProvider = assertThrows(ConfigurationException.class,
        () -> GuardConfig.load(Handler.class, Map.of(), Handler.class.getClassLoader()));
    assertTrue(noProvider.getMessage().contains("no secret provider 'extension' on the class path (found: [memory]"),
        noProvider.getMessage());
    ConfigurationException unknown = assertThrows(ConfigurationException.class,
        () -> GuardConfig.load(Handler.class, Map.of("GUARD_SECRETS_PROVIDER", "vault"), Handler.class.getClassLoader()));
    assertTrue(unknown.getMessage().contains("environment variable GUARD_SECRETS_PROVIDER (secrets.provider): "
        + "no secret provider 'vault'"), unknown.getMessage());
  }

  @Jwt(issuer = ISSUER, audience = ConfigRequests.AUDIENCE, hmacKeyRef = "orders/jwt#key")
  static final class HmacHandler {}

  @Test
  void aTokenKeyHeldInASecretVerifiesTokensAndNothingIsFetchedAtLoad() {
    String key = "k".repeat(16) + System.nanoTime() + "-0123456789abcdef";
    MemorySecrets.VALUES.put("orders/jwt", "{\"key\":\"" + key + "\"}");
    int before = MemorySecrets.FETCHES.get();
    Guard guard = GuardConfig.load(HmacHandler.class, MEMORY, HmacHandler.class.getClassLoader()).guardBuilder()
        .eventSink(new RecordingSink()).build();
    assertEquals(before, MemorySecrets.FETCHES.get(), "no secret is read before the first token");
    long now = System.currentTimeMillis() / 1000;
    String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"hank\",\"aud\":\"orders-api\",\"exp\":" + (now + 600) + "}";
    String good = Tokens.hmac("HS256", key.getBytes(StandardCharsets.UTF_8), "{\"alg\":\"HS256\"}", claims);
    String forged = Tokens.hmac("HS256", "not-the-key-not-the-key-not-the-key".getBytes(StandardCharsets.UTF_8),
        "{\"alg\":\"HS256\"}", claims);
    assertEquals("allowed", decide(guard, request("GET", "/orders/1", "GET /orders/{id}", good, null)));
    assertEquals("401 signature_invalid", decide(guard, request("GET", "/orders/1", "GET /orders/{id}", forged, null)));
  }

  static final class PlainHandler {}

  @Test
  void theKeyReferenceVariableIsNotMistakenForACredentialInTheEnvironment() {
    RecordingSink sink = new RecordingSink();
    GuardConfig.load(PlainHandler.class, Map.of("GUARD_SECRETS_PROVIDER", "memory", "GUARD_JWT_ISSUER", ISSUER,
        "GUARD_JWT_AUDIENCE", "orders-api", "GUARD_JWT_HMAC_KEY_REF", "prod/orders/jwt-signing-7Qx#hs256"),
        PlainHandler.class.getClassLoader()).guardBuilder().eventSink(sink).build();
    assertEquals(java.util.List.of("init"), sink.types());
  }

  static final class NoSecrets {}

  @Test
  void aConfigurationWithoutSecretsNeverLooksForAProvider() {
    // guard-core's tests have no 'extension' provider: looking for the default one would fail
    GuardConfig.load(NoSecrets.class, Map.of(), NoSecrets.class.getClassLoader()).injectSecrets(new NoSecrets());
  }
}
