package dev.lambdaguard.config;

import dev.lambdaguard.secrets.SecretCache;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The one secret cache of an assembled guard, made on first need from the provider {@code secrets.provider} names
 * (default {@code extension}); a configuration without secrets never loads the machinery.
 */
final class SecretsSupport {

  static final String DEFAULT_PROVIDER = "extension";

  private SecretCache cache;

  /** The cache when one was made, else null. */
  synchronized SecretCache madeOrNull() {
    return cache;
  }

  /** The cache, made now if it was not; {@code needer} is the value that needs it, for the message of a failure. */
  synchronized SecretCache cache(GuardConfig config, ConfigValue needer) {
    if (cache == null) {
      ConfigValue chosen = config.value(Setting.SECRETS_PROVIDER);
      String name = chosen == null ? DEFAULT_PROVIDER : chosen.text().trim();
      List<String> found = new ArrayList<>();
      for (SecretProviderFactory factory : ServiceLoader.load(SecretProviderFactory.class, config.resources())) {
        if (factory.name().equals(name)) {
          cache = SecretCache.builder(factory.create(config.environment())).build();
          return cache;
        }
        found.add(factory.name());
      }
      ConfigValue blame = chosen != null ? chosen : needer;
      throw Values.fail(blame, chosen != null ? Setting.SECRETS_PROVIDER.key() : "secrets",
          "no secret provider '" + name + "' on the class path (found: " + found
              + "; guard-aws brings extension, secretsmanager and ssm)");
    }
    return cache;
  }
}
