package dev.lambdaguard.aws.iam;

import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * How a template shows that a function's Lambda Guard authenticates callers without reading its code: the
 * environment variables that configure the guard's authentication from the environment.
 */
final class GuardAuthentication {

  /** Prefixes of the variables that turn on token or API-key authentication (docs/configuration.md). */
  static final List<String> PREFIXES = List.of("GUARD_JWT_", "GUARD_API_KEYS", "GUARD_AUTH");

  private GuardAuthentication() {}

  /** Whether {@code variables} (an Environment.Variables map, or null) configures guard authentication. */
  static boolean configuredIn(JsonNode variables) {
    if (variables == null || !variables.isObject()) {
      return false;
    }
    for (var entry : variables.properties()) {
      String name = entry.getKey().toUpperCase(Locale.ROOT);
      for (String prefix : PREFIXES) {
        if (name.startsWith(prefix) && !Values.isNoValue(entry.getValue())
            && !(entry.getValue().isString() && entry.getValue().stringValue().isBlank())) {
          return true;
        }
      }
    }
    return false;
  }
}
