package dev.lambdaguard.input.detect;

import dev.lambdaguard.input.Category;
import java.util.Set;

/**
 * Prototype pollution: keys and paths that reach a JavaScript object's prototype when a (Node.js) consumer
 * merges, clones or assigns by path.
 *
 * <ul>
 *   <li>{@value #PROTO_KEY}: {@code __proto__} as a key, path segment or bracket key ({@code __proto__},
 *       {@code {"__proto__": …}}, {@code a.__proto__.b}, {@code __proto__[x]=y}), also with any of its
 *       characters written as a JavaScript escape (<code>&#92;u005f</code>, <code>&#92;x5f</code>,
 *       <code>&#92;u{70}</code>), as JSON.parse and JavaScript read them.
 *   <li>{@value #CONSTRUCTOR_PROTOTYPE}: {@code constructor} and {@code prototype} as consecutive path segments
 *       ({@code constructor.prototype}, {@code [constructor][prototype]}, {@code constructor["prototype"]},
 *       {@code {"constructor": {"prototype": …}}}, the JSON Pointer {@code /constructor/prototype/x}).
 *   <li>{@value #BUILTIN_PROTOTYPE}: an assignment into a built-in's prototype ({@code Object.prototype.x = …}).
 *   <li>{@value #ACCESSOR_KEY}: a legacy accessor method name used as a key or path segment
 *       ({@code __defineGetter__}, {@code __lookupSetter__}, …).
 * </ul>
 *
 * "We built a prototype", "the constructor of the house", {@code Object.prototype.toString.call(x)} and
 * {@code protonmail.ch} are not flagged. JavaScript names are case-sensitive, so matching is too.
 *
 * <p>A JSON key arrives here on its own, without its path: {@code constructor} and then {@code prototype} as two
 * separate keys cannot be recognised (neither is suspicious alone); {@code __proto__} alone is.
 *
 * <p>Cost: values without what every rule needs ({@code p} and an underscore or a backslash for
 * {@code __proto__}; an underscore and {@code G} or {@code S} for the accessor keys; {@code p}, {@code y} and path
 * punctuation for {@code prototype}) are left after a look at the value's character set. Otherwise
 * {@code String.indexOf} for {@code proto} and for underscores; each hit is examined with a look-around of at most
 * {@value #LOOK} characters, so the work is linear in the value's length. Stateless and thread-safe.
 */
public final class PrototypePollutionDetector implements Detector {

  static final String PROTO_KEY = "proto.proto-key";
  static final String CONSTRUCTOR_PROTOTYPE = "proto.constructor-prototype";
  static final String BUILTIN_PROTOTYPE = "proto.builtin-prototype";
  static final String ACCESSOR_KEY = "proto.accessor-key";

  /** Look-around per candidate position, in characters. */
  static final int LOOK = 48;

  private static final Set<String> BUILTINS = Set.of(
      "Object", "Array", "Function", "String", "Number", "Boolean", "Promise", "RegExp", "Date", "Symbol",
      "Error", "Map", "Set");

  /** What one of the tests in {@link #detect} needs: an underscore or a backslash, or the {@code y} of prototype. */
  private static final Normalized.CharSet ANY = Normalized.charSet("_\\y");
  /** {@code __proto__}: an underscore, plain or escaped (<code>&#92;u005f</code>, <code>&#92;x5f</code>). */
  private static final Normalized.CharSet UNDERSCORE = Normalized.charSet("_\\");
  /** The accessor keys: a plain underscore and the capital of {@code Getter} or {@code Setter}. */
  private static final Normalized.CharSet PLAIN_UNDERSCORE = Normalized.charSet("_");
  private static final Normalized.CharSet GETTER_SETTER = Normalized.charSet("GS");
  /** Letters of {@code proto} and {@code prototype} (two of the rarer ones suffice as a filter). */
  private static final Normalized.CharSet P = Normalized.charSet("p");
  private static final Normalized.CharSet BACKSLASH = Normalized.charSet("\\");
  /** The letters of {@code proto} and their codes in hex, as an escape spells them. */
  private static final Normalized.CharSet[] PROTO_LETTERS = {P, Normalized.charSet("r"), Normalized.charSet("o"),
      Normalized.charSet("t")};
  /** Their codes, and those in upper case where that differs ({@code 6F}): built once, not per value. */
  private static final String[] PROTO_CODES = {"70", "72", "6f", "74"};
  private static final String[] PROTO_CODES_UPPER = {null, null, "6F", null};
  /** The first digits of {@link #PROTO_CODES}, each once, and by first digit the second digits that follow it. */
  private static final String CODE_FIRSTS;
  private static final String[] CODE_SECONDS = new String[128];

  static {
    StringBuilder firsts = new StringBuilder();
    for (String code : PROTO_CODES) {
      char first = code.charAt(0);
      if (CODE_SECONDS[first] == null) {
        firsts.append(first);
        CODE_SECONDS[first] = "";
      }
      CODE_SECONDS[first] += code.charAt(1);
    }
    CODE_FIRSTS = firsts.toString();
  }
  private static final Normalized.CharSet Y = Normalized.charSet("y");
  /**
   * What the {@code prototype} rules need around the word: the path punctuation after {@code constructor}
   * ({@link #isPathPunctuation}, blanks aside) or the dot of {@code Object.prototype}.
   */
  private static final Normalized.CharSet PATH = Normalized.charSet(".[]\"':{`/");

