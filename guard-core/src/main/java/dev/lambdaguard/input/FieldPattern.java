package dev.lambdaguard.input;

import java.util.Objects;

/**
 * Names one field of a request, or a family of them, for allow-lists and rich-text rules:
 * {@code query.q}, {@code header.user-agent}, {@code cookie.prefs}, {@code form.comment}, {@code path.id},
 * {@code body} (a whole non-JSON body) or a JSON pointer under {@code body} such as {@code body/description} or
 * {@code body/items/*}{@code /note}, where {@code *} stands for any one segment (an array index, a key).
 * Matching is exact otherwise; a pattern matches a JSON member's key as well as its value.
 */
public final class FieldPattern {

  private final String pattern;
  private final String[] segments;

  private FieldPattern(String pattern) {
    this.pattern = pattern;
    this.segments = pattern.split("/", -1);
  }

  public static FieldPattern of(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    if (pattern.isEmpty() || pattern.length() > 512) {
      throw new IllegalArgumentException("field pattern must be 1..512 characters: " + pattern);
    }
    return new FieldPattern(pattern);
  }

  /** Whether a field's location (as the inspector names it, keys marked with a trailing {@code #key}) matches. */
  public boolean matches(String location) {
    String plain = location.endsWith(InputLocations.KEY_SUFFIX)
        ? location.substring(0, location.length() - InputLocations.KEY_SUFFIX.length()) : location;
    int segment = 0;
    int start = 0;
    int n = plain.length();
    while (true) {
      if (segment >= segments.length) {
        return false;
      }
      int end = plain.indexOf('/', start);
      int stop = end < 0 ? n : end;
      String expected = segments[segment];
      if (!expected.equals("*")
          && !plain.regionMatches(start, expected, 0, Math.max(expected.length(), stop - start))) {
        return false;
      }
      if (!expected.equals("*") && expected.length() != stop - start) {
        return false;
      }
      segment++;
      if (end < 0) {
        return segment == segments.length;
      }
      start = end + 1;
    }
  }

  @Override
  public String toString() {
    return pattern;
  }
}
