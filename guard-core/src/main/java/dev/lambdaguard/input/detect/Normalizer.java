package dev.lambdaguard.input.detect;

import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * Undoes the encodings attackers hide payloads behind, in bounded linear time: each layer is one pass of
 * percent-decoding, HTML character-reference decoding and Unicode NFKC, and at most {@link #MAX_LAYERS} layers
 * run (an input that still changes after that is decoded no further). Every step returns its input unchanged,
 * without copying, when there is nothing for it to do, so plain ASCII text costs a few scans.
 */
public final class Normalizer {

  /** Decoding layers at most: double and triple encoding are common evasions, deeper nesting is not decoded. */
  public static final int MAX_LAYERS = 3;

  /** Named character references decoded; the ones browsers and template engines meet in attacks. */
  private static final Map<String, String> NAMED = Map.ofEntries(
      Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("amp", "&"), Map.entry("quot", "\""),
      Map.entry("apos", "'"), Map.entry("colon", ":"), Map.entry("tab", "\t"), Map.entry("newline", "\n"),
      Map.entry("sol", "/"), Map.entry("bsol", "\\"), Map.entry("lpar", "("), Map.entry("rpar", ")"),
      Map.entry("lsqb", "["), Map.entry("rsqb", "]"), Map.entry("lcub", "{"), Map.entry("rcub", "}"),
      Map.entry("semi", ";"), Map.entry("comma", ","), Map.entry("period", "."), Map.entry("excl", "!"),
      Map.entry("num", "#"), Map.entry("dollar", "$"), Map.entry("percnt", "%"), Map.entry("plus", "+"),
      Map.entry("equals", "="), Map.entry("quest", "?"), Map.entry("vert", "|"), Map.entry("ast", "*"),
      Map.entry("grave", "`"), Map.entry("nbsp", "\u00a0"), Map.entry("hyphen", "-"), Map.entry("lowbar", "_"));
  /** Legacy references browsers decode even without the semicolon and as a prefix of a longer word. */
  private static final String[] LEGACY = {"amp", "lt", "gt", "quot", "nbsp"};
  private static final int MAX_NAME = 8;

  private Normalizer() {}

  static Normalized normalize(String raw) {
    long[] mask = new long[2];
    if (scan(raw, mask)) {
      // Plain ASCII without %, & or NUL: no layer can change it. One pass, no copy.
      return new Normalized(raw, raw, 0, false, mask[0], mask[1], false);
    }
    String current = raw;
    int layers = 0;
    boolean nul = raw.indexOf('\0') >= 0;
    for (int i = 0; i < MAX_LAYERS; i++) {
      String next = nfkc(htmlDecode(percentDecode(current)));
      if (next == current || next.equals(current)) {
        break;
      }
      layers++;
      nul |= next.indexOf('\0') >= 0;
      current = next;
    }
    String decoded = stripInvisible(current);
    mask[0] = 0;
    mask[1] = 0;
    boolean ascii = scan(decoded, mask) || isAscii(decoded);
    return new Normalized(raw, decoded, layers, nul, mask[0], mask[1], !ascii);
  }

  /**
   * Sets, in {@code mask}, a bit for each ASCII character the value holds ({@code mask[0]} for 0..63,
   * {@code mask[1]} for 64..127). Returns true when the value is plain: ASCII only, with no {@code %}, {@code &}
   * or NUL, so that no decoding layer can change it.
   */
  private static boolean scan(String s, long[] mask) {
    long low = 0;
    long high = 0;
    boolean ascii = true;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 64) {
        low |= 1L << c;
      } else if (c < 128) {
        high |= 1L << (c - 64);
      } else {
        ascii = false;
      }
    }
    mask[0] = low;
    mask[1] = high;
    return ascii && (low & (1L << '%' | 1L << '&' | 1L)) == 0;
  }

  // ---------------------------------------------------------------- percent-decoding

  /**
   * {@code %XX} bytes (read as UTF-8, leniently: overlong forms such as {@code %c0%ae} decode to the character
   * they spell, as old decoders did), {@code %uXXXX} code units, and {@code +} as a space when the value is
   * percent-encoded at all (form encoding).
   */
  static String percentDecode(String s) {
    int first = s.indexOf('%');
    if (first < 0 || !hasEscape(s, first)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '%') {
        int hi = i + 1 < n ? hex(s.charAt(i + 1)) : -1;
        int lo = i + 2 < n ? hex(s.charAt(i + 2)) : -1;
        if (hi >= 0 && lo >= 0) {
          pending.write(hi << 4 | lo);
          i += 2;
          continue;
        }
        if (i + 5 < n && (s.charAt(i + 1) == 'u' || s.charAt(i + 1) == 'U')) {
          int unit = hex4(s, i + 2);
          if (unit >= 0) {
            flush(pending, out);
            out.append((char) unit);
            i += 5;
            continue;
          }
        }
      }
      flush(pending, out);
      out.append(c == '+' ? ' ' : c);
    }
    flush(pending, out);
    return out.toString();
  }

  private static boolean hasEscape(String s, int from) {
    for (int i = from; i >= 0 && i < s.length(); i = s.indexOf('%', i + 1)) {
      if (i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        return true;
      }
      if (i + 5 < s.length() && (s.charAt(i + 1) == 'u' || s.charAt(i + 1) == 'U') && hex4(s, i + 2) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static int hex4(String s, int at) {
    int v = 0;
    for (int k = 0; k < 4; k++) {
      int d = hex(s.charAt(at + k));
      if (d < 0) {
        return -1;
      }
      v = v << 4 | d;
    }
    return v;
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

  /** Decodes pending bytes as UTF-8, accepting overlong forms; a byte that starts no sequence stays as Latin-1. */
  private static void flush(ByteArrayOutputStream pending, StringBuilder out) {
    if (pending.size() == 0) {
      return;
    }
    byte[] b = pending.toByteArray();
    pending.reset();
    int i = 0;
    while (i < b.length) {
      int lead = b[i] & 0xff;
      // Five- and six-byte leads (f8..fd) are not UTF-8 any more, but old decoders read them, and an overlong
      // %f8%80%80%80%ae still spells a dot to them.
      int extra = lead >= 0xfe ? 0 : lead >= 0xfc ? 5 : lead >= 0xf8 ? 4 : lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2
          : lead >= 0xc0 ? 1 : 0;
      if (extra == 0 || i + extra >= b.length) {
        out.append((char) lead);
        i++;
        continue;
      }
      int cp = lead & (0x3f >> Math.min(extra, 5));
      boolean ok = true;
      for (int k = 1; k <= extra; k++) {
        int cont = b[i + k] & 0xff;
        if ((cont & 0xc0) != 0x80) {
          ok = false;
          break;
        }
        cp = cp << 6 | (cont & 0x3f);
      }
      if (!ok || cp > Character.MAX_CODE_POINT) {
        out.append((char) lead);
        i++;
        continue;
      }
      out.appendCodePoint(cp);
      i += extra + 1;
    }
  }

  // ---------------------------------------------------------------- HTML character references

  /** {@code &#NN;}, {@code &#xHH;} (semicolon optional, as browsers accept) and the named references above. */
  static String htmlDecode(String s) {
    int amp = s.indexOf('&');
    if (amp < 0) {
      return s;
    }
    StringBuilder out = null;
    int n = s.length();
    int copied = 0;
    for (int i = amp; i >= 0 && i < n; i = s.indexOf('&', i + 1)) {
      int end;
      String replacement;
      if (i + 1 < n && s.charAt(i + 1) == '#') {
        int j = i + 2;
        boolean hexRef = j < n && (s.charAt(j) == 'x' || s.charAt(j) == 'X');
        if (hexRef) {
          j++;
        }
        int start = j;
        long cp = 0;
        // Zero padding (&#0000000060) is still one reference, so digits are read to their end; the value stops
        // growing once it is no code point, which keeps the loop linear and the number bounded.
        while (j < n && (hexRef ? hex(s.charAt(j)) >= 0 : isDigit(s.charAt(j)))) {
          if (cp <= Character.MAX_CODE_POINT) {
            cp = cp * (hexRef ? 16 : 10) + (hexRef ? hex(s.charAt(j)) : s.charAt(j) - '0');
          }
          j++;
        }
        if (j == start || cp > Character.MAX_CODE_POINT || cp == 0) {
          continue;
        }
        end = j < n && s.charAt(j) == ';' ? j + 1 : j;
        replacement = new String(Character.toChars((int) cp));
      } else {
        int j = i + 1;
        while (j < n && j - i - 1 < MAX_NAME && isLetter(s.charAt(j))) {
          j++;
        }
        String name = s.substring(i + 1, j);
        replacement = NAMED.get(name.toLowerCase(java.util.Locale.ROOT));
        if (replacement != null) {
          end = j < n && s.charAt(j) == ';' ? j + 1 : j;
        } else {
          String legacy = legacyPrefix(name);
          if (legacy == null) {
            continue;
          }
          replacement = NAMED.get(legacy);
          end = i + 1 + legacy.length();
        }
      }
      if (out == null) {
        out = new StringBuilder(n);
      }
      out.append(s, copied, i).append(replacement);
      copied = end;
      i = end - 1;
    }
    if (out == null) {
      return s;
    }
    return out.append(s, copied, n).toString();
  }

  private static String legacyPrefix(String name) {
    for (String legacy : LEGACY) {
      if (name.startsWith(legacy)) {
        return legacy;
      }
    }
    return null;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  // ---------------------------------------------------------------- Unicode

  /** NFKC folds full-width and compatibility forms ({@code ＜}, {@code ｓｃｒｉｐｔ}); ASCII is already NFKC. */
  static String nfkc(String s) {
    if (isAscii(s) || java.text.Normalizer.isNormalized(s, java.text.Normalizer.Form.NFKC)) {
      return s;
    }
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
  }

  /** Removes NUL and invisible format characters (zero-width spaces and joiners, soft hyphens, BOMs). */
  static String stripInvisible(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && !invisible(s.charAt(i))) {
      i++;
    }
    if (i == n) {
      return s;
    }
    StringBuilder out = new StringBuilder(n);
    out.append(s, 0, i);
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (!invisible(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean invisible(char c) {
    return c == '\0' || (c >= 0x80 && Character.getType(c) == Character.FORMAT);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
