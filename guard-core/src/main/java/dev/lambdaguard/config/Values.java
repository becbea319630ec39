package dev.lambdaguard.config;

import dev.lambdaguard.input.Category;
import dev.lambdaguard.input.InspectionMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parsing of setting text, each failure a {@link ConfigurationException} naming the value's origin and setting. */
final class Values {

  private Values() {}

  /** The comma-separated items, trimmed, none empty. */
  static String[] list(ConfigValue value, String setting) {
    List<String> items = new ArrayList<>();
    for (String item : value.text().split(",")) {
      String trimmed = item.trim();
      if (trimmed.isEmpty()) {
        throw fail(value, setting, "an empty item in the list");
      }
      items.add(trimmed);
    }
    return items.toArray(new String[0]);
  }

  static boolean bool(ConfigValue value, String setting) {
    String text = value.text().trim().toLowerCase(Locale.ROOT);
    if (text.equals("true")) {
      return true;
    }
    if (text.equals("false")) {
      return false;
    }
    throw fail(value, setting, "expected true or false");
  }

  static InspectionMode mode(ConfigValue value, String setting) {
    String text = value.text().trim().toUpperCase(Locale.ROOT);
    for (InspectionMode mode : InspectionMode.values()) {
      if (mode.name().equals(text)) {
        return mode;
      }
    }
    throw fail(value, setting, "unknown mode (block, monitor or off)");
  }

  static Category category(String code, ConfigValue value, String setting) {
    Category category = Category.of(code.trim().toLowerCase(Locale.ROOT));
    if (category == null) {
      List<String> known = new ArrayList<>();
      for (Category c : Category.values()) {
        known.add(c.code());
      }
      throw fail(value, setting, "unknown injection category '" + code.trim() + "' (" + String.join(", ", known) + ")");
    }
    return category;
  }

  static Set<Category> categories(ConfigValue value, String setting) {
    Set<Category> out = EnumSet.noneOf(Category.class);
    for (String code : list(value, setting)) {
      out.add(category(code, value, setting));
    }
    return out;
  }

  /** {@code 500ms}, {@code 60s}, {@code 5m}, {@code 1h}, {@code 1d}. */
  static Duration duration(ConfigValue value, String setting) {
    String text = value.text().trim();
    int split = 0;
    while (split < text.length() && Character.isDigit(text.charAt(split))) {
      split++;
    }
    if (split == 0 || split > 9) {
      throw fail(value, setting, "expected a duration such as 60s, 5m or 500ms");
    }
    long amount = Long.parseLong(text.substring(0, split));
    return switch (text.substring(split)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      default -> throw fail(value, setting, "unknown duration unit (ms, s, m, h, d)");
    };
  }

  static double number(ConfigValue value, String setting) {
    try {
      return Double.parseDouble(value.text().trim());
    } catch (NumberFormatException e) {
      throw fail(value, setting, "expected a number");
    }
  }

  static ConfigurationException fail(ConfigValue value, String setting, String problem) {
    return new ConfigurationException("Lambda Guard configuration: " + value.origin() + " (" + setting + "): " + problem);
  }
}
