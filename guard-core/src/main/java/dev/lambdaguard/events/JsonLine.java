package dev.lambdaguard.events;

import java.util.Map;

/**
 * One JSON object under construction, for the event formats ({@link EventJson}, {@link OcsfJson}): every string
 * value goes through the redactor, is escaped and is cut to {@value #MAX_VALUE_LENGTH} characters; absent
 * (null) values are left out. Not thread-safe; one per line.
 */
final class JsonLine {

  static final int MAX_VALUE_LENGTH = JsonText.MAX_VALUE_LENGTH;

  private final Redactor redactor;
  private final StringBuilder sb;

  JsonLine(Redactor redactor, int capacity) {
    this.redactor = redactor;
    this.sb = new StringBuilder(capacity).append('{');
  }

  StringBuilder raw() {
    return sb;
  }

  /**
   * A value that is normally a library-defined word (levels, decisions, reason codes, event sources).
   * A plain lower-case word needs no escaping and cannot hold a token shape or an auth scheme, so only
   * registered secrets are looked for; anything else takes the full path. Checked here, not assumed.
   */
  JsonLine constant(String name, String value) {
    if (value == null) {
      return this;
    }
    if (!isPlain(value) || redactor.size() > 0) {
      return string(name, value);
    }
    name(name);
    sb.append('"').append(value).append('"');
    return this;
  }

  JsonLine number(String name, long value) {
    name(name);
    sb.append(value);
    return this;
  }

  /** Members already rendered as JSON text (without braces), e.g. a cached fragment. */
  JsonLine fragment(String json) {
    if (!json.isEmpty()) {
      comma();
      sb.append(json);
    }
    return this;
  }

  JsonLine string(String name, String value) {
    if (value == null) {
      return this;
    }
    name(name);
    JsonText.appendQuoted(sb, JsonText.cut(redactor.redact(value)));
    return this;
  }

  /** A nested object of string values, so that details can never collide with the standard fields. */
  JsonLine object(String name, Map<String, String> values) {
    if (values.isEmpty()) {
      return this;
    }
    name(name);
    sb.append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      JsonText.appendQuoted(sb, e.getKey()).append(':');
      JsonText.appendQuoted(sb, JsonText.cut(redactor.redact(e.getValue())));
    }
    sb.append('}');
    return this;
  }

  /** The observed permissions as an array of objects, each string through the redactor like any other. */
  JsonLine permissions(java.util.List<dev.lambdaguard.permissions.ObservedPermissions.Permission> permissions) {
    name("permissions");
    sb.append('[');
    for (int i = 0; i < permissions.size(); i++) {
      dev.lambdaguard.permissions.ObservedPermissions.Permission p = permissions.get(i);
      sb.append(i == 0 ? "{" : ",{");
      string("action", p.action());
      string("resource", p.resource());
      number("calls", p.calls());
      if (p.denied() > 0) {
        number("denied", p.denied());
      }
      sb.append('}');
    }
    sb.append(']');
    return this;
  }

  /** An array of advisories, each {@code {"id", "severity", "summary"}}; nothing when there are none. */
  JsonLine advisories(String name, java.util.List<dev.lambdaguard.inventory.Advisory> advisories) {
    if (advisories.isEmpty()) {
      return this;
    }
    name(name);
    sb.append('[');
    for (int i = 0; i < advisories.size(); i++) {
      dev.lambdaguard.inventory.Advisory a = advisories.get(i);
      JsonLine entry = new JsonLine(redactor, 128);
      entry.string("id", a.id());
      entry.constant("severity", a.severity());
      entry.string("summary", a.summary());
      sb.append(i == 0 ? "" : ",").append(entry.close());
    }
    sb.append(']');
    return this;
  }

  JsonLine raw(String name, String literal) {
    name(name);
    sb.append(literal);
    return this;
  }

  /** Opens a nested object; members follow until {@link #end()}. */
  JsonLine begin(String name) {
    name(name);
    sb.append('{');
    return this;
  }

  JsonLine end() {
    sb.append('}');
    return this;
  }

  JsonLine name(String name) {
    comma();
    sb.append('"').append(name).append("\":");
    return this;
  }

  private void comma() {
    char last = sb.charAt(sb.length() - 1);
    if (last != '{' && last != '[') {
      sb.append(',');
    }
  }

  /** The members written so far, without the opening brace: a fragment to reuse. */
  String members() {
    return sb.substring(1);
  }

  String close() {
    return sb.append('}').toString();
  }

  String closeLine() {
    return sb.append('}').append('\n').toString();
  }

  /** Lower-case letters, digits, '_', '-', '/', '.' and ':' only, and short. */
  static boolean isPlain(String value) {
    int n = value.length();
    if (n > 64) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '/' || c == '.'
          || c == ':')) {
        return false;
      }
    }
    return true;
  }

  /** A finite number with at most two decimals; detector values are counts and estimates, never NaN. */
  static String decimal(double value) {
    if (!Double.isFinite(value)) {
      return "0";
    }
    double rounded = Math.round(value * 100) / 100.0;
    return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
  }
}
