package dev.lambdaguard.aws.events;

import dev.lambdaguard.MultiValueMap;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Query string decoding, lenient and linear: a malformed escape stays as it was rather than failing. */
final class QueryStrings {

  private QueryStrings() {}

  /** Parses a raw query string ({@code a=1&b=%20x&a=2}) with every value, decoded. */
  static MultiValueMap parseRaw(String raw) {
    MultiValueMap.Builder query = MultiValueMap.queryBuilder();
    if (raw == null || raw.isEmpty()) {
      return query.build();
    }
    int n = raw.length();
    int start = 0;
    while (start <= n) {
      int end = raw.indexOf('&', start);
      if (end < 0) {
        end = n;
      }
      if (end > start) {
        int eq = raw.indexOf('=', start);
        if (eq < 0 || eq > end) {
          query.add(decode(raw.substring(start, end)), "");
        } else {
          query.add(decode(raw.substring(start, eq)), decode(raw.substring(eq + 1, end)));
        }
      }
      start = end + 1;
    }
    return query.build();
  }

  /** ALB's query maps, which arrive URL-encoded: every name and value decoded. */
  static MultiValueMap fromEncodedMaps(Map<String, List<String>> multi, Map<String, String> single) {
    MultiValueMap.Builder query = MultiValueMap.queryBuilder();
    if (multi != null) {
      multi.forEach((name, values) -> {
        if (name != null && values != null) {
          for (String value : values) {
            query.add(decode(name), value == null ? null : decode(value));
          }
        }
      });
    } else if (single != null) {
      single.forEach((name, value) -> {
        if (name != null && value != null) {
          query.add(decode(name), decode(value));
        }
      });
    }
    return query.build();
  }

  /** Percent-decodes UTF-8 and turns '+' into a space; a broken escape is kept literally. */
  static String decode(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    int n = s.length();
    ByteArrayOutputStream out = new ByteArrayOutputStream(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '+') {
        out.write(' ');
      } else if (c == '%' && i + 2 < n && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 2;
      } else if (c < 0x80) {
        out.write(c);
      } else {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < n) {
          bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        out.write(bytes, 0, bytes.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
