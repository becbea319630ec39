package dev.lambdaguard.aws.config;

import dev.lambdaguard.aws.secrets.ParametersSecretsExtension;
import dev.lambdaguard.config.SecretProviderFactory;
import dev.lambdaguard.secrets.SecretProvider;
import java.util.Map;

/**
 * {@code secrets.provider=extension} (the default): secrets through the AWS Parameters and Secrets Lambda
 * Extension, at the port and with the session token of the function's environment. No AWS SDK is loaded.
 */
public final class ExtensionSecrets implements SecretProviderFactory {

  @Override
  public String name() {
    return "extension";
  }

  @Override
  public SecretProvider create(Map<String, String> environment) {
    return ParametersSecretsExtension.fromEnvironment(environment, false);
  }
}