  /** The detector; stateless, so one instance serves every thread. */
  public PrototypePollutionDetector() {}

  @Override
  public Category category() {
    return Category.PROTO;
  }

  @Override
  public Normalized.CharSet triggers() {
    return ANY;
  }

  @Override
  public Detection detect(Normalized value) {
    if (!value.containsAny(ANY)) {
      return null; // most values, on one mask test
    }
    boolean accessor = value.containsAny(PLAIN_UNDERSCORE) && value.containsAny(GETTER_SETTER);
    boolean shaped = value.containsAny(UNDERSCORE) || (value.containsAny(Y) && value.containsAny(PATH));
    boolean plain = shaped && value.containsAny(P);
    // an escape may spell the p (and anything else): a backslash stands in for every letter
    boolean escaped = shaped && value.containsAny(BACKSLASH);
    return accessor || plain || escaped ? scan(value, accessor, accessor || plain, escaped) : null;
  }

  /**
   * The rules, on a value whose character set has what one of them needs: kept out of {@link #detect}, which
   * stays small enough to inline.
   */
  private static Detection scan(Normalized value, boolean accessor, boolean plain, boolean escaped) {
    String s = value.decoded();
    // the first proto, looked for once for both readings
    int proto = value.containsAny(P) ? Substrings.indexOf(s, "proto", 0) : -1;
    Detection found = plain ? scan(s, proto, accessor) : null;
    if (found == null && escaped && mayEscapeProto(value, s, proto >= 0)) {
      // JSON.parse and JavaScript read a key's escaped letters as the letters (an escaped p in __proto__ is a
      // p): any character may be escaped, not only the underscores; read the value once more, escapes resolved
      String unescaped = JsEscapes.unescape(s);
      if (unescaped != s) {
        found = scan(unescaped, Substrings.indexOf(unescaped, "proto", 0), false);
      }
    }
    return found;
  }

  /**
   * Whether the value, its escapes resolved, may hold {@code proto}, which every rule read there needs: each letter
   * of the word is in the value, plain or as the hex code an escape spells it with ({@code 70} for p), and the word
   * is plain in the value ({@code plainProto}) or an escape may spell one of its letters. Resolving leaves the text
   * between escapes as it was, so a {@code proto} that no escape spells was plain already. A flood of escapes of
   * other characters (<code>&#92;x3c</code>), even with every letter in the value, is not decoded.
   */
  private static boolean mayEscapeProto(Normalized value, String s, boolean plainProto) {
    for (int k = 0; k < PROTO_LETTERS.length; k++) {
      if (!value.containsAny(PROTO_LETTERS[k]) && !hasCode(s, k)) {
        return false;
      }
    }
    return plainProto || hasAnyCode(s);
  }

