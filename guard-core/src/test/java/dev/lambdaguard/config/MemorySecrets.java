package dev.lambdaguard.config;

import dev.lambdaguard.secrets.SecretProvider;
import dev.lambdaguard.secrets.SecretValue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A secret store in memory, registered for the tests as provider {@code memory} through the same ServiceLoader
 * file guard-aws uses: what configuration selects by {@code secrets.provider} without knowing AWS.
 */
public final class MemorySecrets implements SecretProviderFactory {

  static final Map<String, String> VALUES = new ConcurrentHashMap<>();
  static final AtomicInteger FETCHES = new AtomicInteger();

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public SecretProvider create(Map<String, String> environment) {
    return (id, versionStage) -> {
      FETCHES.incrementAndGet();
      String value = VALUES.get(id);
      if (value == null) {
        throw new SecretProvider.SecretUnavailableException("secret '" + id + "' not found");
      }
      return SecretValue.text(value, "v1");
    };
  }
}
