package dev.lambdaguard.config;

import dev.lambdaguard.input.Category;
import dev.lambdaguard.input.InputPolicy;
import dev.lambdaguard.input.InspectionMode;
import dev.lambdaguard.input.RouteInput;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The input-defense part of a configuration, as {@link InputPolicy} and {@link RouteInput} builder calls. */
final class InputAssembly {

  /** Methods whose requests carry a body a guard-wide schema applies to. */
  private static final List<String> BODY_METHODS = List.of("POST", "PUT", "PATCH");
  private static final Setting[] INPUT_SETTINGS = {Setting.INPUT_MODE, Setting.INPUT_CATEGORIES, Setting.INPUT_MONITOR,
      Setting.INPUT_ALLOW, Setting.INPUT_RICH_TEXT, Setting.INPUT_SCHEMA};
  private static final RouteSetting[] ROUTE_INPUT_SETTINGS = {RouteSetting.SCHEMA, RouteSetting.RICH_TEXT,
      RouteSetting.MODE, RouteSetting.ALLOW};

  private InputAssembly() {}

  /** The policy, or null when no source asks for input inspection. */
  static InputPolicy policy(GuardConfig config, Blame blame) {
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
      for (Allowance a : allowances(allow, Setting.INPUT_ALLOW.key(), blame)) {
        policy.allow(a.field(), a.categories());
      }
    }
    ConfigValue schema = config.value(Setting.INPUT_SCHEMA);
    ConfigValue richText = config.value(Setting.INPUT_RICH_TEXT);
    for (Map.Entry<String, Map<RouteSetting, ConfigValue>> route : config.routes().entrySet()) {
      String key = route.getKey();
      boolean bodyRoute = BODY_METHODS.contains(key.substring(0, key.indexOf(' ')).toUpperCase(Locale.ROOT));
      policy.route(key, route(route.getValue(), bodyRoute ? schema : null, richText, blame));
    }
    if (schema != null || richText != null) {
      // Requests on routes no source lists get the guard-wide schema (bodies only) and rich-text fields.
      for (String method : BODY_METHODS) {
        addUnlisted(config, policy, method + " /{proxy+}", schema, richText, blame);
        addUnlisted(config, policy, method + " /", schema, richText, blame);
      }
      if (richText != null) {
        addUnlisted(config, policy, "ANY /{proxy+}", null, richText, blame);
        addUnlisted(config, policy, "ANY /", null, richText, blame);
      }
    }
    return policy.build();
  }

  private static void addUnlisted(GuardConfig config, InputPolicy.Builder policy, String route, ConfigValue schema,
      ConfigValue richText, Blame blame) {
    if (!config.routes().containsKey(route)) {
      policy.route(route, route(Map.of(), schema, richText, blame));
    }
  }

  /** Whether input inspection is asked for: {@code input.enabled}, else any input setting, guard-wide or on a route. */
  static boolean configured(GuardConfig config) {
    ConfigValue enabled = config.value(Setting.INPUT_ENABLED);
    if (enabled != null) {
      return Values.bool(enabled, Setting.INPUT_ENABLED.key());
    }
    for (Setting s : INPUT_SETTINGS) {
      if (config.value(s) != null) {
        return true;
      }
    }
    for (Map<RouteSetting, ConfigValue> route : config.routes().values()) {
      for (RouteSetting s : ROUTE_INPUT_SETTINGS) {
        if (route.containsKey(s)) {
          return true;
        }
      }
    }
    return false;
  }

  /** One route's input rules: its own schema, else the guard-wide one; its rich-text fields and the guard-wide ones. */
  private static RouteInput route(Map<RouteSetting, ConfigValue> own, ConfigValue wideSchema, ConfigValue wideRichText,
      Blame blame) {
    RouteInput.Builder input = RouteInput.builder();
    ConfigValue schema = own.getOrDefault(RouteSetting.SCHEMA, wideSchema);
    if (schema != null) {
      String key = schema == wideSchema ? Setting.INPUT_SCHEMA.key() : RouteSetting.SCHEMA.key();
      input.schema(blame.on(schema, key).trim());
    }
    richText(input, wideRichText, Setting.INPUT_RICH_TEXT.key(), blame);
    richText(input, own.get(RouteSetting.RICH_TEXT), RouteSetting.RICH_TEXT.key(), blame);
    ConfigValue mode = own.get(RouteSetting.MODE);
    if (mode != null) {
      input.mode(Values.mode(mode, RouteSetting.MODE.key()));
    }
    ConfigValue allow = own.get(RouteSetting.ALLOW);
    if (allow != null) {
      for (Allowance a : allowances(allow, RouteSetting.ALLOW.key(), blame)) {
        input.allow(a.field(), a.categories());
      }
    }
    return input.build();
  }

  private static void richText(RouteInput.Builder input, ConfigValue fields, String key, Blame blame) {
    if (fields != null) {
      blame.on(fields, key);
      input.richText(Values.list(fields, key));
    }
  }

  /** One allow-list entry. */
  private record Allowance(String field, Category[] categories) {}

  /** {@code body/snippet=sqli+cmdi, body/signature}: each field with its categories (none: every category). */
  private static List<Allowance> allowances(ConfigValue value, String setting, Blame blame) {
    blame.on(value, setting);
    List<Allowance> out = new java.util.ArrayList<>();
    for (String item : Values.list(value, setting)) {
      int equals = item.indexOf('=');
      String field = (equals < 0 ? item : item.substring(0, equals)).trim();
      Set<Category> categories = EnumSet.noneOf(Category.class);
      if (equals >= 0) {
        for (String code : item.substring(equals + 1).split("\\+")) {
          categories.add(Values.category(code, value, setting));
        }
      }
      out.add(new Allowance(field, categories.toArray(new Category[0])));
    }
    return out;
  }
}
