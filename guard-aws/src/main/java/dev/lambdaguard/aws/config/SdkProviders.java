package dev.lambdaguard.aws.config;

import dev.lambdaguard.aws.secrets.SdkProviderBuilder;
import java.util.Map;

/**
 * The SDK providers' region from the configuration's environment rather than the process's, so that a configuration
 * loaded from a given environment (a test's, the layer's) means the same everywhere. Other SDK settings (an
 * endpoint, credentials) are given in code, with the provider's own builder.
 */
final class SdkProviders {

  private SdkProviders() {}

  static <B extends SdkProviderBuilder<B>> B configure(B builder, Map<String, String> environment) {
    String region = environment.get("AWS_REGION");
    if (region != null && !region.isBlank()) {
      builder.region(region.trim());
    }
    return builder;
  }
}
