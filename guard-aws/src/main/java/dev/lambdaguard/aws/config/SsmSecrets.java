package dev.lambdaguard.aws.config;

import dev.lambdaguard.aws.secrets.SsmParameterProvider;
import dev.lambdaguard.config.SecretProviderFactory;
import dev.lambdaguard.secrets.SecretProvider;
import java.util.Map;

/** {@code secrets.provider=ssm}: SSM Parameter Store SecureStrings through the SDK, client built at the first fetch. */
public final class SsmSecrets implements SecretProviderFactory {

  @Override
  public String name() {
    return "ssm";
  }

  @Override
  public SecretProvider create(Map<String, String> environment) {
    return SdkProviders.configure(SsmParameterProvider.builder(), environment).build();
  }
}
