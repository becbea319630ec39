package dev.lambdaguard.aws.secrets;

import dev.lambdaguard.internal.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * What every provider backed by an AWS SDK v2 client is configured with: where (endpoint, region), as whom
 * (credentials), and how long to wait. The client is built from these at the first fetch, with the
 * URLConnection HTTP client (the SDK's lightest to load: no Apache or Netty stack) and bounded timeouts;
 * credentials default to the SDK's chain (the function role's variables in Lambda, the container credentials
 * endpoint after a SnapStart restore).
 *
 * @param <B> the concrete builder, so that the shared setters chain into its own
 */
public abstract class SdkProviderBuilder<B extends SdkProviderBuilder<B>> {

  private URI endpoint;
  private Region region;
  private AwsCredentialsProvider credentials;
  private Duration connectTimeout = Duration.ofMillis(500);
  private Duration readTimeout = Duration.ofSeconds(1);
  private Duration callTimeout = Duration.ofSeconds(3);

  SdkProviderBuilder() {}

  /** Another endpoint (a VPC endpoint, or a local emulation in tests). */
  public B endpoint(URI endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    return self();
  }

  /** The region; by default the SDK's chain ({@code AWS_REGION} in Lambda). */
  public B region(String region) {
    this.region = Region.of(Objects.requireNonNull(region, "region"));
    return self();
  }

  /** Credentials; by default the SDK's default chain. */
  public B credentials(AwsCredentialsProvider credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    return self();
  }

  /** Connect and read timeouts of one HTTP attempt, and the bound on a whole call with its retries. */
  public B timeouts(Duration connect, Duration read, Duration call) {
    this.connectTimeout = Settings.within("secrets.sdk.connectTimeout", connect, Duration.ofMillis(10), Duration.ofSeconds(10));
    this.readTimeout = Settings.within("secrets.sdk.readTimeout", read, Duration.ofMillis(10), Duration.ofSeconds(30));
    this.callTimeout = Settings.within("secrets.sdk.callTimeout", call, Duration.ofMillis(10), Duration.ofSeconds(60));
    return self();
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** A client of the given service, built with these settings. */
  <C, T extends AwsSyncClientBuilder<T, C> & AwsClientBuilder<T, C>> C buildClient(T builder) {
    builder.httpClientBuilder(UrlConnectionHttpClient.builder()
            .connectionTimeout(connectTimeout).socketTimeout(readTimeout))
        .overrideConfiguration(o -> o.apiCallTimeout(callTimeout))
        .credentialsProvider(credentials != null ? credentials : DefaultCredentialsProvider.builder().build());
    if (region != null) {
      builder.region(region);
    }
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  /**
   * The kind of an SDK failure for a message: the exception's class and its root cause's, never its message
   * (which may quote a request or answer).
   */
  static String failureKind(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + "/" + root.getClass().getSimpleName();
  }
}
