package dev.lambdaguard.aws.config;

import dev.lambdaguard.aws.secrets.SecretsManagerProvider;
import dev.lambdaguard.config.SecretProviderFactory;
import dev.lambdaguard.secrets.SecretProvider;
import java.util.Map;

/**
 * {@code secrets.provider=secretsmanager}: AWS Secrets Manager through the SDK (its optional dependencies must be
 * on the class path); the client is built at the first fetch, in the region of the environment.
 */
public final class SecretsManagerSecrets implements SecretProviderFactory {

  @Override
  public String name() {
    return "secretsmanager";
  }

  @Override
  public SecretProvider create(Map<String, String> environment) {
    return SdkProviders.configure(SecretsManagerProvider.builder(), environment).build();
  }
}
