package dev.lambdaguard.aws.secrets;

import dev.lambdaguard.secrets.SecretProvider;
import dev.lambdaguard.secrets.SecretValue;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;

/**
 * SSM Parameter Store parameters, SecureString decrypted, through the AWS SDK v2, for functions that do not
 * run the Parameters and Secrets extension (which serves them without any SDK: {@link
 * ParametersSecretsExtension#parameters()}). Put a {@code SecretCache} in front of it like any provider; a
 * version stage, if given, is a parameter label or version ({@code name:label}).
 *
 * <p>The SDK client is built at the first fetch, once; any SDK failure (throttling, 5xx after retries,
 * timeout, not found, a key the role may not use) becomes a {@link SecretUnavailableException} naming the
 * parameter and the kind of failure only.
 */
public final class SsmParameterProvider implements SecretProvider, AutoCloseable {

  private final Builder config;
  private volatile SsmClient client;

  private SsmParameterProvider(Builder config) {
    this.config = config;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public SecretValue fetch(String name, String versionStage) {
    String selector = versionStage == null ? name : name + ":" + versionStage;
    try {
      GetParameterResponse response = client().getParameter(r -> r.name(selector).withDecryption(true));
      if (response.parameter() == null || response.parameter().value() == null) {
        throw new SecretUnavailableException("parameter '" + name + "' has no value");
      }
      Long version = response.parameter().version();
      return SecretValue.text(response.parameter().value(), version == null ? null : version.toString());
    } catch (SecretUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SecretUnavailableException(
          "parameter '" + name + "' could not be fetched: " + SdkProviderBuilder.failureKind(e));
    }
  }

  private SsmClient client() {
    SsmClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          c = config.buildClient(SsmClient.builder());
          client = c;
        }
      }
    }
    return c;
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
      client = null;
    }
  }

  /** Configures the provider; nothing is built, and no network used, until the first fetch. */
  public static final class Builder extends SdkProviderBuilder<Builder> {
    private Builder() {}

    public SsmParameterProvider build() {
      return new SsmParameterProvider(this);
    }
  }
}
