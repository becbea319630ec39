package dev.lambdaguard.config;

import dev.lambdaguard.auth.internal.RoutePattern;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings one source gave (code, annotations, environment or file): guard-wide ones and per-route ones.
 * Layers are merged setting by setting, the higher layer winning; see {@link GuardConfig}.
 */
public final class ConfigLayer {

  private final String source;
  private final Map<Setting, ConfigValue> settings;
  private final Map<String, Map<RouteSetting, ConfigValue>> routes;

  private ConfigLayer(Builder b) {
    this.source = b.source;
    this.settings = Collections.unmodifiableMap(new EnumMap<>(b.settings));
    Map<String, Map<RouteSetting, ConfigValue>> copy = new LinkedHashMap<>();
    for (Map.Entry<String, EnumMap<RouteSetting, ConfigValue>> route : b.routes.entrySet()) {
      copy.put(route.getKey(), Collections.unmodifiableMap(new EnumMap<>(route.getValue())));
    }
    this.routes = Collections.unmodifiableMap(copy);
  }

  static Builder builder(String source) {
    return new Builder(source);
  }

  /** What this layer is: {@code code}, {@code annotations}, {@code environment}, {@code file}. */
  public String source() {
    return source;
  }

  public Map<Setting, ConfigValue> settings() {
    return settings;
  }

  /** Route key to that route's settings, in the order the source listed them. */
  public Map<String, Map<RouteSetting, ConfigValue>> routes() {
    return routes;
  }

  static final class Builder {
    private final String source;
    private final EnumMap<Setting, ConfigValue> settings = new EnumMap<>(Setting.class);
    private final Map<String, EnumMap<RouteSetting, ConfigValue>> routes = new LinkedHashMap<>();

    private Builder(String source) {
      this.source = source;
    }

    Builder set(Setting setting, String text, String origin) {
      settings.put(Objects.requireNonNull(setting, "setting"), new ConfigValue(text, origin));
      return this;
    }

    /** Names a route; a malformed route key fails now, naming {@code origin}. */
    Builder route(String route, String origin) {
      if (!routes.containsKey(route)) {
        try {
          RoutePattern.compile(route);
        } catch (IllegalArgumentException e) {
          throw new ConfigurationException("Lambda Guard configuration: " + origin + ": " + e.getMessage(), e);
        }
        routes.put(route, new EnumMap<>(RouteSetting.class));
      }
      return this;
    }

    Builder set(String route, RouteSetting setting, String text, String origin) {
      route(route, origin);
      routes.get(route).put(Objects.requireNonNull(setting, "setting"), new ConfigValue(text, origin));
      return this;
    }

    ConfigLayer build() {
      return new ConfigLayer(this);
    }
  }
}
