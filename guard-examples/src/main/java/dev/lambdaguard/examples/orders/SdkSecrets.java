package dev.lambdaguard.examples.orders;

import dev.lambdaguard.aws.secrets.SecretsManagerProvider;
import dev.lambdaguard.secrets.SecretCache;
import java.net.URI;
import java.util.Map;

/**
 * The orders API's secrets read with the AWS SDK from Secrets Manager, for a function deployed without the
 * Parameters and Secrets extension layer ({@code ORDERS_SECRETS_SOURCE=secretsmanager}). A class of its own so
 * that a function using the extension never loads the SDK, not even to verify {@link OrdersSecurity}.
 *
 * <p>Region from {@code AWS_REGION}, credentials from the SDK's default chain (the function's role);
 * {@code ORDERS_SECRETS_ENDPOINT} names another endpoint (a VPC endpoint, or the demo's loopback store).
 * Every call goes through the SDK, so the guard's SDK interceptor records it as an observed permission.
 */
final class SdkSecrets {

  private SdkSecrets() {}

  static SecretCache fromEnvironment(Map<String, String> env) {
    SecretsManagerProvider.Builder provider = SecretsManagerProvider.builder();
    String region = env.get("AWS_REGION");
    if (region != null && !region.isBlank()) {
      provider.region(region);
    }
    String endpoint = env.get("ORDERS_SECRETS_ENDPOINT");
    if (endpoint != null && !endpoint.isBlank()) {
      provider.endpoint(URI.create(endpoint));
    }
    return SecretCache.builder(provider.build()).build();
  }
}
