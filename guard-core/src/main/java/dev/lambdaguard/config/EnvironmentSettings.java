package dev.lambdaguard.config;

import dev.lambdaguard.internal.Diagnostics;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads the {@code GUARD_*} environment variables into a layer. */
final class EnvironmentSettings {

  /** Variables of the {@code GUARD_} family that are not settings of the model: the layer's own, tests'. */
  private static final Set<String> NOT_SETTINGS = Set.of("GUARD_HANDLER");
  private static final String[] NOT_SETTING_PREFIXES = {"GUARD_LAYER_", "GUARD_TEST_"};

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
        if (!notASetting(name)) {
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

  private static boolean notASetting(String name) {
    if (NOT_SETTINGS.contains(name)) {
      return true;
    }
    for (String prefix : NOT_SETTING_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