  /**
   * Whether {@code s} has the hex code of any letter of {@code proto} ({@link #PROTO_CODES}, in either case): one
   * read of the value per distinct first digit ({@code 7}, {@code 6}), rather than one per code.
   */
  private static boolean hasAnyCode(String s) {
    int n = s.length();
    for (int f = 0; f < CODE_FIRSTS.length(); f++) {
      char first = CODE_FIRSTS.charAt(f);
      String seconds = CODE_SECONDS[first];
      for (int i = Substrings.indexOf(s, first, 0); i >= 0 && i + 1 < n; i = Substrings.indexOf(s, first, i + 1)) {
        char d = s.charAt(i + 1);
        if (seconds.indexOf(d >= 'A' && d <= 'F' ? d + ('a' - 'A') : d) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code s} has the hex code of the {@code k}-th letter of {@code proto}, in either case: the last two
   * digits of any escape that spells the letter (<code>&#92;x70</code>, <code>&#92;u0070</code>,
   * <code>&#92;u{70}</code>).
   */
  private static boolean hasCode(String s, int k) {
    return Substrings.indexOf(s, PROTO_CODES[k], 0) >= 0
        || PROTO_CODES_UPPER[k] != null && Substrings.indexOf(s, PROTO_CODES_UPPER[k], 0) >= 0;
  }

  /**
   * The rules on {@code s}, whose first {@code proto} is at {@code first} (-1 for none); the accessor keys only with
   * {@code accessors} (not on a second, unescaped reading).
   */
  private static Detection scan(String s, int first, boolean accessors) {
    int best = 0;
    String rule = null;
    for (int p = first; p >= 0; p = Substrings.indexOf(s, "proto", p + 1)) {
      if (dunderProto(s, p)) {
        return new Detection(Category.PROTO, PROTO_KEY, 95);
      }
      if (!s.startsWith("prototype", p)) {
        continue;
      }
      if (afterConstructor(s, p)) {
        best = 90;
        rule = CONSTRUCTOR_PROTOTYPE;
      } else if (best < 75 && builtinAssignment(s, p)) {
        best = 75;
        rule = BUILTIN_PROTOTYPE;
      }
    }
    if (accessors && best < 70 && accessorKey(s)) {
      best = 70;
      rule = ACCESSOR_KEY;
    }
    return rule == null ? null : new Detection(Category.PROTO, rule, best);
  }

  // ---------------------------------------------------------------- __proto__

  /**
   * {@code proto} at {@code p} with two underscores on each side (plain or escaped). No word boundary is
   * required: {@code __pro__proto__to__} becomes {@code __proto__} once a filter strips the inner one, and no
   * legitimate name contains {@code __proto__}.
   */
  private static boolean dunderProto(String s, int p) {
    int left = underscoreBefore(s, p);
    if (left < 0) {
      return false;
    }
    if (underscoreBefore(s, left) < 0) {
      return false;
    }
    int right = underscoreAfter(s, p + 5);
    return right >= 0 && underscoreAfter(s, right) >= 0;
  }

  /** Start of an underscore ({@code _}, <code>&#92;u005f</code>, <code>&#92;x5f</code>) ending at {@code end}; -1. */
  private static int underscoreBefore(String s, int end) {
    if (end >= 1 && s.charAt(end - 1) == '_') {
      return end - 1;
    }
    if (end >= 6 && s.regionMatches(true, end - 6, "\\u005f", 0, 6)) {
      return end - 6;
    }
    if (end >= 4 && s.regionMatches(true, end - 4, "\\x5f", 0, 4)) {
      return end - 4;
    }
    return -1;
  }

  /** End of an underscore starting at {@code start}, or -1. */
  private static int underscoreAfter(String s, int start) {
    if (start < s.length() && s.charAt(start) == '_') {
      return start + 1;
    }
    if (s.regionMatches(true, start, "\\u005f", 0, 6)) {
      return start + 6;
    }
    if (s.regionMatches(true, start, "\\x5f", 0, 4)) {
      return start + 4;
    }
    return -1;
  }

  // ---------------------------------------------------------------- constructor.prototype

  /**
   * {@code constructor} right before {@code prototype} at {@code p}, separated by path punctuation
   * (any of <code>. [ ] " ' : { /</code> and blanks, at least one of them not a blank).
   */
  private static boolean afterConstructor(String s, int p) {
    int j = p - 1;
    int structural = 0;
    while (j >= 0 && p - j <= 16 && isPathPunctuation(s.charAt(j))) {
      if (s.charAt(j) != ' ' && s.charAt(j) != '\t') {
        structural++;
      }
      j--;
    }
    int start = j + 1 - "constructor".length();
    return structural > 0 && start >= 0 && s.startsWith("constructor", start);
  }

  private static boolean isPathPunctuation(char c) {
    return c == '.' || c == '[' || c == ']' || c == '"' || c == '\'' || c == ':' || c == '{' || c == ' '
        || c == '\t' || c == '`' || c == '/'; // '/': a JSON Pointer, as in a JSON Patch's path
  }

  // ---------------------------------------------------------------- Object.prototype.x = …

  /** {@code Builtin.prototype} at {@code p} followed by members and an assignment. */
  private static boolean builtinAssignment(String s, int p) {
    if (p < 2 || s.charAt(p - 1) != '.') {
      return false;
    }
    int start = p - 1;
    while (start > 0 && p - start <= 10 && isIdentPart(s.charAt(start - 1))) {
      start--;
    }
    if (!BUILTINS.contains(s.substring(start, p - 1)) || (start > 0 && s.charAt(start - 1) == '.')) {
      return false;
    }
    int n = s.length();
    int j = p + 9;
    boolean member = false;
    while (j < n && j - p < LOOK) {
      char c = s.charAt(j);
      if (c == '.') {
        int k = j + 1;
        while (k < n && k - p < LOOK && isIdentPart(s.charAt(k))) {
          k++;
        }
        if (k == j + 1) {
          return false;
        }
        j = k;
        member = true;
      } else if (c == '[') {
        int close = j + 1;
        while (close < n && close - p < LOOK && s.charAt(close) != ']') {
          close++;
        }
        if (close >= n || s.charAt(close) != ']') {
          return false;
        }
        j = close + 1;
        member = true;
      } else {
        break;
      }
    }
    while (j < n && j - p < LOOK && s.charAt(j) == ' ') {
      j++;
    }
    return member && j < n && s.charAt(j) == '=' && charAt(s, j + 1) != '=';
  }

  // ---------------------------------------------------------------- __defineGetter__ & co.

  /** {@code __defineGetter__}, {@code __lookupSetter__}, … as a whole word. */
  private static boolean accessorKey(String s) {
    for (int i = s.indexOf('_'); i >= 0; i = s.indexOf('_', i + 1)) {
      if ((s.startsWith("__define", i) || s.startsWith("__lookup", i)) && (i == 0 || !isIdentPart(s.charAt(i - 1)))
          && (s.startsWith("Getter__", i + 8) || s.startsWith("Setter__", i + 8)) && !isIdentPart(charAt(s, i + 16))) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- characters

  private static char charAt(String s, int k) {
    return k < s.length() ? s.charAt(k) : ' ';
  }

  private static boolean isIdentPart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
  }
}
