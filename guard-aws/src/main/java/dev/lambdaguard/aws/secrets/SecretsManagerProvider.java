package dev.lambdaguard.aws.secrets;

import com.amazonaws.secretsmanager.caching.SecretCacheConfiguration;
import dev.lambdaguard.internal.Settings;
import dev.lambdaguard.secrets.SecretProvider;
import dev.lambdaguard.secrets.SecretValue;
import java.nio.ByteBuffer;
import java.time.Duration;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * Secrets from AWS Secrets Manager through the AWS SDK v2 and AWS's caching client
 * ({@code aws-secretsmanager-caching-java}), for functions that do not run the Parameters and Secrets
 * extension.
 *
 * <p>The SDK client is built at the first fetch, once per execution environment, with the URLConnection HTTP
 * client (the SDK's lightest to load) and bounded timeouts; credentials come from the SDK's default chain
 * (after a SnapStart restore, the container credentials endpoint). The current version goes through the
 * caching client; another stage ({@code AWSPENDING} during a rotation) is read directly. Any SDK failure
 * (throttling, 5xx after retries, timeout, not found) becomes a {@link SecretUnavailableException} naming the
 * secret and the kind of failure only.
 */
public final class SecretsManagerProvider implements SecretProvider, AutoCloseable, dev.lambdaguard.SnapshotAware {

  private final Builder config;
  private volatile Clients clients;

  private record Clients(SecretsManagerClient client, com.amazonaws.secretsmanager.caching.SecretCache cache) {}

  private SecretsManagerProvider(Builder config) {
    this.config = config;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public SecretValue fetch(String id, String versionStage) {
    try {
      Clients c = clients();
      if (versionStage == null || versionStage.equals("AWSCURRENT")) {
        String text = c.cache().getSecretString(id);
        if (text != null) {
          return SecretValue.text(text, null);
        }
        ByteBuffer binary = c.cache().getSecretBinary(id);
        if (binary == null) {
          throw new SecretUnavailableException("secret '" + id + "' has no value");
        }
        byte[] bytes = new byte[binary.remaining()];
        binary.duplicate().get(bytes);
        return SecretValue.binary(bytes, null);
      }
      GetSecretValueResponse response = c.client().getSecretValue(r -> r.secretId(id).versionStage(versionStage));
      return response.secretString() != null
          ? SecretValue.text(response.secretString(), response.versionId())
          : SecretValue.binary(response.secretBinary().asByteArray(), response.versionId());
    } catch (SecretUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SecretUnavailableException("secret '" + id + "' could not be fetched: " + SdkProviderBuilder.failureKind(e));
    }
  }

  @Override
  public void invalidate(String id) {
    Clients c = clients;
    if (c == null) {
      return;
    }
    try {
      c.cache().refreshNow(id);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The fetch that follows reports the failure.
    }
  }

  private Clients clients() {
    Clients c = clients;
    if (c == null) {
      synchronized (this) {
        c = clients;
        if (c == null) {
          SecretsManagerClient client = config.buildClient(SecretsManagerClient.builder());
          c = new Clients(client, new com.amazonaws.secretsmanager.caching.SecretCache(new SecretCacheConfiguration()
              .withClient(client).withCacheItemTTL(config.cacheTtl.toMillis()).withMaxCacheSize(config.maxEntries)));
          clients = c;
        }
      }
    }
    return c;
  }

  /**
   * Drops the SDK client and the caching client's copies: after a restore they hold values that may have
   * rotated and connections that no longer exist. Both are built again at the next fetch.
   */
  @Override
  public void afterRestore() {
    close();
  }

  @Override
  public synchronized void close() {
    if (clients != null) {
      clients.cache().close();
      clients.client().close();
      clients = null;
    }
  }

  /** Configures the provider; nothing is built, and no network used, until the first fetch. */
  public static final class Builder extends SdkProviderBuilder<Builder> {
    private Duration cacheTtl = Duration.ofMinutes(5);
    private int maxEntries = 64;

    private Builder() {}

    /** How long the caching client keeps a version (match the {@code SecretCache} TTL); default 5 min. */
    public Builder cacheTtl(Duration ttl) {
      this.cacheTtl = Settings.within("secrets.sdk.cacheTtl", ttl, Duration.ofSeconds(1), Duration.ofDays(1));
      return this;
    }

    public SecretsManagerProvider build() {
      return new SecretsManagerProvider(this);
    }
  }
}
