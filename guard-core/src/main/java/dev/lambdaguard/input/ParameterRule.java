package dev.lambdaguard.input;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A typed constraint on one path, query or header parameter: an integer in a range, one of fixed values, or text
 * of bounded length matching a pattern. Patterns are compiled once, at init, and only ever run on values already
 * within their length bound, so a pattern's worst case is bounded by that length. Immutable.
 *
 * <pre>{@code
 * ParameterRule.integer(1, 100).required();
 * ParameterRule.pattern("[a-z0-9-]{1,40}", 40);
 * ParameterRule.oneOf("asc", "desc");
 * }</pre>
 */
public final class ParameterRule {

  private final String kind;
  private final long min;
  private final long max;
  private final Set<String> values;
  private final Pattern pattern;
  private final int maxLength;
  private final boolean required;

  private ParameterRule(String kind, long min, long max, Set<String> values, Pattern pattern, int maxLength,
      boolean required) {
    this.kind = kind;
    this.min = min;
    this.max = max;
    this.values = values;
    this.pattern = pattern;
    this.maxLength = maxLength;
    this.required = required;
  }

  /** A decimal integer in {@code [min, max]} (an optional leading minus, digits only, at most 19 of them). */
  public static ParameterRule integer(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("parameter rule: integer range is empty: " + min + ".." + max);
    }
    return new ParameterRule("integer", min, max, null, null, 20, false);
  }

  /** Exactly one of {@code values}. */
  public static ParameterRule oneOf(String... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("parameter rule: oneOf needs at least one value");
    }
    int longest = 0;
    for (String v : values) {
      longest = Math.max(longest, Objects.requireNonNull(v, "value").length());
    }
    return new ParameterRule("enum", 0, 0, Set.of(values), null, longest, false);
  }

  /**
   * Text of at most {@code maxLength} characters that matches {@code regex} as a whole.
   *
   * @throws IllegalArgumentException when the pattern does not compile (named in the message)
   */
  public static ParameterRule pattern(String regex, int maxLength) {
    if (maxLength < 1 || maxLength > 8192) {
      throw new IllegalArgumentException("parameter rule: maxLength must be 1..8192: " + maxLength);
    }
    try {
      return new ParameterRule("pattern", 0, 0, null, Pattern.compile(regex), maxLength, false);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new IllegalArgumentException("parameter rule: pattern does not compile: " + regex, e);
    }
  }

  /** The same rule, and the parameter must be present. */
  public ParameterRule required() {
    return new ParameterRule(kind, min, max, values, pattern, maxLength, true);
  }

  boolean isRequired() {
    return required;
  }

  /** The rule's kind, for the denial: {@code integer}, {@code enum} or {@code pattern}. */
  String kind() {
    return kind;
  }

  /** Whether {@code value} satisfies the rule: length first, then the type check. */
  boolean accepts(String value) {
    if (value.length() > maxLength) {
      return false;
    }
    switch (kind) {
      case "integer":
        return isInteger(value);
      case "enum":
        return values.contains(value);
      default:
        return pattern.matcher(value).matches();
    }
  }

  private boolean isInteger(String value) {
    int start = value.startsWith("-") ? 1 : 0;
    if (value.length() == start || value.length() - start > 19) {
      return false;
    }
    for (int i = start; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    try {
      long n = Long.parseLong(value);
      return n >= min && n <= max;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "ParameterRule[" + kind + (required ? ", required" : "") + "]";
  }
}
