package dev.lambdaguard.input.detect;

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
  /** Length from which a value's first characters are looked at before it is profiled (see {@link #normalize}). */
  private static final int LONG = 4096;
  /** Characters of one value passed to the JDK's NFKC at most (see {@link UnicodeFolding#nfkc}). */
  public static final int MAX_FOLDED = 64 * 1024;
  /**
   * The names packed into numbers, sorted, and what each decodes to: a reference is looked up by binary search,
   * without building a string (five bits a letter, so any name of {@link #MAX_NAME} letters fits in a long).
   */
  private static final long[] NAMED_CODES = new long[NAMED.size()];
  private static final String[] NAMED_VALUES = new String[NAMED.size()];
  /**
   * The first two letters of the names, lower case: bit {@code b - 'a'} of entry {@code a - 'a'} is set when a name
   * starts with {@code ab}. An {@code &} before two letters no name starts with (as in {@code &sh} or {@code &T})
   * is passed over at once, without reading a whole name and searching for it.
   */
  private static final int[] NAME_STARTS = new int[26];
  /** Hex digits' values by character, -1 for the other characters below 128. */
  private static final byte[] HEX = new byte[128];

  static {
    int i = 0;
    for (String name : NAMED.keySet()) {
      NAMED_CODES[i++] = pack(name, 0, name.length());
    }
    java.util.Arrays.sort(NAMED_CODES);
    for (Map.Entry<String, String> named : NAMED.entrySet()) {
      String name = named.getKey();
      NAMED_VALUES[java.util.Arrays.binarySearch(NAMED_CODES, pack(name, 0, name.length()))] = named.getValue();
      NAME_STARTS[name.charAt(0) - 'a'] |= 1 << (name.charAt(1) - 'a');
    }
    java.util.Arrays.fill(HEX, (byte) -1);
    for (int d = 0; d < 16; d++) {
      HEX["0123456789abcdef".charAt(d)] = (byte) d;
      HEX["0123456789ABCDEF".charAt(d)] = (byte) d;
    }
  }

  private Normalizer() {}

  static Normalized normalize(String raw) {
    if (raw.length() >= LONG && decodesNearTheStart(raw)) {
      // A long value that shows an escape, a reference or a form NFKC folds within its first characters (a flood of
      // them) is decoded at once: its profile as received would be made only to be replaced.
      return decode(raw, null, 0);
    }
    // The profile tells what the first layer need not search for, so a long value is not searched for % and & first:
    // String.indexOf is a vector search only in code C2 compiled, and under C1, all that Lambda's Java 17 and 21
    // runtimes run by default, the two searches of a megabyte holding neither cost 1.2 ms before the profile.
    // (A long value whose first % or & comes late pays the profile's pass before it is decoded.)
    Normalized asReceived = new Normalized(raw, raw, 0, false);
    if (!asReceived.mayDecode()) {
      return asReceived; // ASCII without %, & or NUL, and letters no layer changes: one pass, no copy
    }
    long low = asReceived.lowMask();
    // an & may come out of the percent layer (%26), so it is known absent only where no % is
    int absent = (low & 1L << '%') != 0 ? 0 : (low & 1L << '&') != 0 ? NO_PERCENT : NO_PERCENT | NO_AMPERSAND;
    return decode(raw, asReceived, absent);
  }

  /** Bits of {@link #decode}'s {@code absent}: characters known not to be in the value as received. */
  private static final int NO_PERCENT = 1;
  private static final int NO_AMPERSAND = 2;

  /**
   * Whether a character among the first few of {@code s} is one a layer acts on: {@code %}, {@code &}, or one the
   * Unicode layer may change (not ASCII, not inert), as in a flood of escapes, marks or full-width forms.
   */
  private static boolean decodesNearTheStart(String s) {
    for (int i = 0, n = Math.min(s.length(), 64); i < n; i++) {
      char c = s.charAt(i);
      if (c == '%' || c == '&' || c >= 0x80 && !InertChars.contains(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code raw} decoded layer by layer; {@code asReceived} is its profile when already made, else null;
   * {@code absent} what the caller knows {@code raw} lacks ({@link #NO_PERCENT}, {@link #NO_AMPERSAND}). Whether a
   * NUL was carried, raw or encoded, is read off the last layer's profile, as no layer removes one.
   */
  private static Normalized decode(String raw, Normalized asReceived, int absent) {
    String current = raw;
    int layers = 0;
    int[] budget = {MAX_FOLDED};
    for (int i = 0; i < MAX_LAYERS; i++) {
      // each step returns its input itself when it changes nothing, so identity tells a layer that did nothing
      String percentDecoded = i == 0 && (absent & NO_PERCENT) != 0 ? current : percentDecode(current);
      String referencesDecoded =
          i == 0 && (absent & NO_AMPERSAND) != 0 ? percentDecoded : htmlDecode(percentDecoded);
      if (referencesDecoded == current && i > 0 && budget[0] > 0) {
        // The last layer's NFKC ran within its budget, so it folded the value whole, and NFKC is idempotent: with
        // no escape or reference decoded, this layer would change nothing (the % or & left decode to nothing).
        break;
      }
      String next = UnicodeFolding.nfkc(referencesDecoded, budget);
      if (next == current) {
        break;
      }
      layers++;
      boolean onlyFolded = referencesDecoded == current;
      current = next;
      if (onlyFolded && next.indexOf('%') < 0 && next.indexOf('&') < 0) {
        break; // only NFKC changed it, and NFKC is idempotent: without % or & no further layer changes anything
      }
    }
    Normalized decoded = current != raw ? new Normalized(raw, current, layers, false)
        : asReceived != null ? asReceived : new Normalized(raw, raw, 0, false);
    if (!decoded.mayHoldInvisible()) {
      return decoded;
    }
    String visible = stripInvisible(current);
    return visible == current ? decoded : new Normalized(raw, visible, layers, decoded.hadNul());
  }

  // ---------------------------------------------------------------- percent-decoding

  /**
   * {@code %XX} bytes (read as UTF-8, leniently: overlong forms such as {@code %c0%ae} decode to the character
   * they spell, as old decoders did), {@code %uXXXX} code units, and {@code +} as a space when the value is
   * percent-encoded at all (form encoding).
   */
  static String percentDecode(String s) {
    int first = s.indexOf('%');
    first = first < 0 ? -1 : firstEscape(s, first);
    if (first < 0) {
      return s;
    }
    int n = s.length();
    char[] out = new char[n]; // no escape decodes to more characters than it is written with
    boolean formSpaces = s.indexOf('+') >= 0;
    int o = copy(s, 0, first, out, 0, formSpaces);
    int i = first;
    while (i < n) {
      if (s.charAt(i) != '%') {
        // the text up to the next % (looked for in the next few places first: escapes are often dense, as in
        // ..%2f, where a search costs more than it finds), copied in bulk
        int next = Substrings.indexOf(s, '%', i + 1);
        int stop = next < 0 ? n : next;
        o = copy(s, i, stop, out, o, formSpaces);
        i = stop;
        continue;
      }
      int hi = i + 2 < n ? hex(s.charAt(i + 1)) : -1;
      int lo = i + 2 < n ? hex(s.charAt(i + 2)) : -1;
      int b = (hi | lo) < 0 ? -1 : hi << 4 | lo;
      if (b >= 0x80) {
        int cp = utf8(s, i, b);
        if (cp >= 0) {
          o = append(cp, out, o);
          i += 3 * utf8Length(b);
        } else {
          out[o++] = (char) b; // a byte that starts no sequence stays as Latin-1
          i += 3;
        }
      } else if (b >= 0) {
        out[o++] = (char) b;
        i += 3;
      } else if (i + 5 < n && (s.charAt(i + 1) == 'u' || s.charAt(i + 1) == 'U') && hex4(s, i + 2) >= 0) {
        out[o++] = (char) hex4(s, i + 2);
        i += 6;
      } else {
        out[o++] = '%';
        i++;
      }
    }
    return new String(out, 0, o);
  }

  /** {@code s} from {@code from} to {@code to} copied into {@code out} at {@code o}; returns where it ends there. */
  private static int copy(String s, int from, int to, char[] out, int o, boolean formSpaces) {
    s.getChars(from, to, out, o);
    int end = o + to - from;
    if (formSpaces) {
      for (int k = o; k < end; k++) {
        if (out[k] == '+') {
          out[k] = ' ';
        }
      }
    }
    return end;
  }

  /** The byte a {@code %XX} escape at {@code at} spells, or -1 when there is none. */
  private static int escapedByte(String s, int at) {
    if (at + 2 >= s.length() || s.charAt(at) != '%') {
      return -1;
    }
    int hi = hex(s.charAt(at + 1));
    int lo = hex(s.charAt(at + 2));
    return hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
  }

  /** Bytes in the sequence a UTF-8 lead byte starts, counting five- and six-byte leads as old decoders did. */
  private static int utf8Length(int lead) {
    return lead >= 0xfe ? 1 : lead >= 0xfc ? 6 : lead >= 0xf8 ? 5 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3
        : lead >= 0xc0 ? 2 : 1;
  }

  /**
   * The code point that the escaped UTF-8 sequence starting with {@code lead} at {@code at} spells, accepting
   * overlong forms ({@code %c0%ae} is a dot to old decoders, and an overlong {@code %f8%80%80%80%ae} too, though
   * five- and six-byte leads are no UTF-8 any more); -1 when the lead starts no sequence or its continuation bytes
   * are not all there, escaped.
   */
  private static int utf8(String s, int at, int lead) {
    int length = utf8Length(lead);
    if (length == 1) {
      return -1;
    }
    int cp = lead & (0x3f >> Math.min(length - 1, 5));
    for (int k = 1; k < length; k++) {
      int cont = escapedByte(s, at + 3 * k);
      if (cont < 0 || (cont & 0xc0) != 0x80) {
        return -1;
      }
      cp = cp << 6 | (cont & 0x3f);
    }
    return cp > Character.MAX_CODE_POINT ? -1 : cp;
  }

  private static int append(int cp, char[] out, int o) {
    if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
      out[o] = (char) cp;
      return o + 1;
    }
    out[o] = Character.highSurrogate(cp);
    out[o + 1] = Character.lowSurrogate(cp);
    return o + 2;
  }

  /** Where the first escape at or after the % at {@code from} starts, or -1 when there is none. */
  private static int firstEscape(String s, int from) {
    int n = s.length();
    for (int i = from; i >= 0 && i < n; i = Substrings.indexOf(s, '%', i + 1)) {
      if (i + 2 < n && (hex(s.charAt(i + 1)) | hex(s.charAt(i + 2))) >= 0) {
        return i;
      }
      if (i + 5 < n && (s.charAt(i + 1) == 'u' || s.charAt(i + 1) == 'U') && hex4(s, i + 2) >= 0) {
        return i;
      }
    }
    return -1;
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

  /** The value of a hex digit, or -1 (a table: an escape's two digits are read without a branch on each). */
  private static int hex(char c) {
    return c < HEX.length ? HEX[c] : -1;
  }

  // ---------------------------------------------------------------- HTML character references

  /** {@code &#NN;}, {@code &#xHH;} (semicolon optional, as browsers accept) and the named references above. */
  static String htmlDecode(String s) {
    int amp = s.indexOf('&');
    if (amp < 0) {
      return s;
    }
    // Output in an array, each reference's character written in place: a string per reference and a builder's
    // appends cost 50 ns a reference in a megabyte of &lt; (no reference decodes to more characters than it is
    // written with: the shortest, &lt, takes three for one, and a surrogate pair takes &#65536 or longer).
    char[] out = null;
    int o = 0;
    int n = s.length();
    int copied = 0;
    for (int i = amp; i >= 0 && i < n; i = Substrings.indexOf(s, '&', i + 1)) {
      int end;
      int cp = -1;
      String replacement = null;
      if (i + 1 < n && s.charAt(i + 1) == '#') {
        int j = i + 2;
        boolean hexRef = j < n && (s.charAt(j) == 'x' || s.charAt(j) == 'X');
        if (hexRef) {
          j++;
        }
        int start = j;
        long value = 0;
        // Zero padding (&#0000000060) is still one reference, so digits are read to their end; the value stops
        // growing once it is no code point, which keeps the loop linear and the number bounded.
        while (j < n && (hexRef ? hex(s.charAt(j)) >= 0 : isDigit(s.charAt(j)))) {
          if (value <= Character.MAX_CODE_POINT) {
            value = value * (hexRef ? 16 : 10) + (hexRef ? hex(s.charAt(j)) : s.charAt(j) - '0');
          }
          j++;
        }
        if (j == start || value > Character.MAX_CODE_POINT || value == 0) {
          continue;
        }
        end = j < n && s.charAt(j) == ';' ? j + 1 : j;
        cp = (int) value;
      } else {
        if (i + 2 >= n || !startsName(s.charAt(i + 1), s.charAt(i + 2))) {
          continue; // every name has two letters or more, and these two start none
        }
        int j = i + 1;
        while (j < n && j - i - 1 < MAX_NAME && isLetter(s.charAt(j))) {
          j++;
        }
        if (j - i - 1 < 2) {
          continue; // every name has two letters or more
        }
        int named = namedReference(s, i + 1, j - i - 1);
        if (named >= 0) {
          replacement = NAMED_VALUES[named];
          end = j < n && s.charAt(j) == ';' ? j + 1 : j;
        } else {
          String legacy = legacyPrefix(s, i + 1, j - i - 1);
          if (legacy == null) {
            continue;
          }
          replacement = NAMED.get(legacy);
          end = i + 1 + legacy.length();
        }
      }
      if (out == null) {
        out = new char[n];
      }
      s.getChars(copied, i, out, o);
      o += i - copied;
      if (replacement == null) {
        o = append(cp, out, o);
      } else {
        replacement.getChars(0, replacement.length(), out, o);
        o += replacement.length();
      }
      copied = end;
      i = end - 1;
    }
    if (out == null) {
      return s;
    }
    s.getChars(copied, n, out, o);
    return new String(out, 0, o + n - copied);
  }

  /** The index in {@link #NAMED_CODES} of the name (any case) at {@code at}, {@code length} letters; -1 if none. */
  private static int namedReference(String s, int at, int length) {
    int k = java.util.Arrays.binarySearch(NAMED_CODES, pack(s, at, length));
    return k < 0 ? -1 : k;
  }

  /** ASCII letters, any case, as five bits each (a = 1): distinct names of up to 12 letters get distinct numbers. */
  private static long pack(String s, int at, int length) {
    long code = 0;
    for (int k = at; k < at + length; k++) {
      code = code << 5 | (s.charAt(k) | 0x20) - 'a' + 1;
    }
    return code;
  }

  /** Whether some name starts with the letters {@code a} and {@code b} (any case); false for what is no letter. */
  private static boolean startsName(char a, char b) {
    return isLetter(a) && isLetter(b) && (NAME_STARTS[(a | 0x20) - 'a'] & 1 << ((b | 0x20) - 'a')) != 0;
  }

  private static String legacyPrefix(String s, int at, int length) {
    for (String legacy : LEGACY) {
      if (legacy.length() <= length && s.regionMatches(at, legacy, 0, legacy.length())) {
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
    // below U+0600 the soft hyphen is the only format character, so marks and letters there skip the type look-up
    return c == '\0' || c == '\u00ad'
        || c >= 0x600 && !InertChars.contains(c) && Character.getType(c) == Character.FORMAT;
  }
}
