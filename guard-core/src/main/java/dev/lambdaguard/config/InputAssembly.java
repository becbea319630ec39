package dev.lambdaguard.config;

import dev.lambdaguard.input.Category;
import dev.lambdaguard.input.InputPolicy;
import dev.lambdaguard.input.InspectionMode;
import dev.lambdaguard.input.RouteInput;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The input-defense part of a configuration, as {@link InputPolicy} and {@link RouteInput} builder calls. */
final class InputAssembly {

  /** Methods whose requests carry a body a guard-wide schema applies to. */
  private static final List<String> BODY_METHODS = List.of("POST", "PUT", "PATCH");

  private InputAssembly() {}

  /** The policy, or null when no source asks for input inspection. */
  static InputPolicy policy(GuardConfig config) {
    if (!configured(config)) {
      return null;
    }
    InputPolicy.Builder policy = InputPolicy.builder();
    ConfigValue mode = config.value(Setting.INPUT_MODE);
    if (mode != null) {
      policy.mode(Values.mode(mode, Setting.INPUT_MODE.key()));
    }
    ConfigValue categories = config.value(Setting.INPUT_CATEGORIES);
    if (categories != null) {
      Set<Category> looked = Values.categories(categories, Setting.INPUT_CATEGORIES.key());
      for (Category c : EnumSet.complementOf(EnumSet.copyOf(looked))) {
        policy.mode(c, InspectionMode.OFF);
      }
    }
    ConfigValue monitor = config.value(Setting.INPUT_MONITOR);
    if (monitor != null) {
      for (Category c : Values.categories(monitor, Setting.INPUT_MONITOR.key())) {
        policy.mode(c, InspectionMode.MONITOR);
      }
    }
    ConfigValue allow = config.value(Setting.INPUT_ALLOW);
    if (allow != null) {
      allowances(allow, Setting.INPUT_ALLOW.key(), (field, cats) -> policy.allow(field, cats));
    }
    ConfigValue schema = config.value(Setting.INPUT_SCHEMA);
    ConfigValue richText = config.value(Setting.INPUT_RICH_TEXT);
    for (Map.Entry<String, Map<RouteSetting, ConfigValue>> route : config.routes().entrySet()) {
      String key = route.getKey();
      boolean bodyRoute = BODY_METHODS.contains(key.substring(0, key.indexOf(' ')).toUpperCase(java.util.Locale.ROOT));
      policy.route(key, route(route.getValue(), bodyRoute ? schema : null, richText));
    }
    if (schema != null || richText != null) {
      // Requests on routes no source lists get the guard-wide schema (bodies only) and rich-text fields.
      for (String method : BODY_METHODS) {
        addUnlisted(config, policy, method + " /{proxy+}", route(Map.of(), schema, richText));
        addUnlisted(config, policy, method + " /", route(Map.of(), schema, richText));
      }
      if (richText != null) {
        addUnlisted(config, policy, "ANY /{proxy+}", route(Map.of(), null, richText));
        addUnlisted(config, policy, "ANY /", route(Map.of(), null, richText));
      }
    }
    return policy.build();
  }

  private static void addUnlisted(GuardConfig config, InputPolicy.Builder policy, String route, RouteInput input) {
    if (!config.routes().containsKey(route)) {
      policy.route(route, input);
    }
  }

  /** Whether any setting of input defense is given, guard-wide or on a route. */
  static boolean configured(GuardConfig config) {
    ConfigValue enabled = config.value(Setting.INPUT_ENABLED);
    if (enabled != null) {
      return Values.bool(enabled, Setting.INPUT_ENABLED.key());
    }
    for (Setting s : new Setting[] {Setting.INPUT_MODE, Setting.INPUT_CATEGORIES, Setting.INPUT_MONITOR,
        Setting.INPUT_ALLOW, Setting.INPUT_RICH_TEXT, Setting.INPUT_SCHEMA}) {
      if (config.value(s) != null) {
        return true;
      }
    }
    for (Map<RouteSetting, ConfigValue> route : config.routes().values()) {
      for (RouteSetting s : new RouteSetting[] {RouteSetting.SCHEMA, RouteSetting.RICH_TEXT, RouteSetting.MODE,
          RouteSetting.ALLOW}) {
        if (route.containsKey(s)) {
          return true;
        }
      }
    }
    return false;
  }

  /** One route's input rules: its own schema, else the guard-wide one; its rich-text fields and the guard-wide ones. */
  private static RouteInput route(Map<RouteSetting, ConfigValue> own, ConfigValue wideSchema, ConfigValue wideRichText) {
    RouteInput.Builder input = RouteInput.builder();
    ConfigValue schema = own.getOrDefault(RouteSetting.SCHEMA, wideSchema);
    if (schema != null) {
      String key = schema == wideSchema ? Setting.INPUT_SCHEMA.key() : RouteSetting.SCHEMA.key();
      Values.apply(schema, key, text -> input.schema(text.trim()));
    }
    for (ConfigValue rich : new ConfigValue[] {wideRichText, own.get(RouteSetting.RICH_TEXT)}) {
      if (rich != null) {
        String key = rich == wideRichText ? Setting.INPUT_RICH_TEXT.key() : RouteSetting.RICH_TEXT.key();
        String[] fields = Values.list(rich, key);
        Values.apply(rich, key, text -> input.richText(fields));
      }
    }
    ConfigValue mode = own.get(RouteSetting.MODE);
    if (mode != null) {
      input.mode(Values.mode(mode, RouteSetting.MODE.key()));
    }
    ConfigValue allow = own.get(RouteSetting.ALLOW);
    if (allow != null) {
      allowances(allow, RouteSetting.ALLOW.key(), (field, cats) -> input.allow(field, cats));
    }
    return input.build();
  }

  private interface Allow {
    void allow(String field, Category... categories);
  }

  /** {@code body/snippet=sqli+cmdi, body/signature}: each field with its categories (none: every category). */
  private static void allowances(ConfigValue value, String setting, Allow target) {
    for (String item : Values.list(value, setting)) {
      int equals = item.indexOf('=');
      String field = (equals < 0 ? item : item.substring(0, equals)).trim();
      Set<Category> categories = EnumSet.noneOf(Category.class);
      if (equals >= 0) {
        for (String code : item.substring(equals + 1).split("\\+")) {
          categories.add(Values.category(code, value, setting));
        }
      }
      Values.apply(value, setting, t -> {
        target.allow(field, categories.toArray(new Category[0]));
        return null;
      });
    }
  }
}
