package dev.lambdaguard.config;

import dev.lambdaguard.secrets.SecretCache;

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
      ConfigValue blame = chosen != null ? chosen : needer;
      SecretProviderFactory factory = Plugins.named(SecretProviderFactory.class, name, config.resources(), blame,
          chosen != null ? Setting.SECRETS_PROVIDER.key() : "secrets", "secret provider '" + name + "'",
          "guard-aws brings extension, secretsmanager and ssm");
      cache = SecretCache.builder(factory.create(config.environment())).build();
    }
    return cache;
  }
}
