package dev.lambdaguard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One request cookie, name and value as sent.
 *
 * @param name the cookie name, trimmed
 * @param value the cookie value, as sent (not URL-decoded)
 */
public record Cookie(String name, String value) {

  public Cookie {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  /** The name only: cookie values are often session credentials and must not reach a log line. */
  @Override
  public String toString() {
    return "Cookie[" + name + "]";
  }

  /**
   * Parses one {@code Cookie} header or one entry of an event's cookies array ({@code a=1; b=2}).
   * Pairs without a name are skipped; a pair without {@code =} is a name with an empty value.
   */
  public static List<Cookie> parseHeader(String header, List<Cookie> into) {
    int n = header.length();
    int start = 0;
    while (start < n) {
      int end = header.indexOf(';', start);
      if (end < 0) {
        end = n;
      }
      int eq = start;
      while (eq < end && header.charAt(eq) != '=') {
        eq++;
      }
      String name;
      String value;
      if (eq == end) {
        name = header.substring(start, end).trim();
        value = "";
      } else {
        name = header.substring(start, eq).trim();
        value = header.substring(eq + 1, end).trim();
      }
      if (!name.isEmpty()) {
        into.add(new Cookie(name, value));
      }
      start = end + 1;
    }
    return into;
  }

  /** Parses one header into a new list. */
  public static List<Cookie> parseHeader(String header) {
    return parseHeader(header, new ArrayList<>());
  }
}
