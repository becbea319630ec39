package dev.lambdaguard.bench.coldstart;

import dev.lambdaguard.aws.secrets.ExtensionEmulator;
import dev.lambdaguard.aws.secrets.SecretsManagerEmulator;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * The secret stores the API-key variants read from, running in the harness process for the whole measurement:
 * a loopback Secrets Manager (for the SDK and AWS's caching client) and a loopback Parameters and Secrets
 * extension, both holding the same API-key secret. The key is generated now; nothing is stored.
 */
final class BenchSecretStores implements AutoCloseable {

  static final String SECRET_ID = "bench/api-keys";

  private final SecretsManagerEmulator secretsManager;
  private final ExtensionEmulator extension;
  private final String apiKey = "k_bench_" + UUID.randomUUID().toString().replace("-", "");

  private BenchSecretStores() throws IOException {
    secretsManager = new SecretsManagerEmulator();
    extension = new ExtensionEmulator();
    String secret = "{\"bench-partner\":\"" + apiKey + "\"}";
    secretsManager.put(SECRET_ID, secret, "v1");
    extension.secrets.put(SECRET_ID, new String[] {secret, "v1"});
  }

  static BenchSecretStores start() throws IOException {
    return new BenchSecretStores();
  }

  String apiKey() {
    return apiKey;
  }

  /**
   * What a child needs to reach the stores as a Lambda function would: the extension's port and the session
   * token it checks, and for the SDK the endpoint, the region and (as Lambda sets them) credentials.
   */
  Map<String, String> environment() {
    return Map.of(
        "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", String.valueOf(extension.base().getPort()),
        "AWS_SESSION_TOKEN", extension.token,
        ColdStartApp.SECRETS_MANAGER_ENDPOINT, secretsManager.endpoint().toString(),
        "AWS_REGION", "us-east-1",
        "AWS_ACCESS_KEY_ID", "bench-access-key-id",
        "AWS_SECRET_ACCESS_KEY", "bench-secret-access-key");
  }

  @Override
  public void close() {
    secretsManager.close();
    extension.close();
  }
}
