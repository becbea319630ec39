package dev.lambdaguard.config;

import dev.lambdaguard.internal.Diagnostics;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads the {@code GUARD_*} environment variables into a layer. */
final class EnvironmentSettings {

  /** Variables of the {@code GUARD_} family that are not settings of the model (the layer's own, tests'). */
  private static final Set<String> NOT_SETTINGS = Set.of("GUARD_HANDLER", "GUARD_TEST_REDIS_URL");

  private EnvironmentSettings() {}

  static ConfigLayer read(Map<String, String> environment) {
    ConfigLayer.Builder layer = ConfigLayer.builder("environment");
    Set<String> unknown = new TreeSet<>();
    for (Map.Entry<String, String> variable : environment.entrySet()) {
      String name = variable.getKey();
      if (!name.startsWith("GUARD_")) {
        continue;
      }
      Setting setting = Setting.byEnvironmentVariable(name);
      String value = variable.getValue();
      if (setting == null) {
        if (!NOT_SETTINGS.contains(name) && !name.startsWith("GUARD_LAYER_")) {
          unknown.add(name);
        }
      } else if (value != null && !value.isBlank()) {
        layer.set(setting, value.trim(), "environment variable " + name);
      }
    }
    if (!unknown.isEmpty()) {
      // Not fatal (another tool may share the prefix), but a misspelt setting must not go unnoticed.
      Diagnostics.warn("Lambda Guard configuration: environment variables that are no setting: " + unknown
          + " (docs/configuration.md lists the settings)");
    }
    return layer.build();
  }
}
