package dev.lambdaguard.aws.iam;

import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * How a template shows that a function's Lambda Guard authenticates callers without reading its code: the
 * environment variables that configure the guard's authentication from the environment.
 */
final class GuardAuthentication {

  /**
   * The variables that give the guard a token issuer or its keys, which turns on bearer-token authentication
   * (docs/configuration.md): a tuning variable alone ({@code GUARD_JWT_CLOCK_SKEW}) does not.
   */
  static final List<String> VARIABLES = List.of("GUARD_JWT_PRESET", "GUARD_JWT_ISSUER", "GUARD_JWT_JWKS_URL",
      "GUARD_JWT_JWKS_RESOURCE", "GUARD_JWT_SECRET");

  private GuardAuthentication() {}

  /** Whether {@code variables} (an Environment.Variables map, or null) configures guard authentication. */
  static boolean configuredIn(JsonNode variables) {
    if (variables == null || !variables.isObject()) {
      return false;
    }
    for (var entry : variables.properties()) {
      String name = entry.getKey().toUpperCase(Locale.ROOT);
      if (VARIABLES.contains(name) && !Values.isNoValue(entry.getValue())
          && !(entry.getValue().isString() && entry.getValue().stringValue().isBlank())) {
        return true;
      }
    }
    return false;
  }
}
