package dev.lambdaguard.input;

/**
 * How the inspector names where a value was found, in findings, events and field patterns. Names chosen by the
 * caller (a JSON key, a query parameter name) appear only when they are plain identifiers; anything else is
 * shown as {@code *}, so that a location never echoes attacker-chosen text.
 */
public final class InputLocations {

  /** Marks a JSON member's key (rather than its value): {@code body/user#key}. */
  public static final String KEY_SUFFIX = "#key";
  /** Marks a multipart file's name (rather than its content): {@code form.upload#filename}. */
  public static final String FILENAME_SUFFIX = "#filename";
  static final int MAX_NAME = 64;

  private InputLocations() {}

  static String query(String name) {
    return "query." + safe(name);
  }

  static String header(String name) {
    return "header." + safe(name);
  }

  static String cookie(String name) {
    return "cookie." + safe(name);
  }

  static String form(String name) {
    return "form." + safe(name);
  }

  static String pathParameter(String name) {
    return "path." + safe(name);
  }

  /** Where a JSON member's key is reported: under its object, never spelling the key (it may be the attack). */
  static String jsonKey(String objectPointer) {
    return objectPointer + "/*" + KEY_SUFFIX;
  }

  /** A JSON pointer segment (RFC 6901 escaping), or {@code *} for a key that is not a plain identifier. */
  static String jsonSegment(String key) {
    String safe = safe(key);
    return safe.equals("*") ? safe : safe.replace("~", "~0").replace("/", "~1");
  }

  /** The name itself when it is a plain identifier of reasonable length, else {@code *}. */
  static String safe(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
      return "*";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '-' || c == '.';
      if (!plain) {
        return "*";
      }
    }
    return name;
  }
}
