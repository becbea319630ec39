package dev.lambdaguard.input;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Extended parameter values of part headers (RFC 8187, RFC 2231): {@code charset'language'percent-encoded}, and the
 * numbered pieces a long one is split into, as {@code MultipartForm} reads them from a part's disposition.
 */
final class ExtendedValues {

  /** Pieces of one extended parameter at most ({@code name*0} to {@code name*99}). */
  static final int MAX_PIECES = 100;
  /** Characters before the second apostrophe at most: a charset name and a language tag. */
  private static final int MAX_PREFIX = 64;

  private ExtendedValues() {}

  /**
   * The piece of the extended parameter {@code wanted} that the parameter named {@code name} is (any case): 0 for
   * {@code wanted*}, N for {@code wanted*N} and {@code wanted*N*}; -1 when it is none of them.
   */
  static int pieceIndex(String name, String wanted) {
    int w = wanted.length();
    if (name.length() <= w || !name.regionMatches(true, 0, wanted, 0, w) || name.charAt(w) != '*') {
      return -1;
    }
    int end = name.length() > w + 1 && name.charAt(name.length() - 1) == '*' ? name.length() - 1 : name.length();
    if (end == w + 1) {
      return name.length() == w + 1 ? 0 : -1; // "wanted*" (and not "wanted**")
    }
    int index = 0;
    for (int i = w + 1; i < end; i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9' || i - w > 2) {
        return -1;
      }
      index = index * 10 + (c - '0');
    }
    return index;
  }

  /**
   * The value as a parser decodes it: the percent escapes read as bytes of its charset (UTF-8 when it names none),
   * its charset and language left off. Null when the charset is one whose ASCII is not ASCII or is unknown: the
   * scanner cannot read it as text.
   */
  static String decode(String value) {
    Charset charset = StandardCharsets.UTF_8;
    String text = value;
    int first = value.indexOf('\'');
    int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
    if (second > 0 && second <= MAX_PREFIX) {
      String name = value.substring(0, first).strip().toLowerCase(Locale.ROOT);
      if (!name.isEmpty()) {
        if (!MultipartForm.ASCII_COMPATIBLE.contains(name)) {
          return null;
        }
        try {
          charset = Charset.forName(name);
        } catch (IllegalArgumentException unsupported) {
          return null; // a name the list has and this JVM does not: nothing to read it with
        }
      }
      text = value.substring(second + 1);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int hi = c == '%' && i + 2 < text.length() ? hex(text.charAt(i + 1)) : -1;
      int lo = hi < 0 ? -1 : hex(text.charAt(i + 2));
      if (lo >= 0) {
        bytes.write(hi << 4 | lo);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        // a run of characters beyond ASCII encoded at once: a surrogate pair stays one character
        int end = i + 1;
        while (end < text.length() && text.charAt(end) >= 0x80) {
          end++;
        }
        bytes.writeBytes(text.substring(i, end).getBytes(charset));
        i = end - 1;
      }
    }
    return bytes.toString(charset);
  }

  /** An ASCII hex digit's value, or -1 (not {@code Character.digit}, which reads full-width digits too). */
  private static int hex(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10
        : -1;
  }
}
