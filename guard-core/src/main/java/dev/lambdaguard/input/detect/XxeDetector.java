package dev.lambdaguard.input.detect;

import dev.lambdaguard.input.Category;

/**
 * XML external entities and their relatives: markup that makes an XML parser fetch, read or expand something.
 *
 * <ul>
 *   <li>{@value #EXTERNAL_ENTITY}: {@code <!ENTITY name SYSTEM "…">} or {@code PUBLIC "…" "…"}, general or
 *       parameter ({@code <!ENTITY % name SYSTEM …>}).
 *   <li>{@value #ENTITY}: an internal entity declaration ({@code <!ENTITY a "…">}: entity expansion, billion
 *       laughs).
 *   <li>{@value #PARAMETER_ENTITY}: a parameter-entity reference ({@code %dtd;}) in DTD context (the value holds
 *       {@code <!} or {@code ]>}) or as the whole value.
 *   <li>{@value #EXTERNAL_DTD}: {@code <!DOCTYPE x SYSTEM "url">} or {@code PUBLIC "id" "url"}, except the W3C
 *       HTML/XHTML/SVG/MathML document types.
 *   <li>{@value #DOCTYPE}: {@code <!DOCTYPE x [} with an internal subset, or a bare markup declaration
 *       ({@code <!ELEMENT}, {@code <!ATTLIST}, {@code <!NOTATION}).
 *   <li>{@value #XINCLUDE}: an {@code xi:include} element or the XInclude namespace with an {@code include}.
 *   <li>{@value #XSLT}: an XSLT stylesheet ({@code <xsl:stylesheet}, {@code <xsl:transform}, any prefix) or an
 *       instruction with the {@code xsl} prefix ({@code <xsl:value-of}: a fragment for a stylesheet built from
 *       input); higher when it reads documents or calls extension functions ({@code document(}, {@code php:function},
 *       {@code unparsed-text(}, {@code xsl:include}, {@code xsl:import}).
 * </ul>
 *
 * {@code <!DOCTYPE html>} and XML without a DTD are benign. Keywords are matched case-insensitively (HTML
 * doctypes are case-insensitive, and some parsers are lenient). A document in UTF-7 ({@code +ADwAIQ-DOCTYPE})
 * is decoded and judged the same way.
 *
 * <p>Cost: a value whose character set lacks what each rule needs ({@code <} with {@code !} or {@code :},
 * {@code %} with {@code ;}, the letters of {@code +ADw}) is left after a mask test or a few (when the value took no
 * decoding layer, its raw form holds the same ASCII characters; when it did, two {@code indexOf} on the raw form).
 * Otherwise {@code String.indexOf} for {@code <}, {@code %} and {@code +}; each hit is examined with a look-ahead
 * of at most {@value #LOOK} characters (a doctype's name and external id); linear in the value's length. Stateless
 * and thread-safe.
 */
public final class XxeDetector implements Detector {

  static final String EXTERNAL_ENTITY = "xxe.external-entity";
  static final String ENTITY = "xxe.entity";
  static final String PARAMETER_ENTITY = "xxe.parameter-entity";
  static final String EXTERNAL_DTD = "xxe.external-dtd";
  static final String DOCTYPE = "xxe.doctype";
  static final String XINCLUDE = "xxe.xinclude";
  static final String XSLT = "xxe.xslt";

  /** Look-ahead per candidate position, in characters. */
  static final int LOOK = 512;

  /** What some rule needs one of: {@code <} for markup, {@code %} for a reference, {@code +} for UTF-7. */
  private static final Normalized.CharSet TRIGGERS = Normalized.charSet("<%+");
  /** Markup: {@code <} and, after it, {@code !} (a declaration) or the {@code :} of a prefixed element. */
  private static final Normalized.CharSet ANGLE = Normalized.charSet("<");
  private static final Normalized.CharSet BANG_OR_COLON = Normalized.charSet("!:");
  private static final Normalized.CharSet BANG = Normalized.charSet("!");
  /** A parameter-entity reference: {@code %name;}. */
  private static final Normalized.CharSet PERCENT = Normalized.charSet("%");
  private static final Normalized.CharSet SEMICOLON = Normalized.charSet(";");
  /** A UTF-7 shifted run that starts with {@code <}: {@code +ADw}. */
  private static final Normalized.CharSet PLUS = Normalized.charSet("+");
  private static final Normalized.CharSet UTF7_D = Normalized.charSet("D");
  private static final Normalized.CharSet UTF7_W = Normalized.charSet("w");

  /** The detector; stateless, so one instance serves every thread. */
  public XxeDetector() {}

  @Override
  public Category category() {
    return Category.XXE;
  }

  @Override
  public Normalized.CharSet triggers() {
    return TRIGGERS;
  }

  @Override
  public Detection detect(Normalized value) {
    // The rules that read raw() (UTF-7, and a reference whose % decoding took for an escape) need + or % there:
    // without a decoding layer raw() holds the ASCII characters of decoded() (only NUL and invisible non-ASCII ones
    // were removed), so the set answers for both forms. Most values end here, on a mask and the field next to it.
    if (!value.containsAny(TRIGGERS) && value.layers() == 0) {
      return null;
    }
    return mayHold(value) ? scan(value) : null;
  }

  /**
   * Whether the value has all the characters some rule needs ({@code <!}, {@code %;}, {@code +ADw}); for a value
   * that decoding changed, also a {@code +} or {@code %} in raw().
   */
  private static boolean mayHold(Normalized value) {
    if ((value.containsAny(ANGLE) && value.containsAny(BANG_OR_COLON))
        || (value.containsAny(PERCENT) && value.containsAny(SEMICOLON))) {
      return true;
    }
    if (value.layers() == 0) {
      return value.containsAny(PLUS) && value.containsAny(UTF7_D) && value.containsAny(UTF7_W);
    }
    String raw = value.raw();
    return raw.indexOf('+') >= 0 || raw.indexOf('%') >= 0;
  }

  /**
   * The rules, on a value that may hold markup, a parameter reference or UTF-7: kept out of {@link #detect},
   * which stays small enough to inline.
   */
  private static Detection scan(Normalized value) {
    String s = value.decoded();
    Detection markup = markup(s);
    if (markup == null) {
      String utf7 = utf7(value.raw());
      if (utf7 != null) {
        markup = markup(utf7);
      }
    }
    if (markup != null && markup.score() >= 90) {
      return markup;
    }
    boolean bang = value.containsAny(BANG);
    Detection parameter = parameterReference(s, s, bang);
    if (parameter == null && value.raw() != s && value.raw().indexOf('%') >= 0) {
      parameter = parameterReference(value.raw(), s, bang); // %de; percent-decodes to a byte: read it as it came
    }
    if (parameter != null && (markup == null || parameter.score() > markup.score())) {
      return parameter;
    }
    return markup;
  }

  // ---------------------------------------------------------------- markup declarations and elements

  private static Detection markup(String s) {
    int n = s.length();
    Detection best = null;
    int namespace = -1; // whether the XInclude namespace is declared: looked up once, at the first need
    boolean xslt = false;
    for (int i = nextAngle(s, 0); i >= 0 && i + 1 < n; i = nextAngle(s, i + 1)) {
      Detection d = null;
      if (s.charAt(i + 1) == '!') {
        d = declaresFirst(charAt(s, i + 2)) ? declaration(s, i + 2) : null; // a flood of comments (<!--) stops here
      } else if (charAt(s, nameEnd(s, i + 1)) == ':') { // most tags have no prefix, and stop here
        int kind = element(s, i + 1);
        if (kind == XI_PREFIX) {
          d = new Detection(Category.XXE, XINCLUDE, 90);
        } else if (kind == OTHER_PREFIX_INCLUDE) {
          if (namespace < 0) {
            namespace = containsIgnoreCase(s, "www.w3.org/2001/XInclude") ? 1 : 0;
          }
          d = namespace == 1 ? new Detection(Category.XXE, XINCLUDE, 90) : null;
        } else if ((kind == STYLESHEET || kind == XSL_INSTRUCTION) && !xslt) {
          xslt = true;
          d = new Detection(Category.XXE, XSLT, dangerousXslt(s) ? 90 : kind == STYLESHEET ? 70 : 60);
        }
      }
      if (d != null && (best == null || d.score() > best.score())) {
        best = d;
        if (best.score() >= 95) {
          return best;
        }
      }
    }
    return best;
  }

  /**
   * The first {@code <} at or after {@code from}, or -1: the next few characters by hand (a flood of markup has one
   * every few characters, where each call of indexOf would cost more than the look), then indexOf.
   */
  private static int nextAngle(String s, int from) {
    int stop = Math.min(s.length(), from + 8);
    for (int i = from; i < stop; i++) {
      if (s.charAt(i) == '<') {
        return i;
      }
    }
    return stop < s.length() ? s.indexOf('<', stop) : -1;
  }

  /** Whether {@code c} may start a declaration's keyword (below): kept apart, small enough to inline. */
  private static boolean declaresFirst(char c) {
    char first = (char) (c | 0x20);
    return first == 'e' || first == 'd' || first == 'a' || first == 'n';
  }

  /**
   * After {@code <!}: ENTITY, DOCTYPE, ELEMENT, ATTLIST, NOTATION. The first letter (ASCII, {@link #declaresFirst})
   * picks the keywords to compare, as a flood of declarations asks here at each one.
   */
  private static Detection declaration(String s, int k) {
    switch (s.charAt(k) | 0x20) {
      case 'e':
        if (keyword(s, k, "ENTITY")) {
          return entity(s, k + 6);
        }
        return keyword(s, k, "ELEMENT") ? MARKUP_DECLARATION : null;
      case 'd':
        return keyword(s, k, "DOCTYPE") ? doctype(s, k + 7) : null;
      case 'a':
        return keyword(s, k, "ATTLIST") ? MARKUP_DECLARATION : null;
      default:
        return keyword(s, k, "NOTATION") ? MARKUP_DECLARATION : null;
    }
  }

  /** An element, attribute list or notation declaration: a DTD in the value. */
  private static final Detection MARKUP_DECLARATION = new Detection(Category.XXE, DOCTYPE, 70);

  /** An entity declaration: one made for every {@code <!ENTITY} of a flood would be garbage at once. */
  private static final Detection INTERNAL_ENTITY = new Detection(Category.XXE, ENTITY, 85);

  /** After {@code <!ENTITY}: an external entity ({@code SYSTEM}, {@code PUBLIC}) or an internal one. */
  private static Detection entity(String s, int k) {
    int j = skipSpaces(s, k);
    if (j < s.length() && s.charAt(j) == '%') {
      j = skipSpaces(s, j + 1);
    }
    int nameEnd = nameEnd(s, j);
    int id = skipSpaces(s, nameEnd);
    if (nameEnd > j && (keyword(s, id, "SYSTEM") || keyword(s, id, "PUBLIC"))) {
      return new Detection(Category.XXE, EXTERNAL_ENTITY, 95);
    }
    return INTERNAL_ENTITY;
  }

  /** After {@code <!DOCTYPE}: an internal subset or an external DTD, not a W3C document type. */
  private static Detection doctype(String s, int k) {
    int j = skipSpaces(s, k);
    int nameEnd = nameEnd(s, j);
    int next = skipSpaces(s, nameEnd);
    if (next < s.length() && s.charAt(next) == '[') {
      return new Detection(Category.XXE, DOCTYPE, 80);
    }
    if (keyword(s, next, "SYSTEM") || keyword(s, next, "PUBLIC")) {
      if (keyword(s, next, "PUBLIC") && w3cPublicId(s, next + 6)) {
        return null;
      }
      return new Detection(Category.XXE, EXTERNAL_DTD, 90);
    }
    return null; // <!DOCTYPE html>
  }

  /** A public identifier of a W3C document type ({@code "-//W3C//DTD XHTML 1.0 Strict//EN"}). */
  private static boolean w3cPublicId(String s, int k) {
    int q = skipSpaces(s, k);
    return q < s.length() && (s.charAt(q) == '"' || s.charAt(q) == '\'')
        && s.regionMatches(true, q + 1, "-//W3C//DTD ", 0, 12);
  }

  private static final int NO_ELEMENT = 0;
  private static final int XI_PREFIX = 1;
  private static final int OTHER_PREFIX_INCLUDE = 2;
  private static final int STYLESHEET = 3;
  private static final int XSL_INSTRUCTION = 4;

  /** After {@code <}: which prefixed element of interest starts here, if any. */
  private static int element(String s, int k) {
    int n = s.length();
    int colon = nameEnd(s, k);
    if (colon == k || colon >= n || s.charAt(colon) != ':') {
      return NO_ELEMENT;
    }
    int local = colon + 1;
    if (keyword(s, local, "include") && !isNameChar(charAt(s, local + 7))) {
      return colon - k == 2 && s.regionMatches(true, k, "xi", 0, 2) ? XI_PREFIX : OTHER_PREFIX_INCLUDE;
    }
    if ((keyword(s, local, "stylesheet") && !isNameChar(charAt(s, local + 10)))
        || (keyword(s, local, "transform") && !isNameChar(charAt(s, local + 9)))) {
      return STYLESHEET;
    }
    // An instruction of the conventional xsl prefix: a stylesheet fragment injected into one.
    return colon - k == 3 && s.regionMatches(true, k, "xsl", 0, 3) && isLetter(charAt(s, local))
        ? XSL_INSTRUCTION : NO_ELEMENT;
  }

  /** An XSLT stylesheet that reads other documents or calls extension functions. */
  private static boolean dangerousXslt(String s) {
    return containsIgnoreCase(s, "document(") || containsIgnoreCase(s, "unparsed-text")
        || containsIgnoreCase(s, "php:function") || containsIgnoreCase(s, ":include")
        || containsIgnoreCase(s, ":import") || containsIgnoreCase(s, "system-property(")
        || containsIgnoreCase(s, "java:") || containsIgnoreCase(s, "rt:exec");
  }

  // ---------------------------------------------------------------- parameter-entity references

  /**
   * {@code %name;} in DTD context ({@code context} holds {@code <!} or {@code ]>}), or values made only of such
   * references: a reference needs a name of two or more characters with a letter first, so {@code %s;} and
   * {@code 100%;} are not references. {@code bang}: whether {@code context} has a {@code !} (its mask).
   */
  private static Detection parameterReference(String s, String context, boolean bang) {
    int dtd = -1;
    // from each ; back to its %: a flood of % (as in %25%25...) with no ; costs nothing
    for (int semi = s.indexOf(';'); semi >= 0; semi = s.indexOf(';', semi + 1)) {
      if (!closesReference(s, semi)) {
        continue;
      }
      if (dtd < 0) {
        // String.contains reads a megabyte without "<!" character by character: the mask says whether to look,
        // and Substrings finds the candidates by a vector search for one character
        dtd = bang && Substrings.contains(context, "<!") || Substrings.contains(context, "]>") ? 1 : 0;
      }
      if (dtd == 1) {
        return new Detection(Category.XXE, PARAMETER_ENTITY, 85);
      }
      if (onlyReferences(s)) {
        return new Detection(Category.XXE, PARAMETER_ENTITY, 70);
      }
      return null;
    }
    return null;
  }

  /** Whether the {@code ;} at {@code semi} closes {@code %name;}: the same names {@link #nameEnd} reads forward. */
  private static boolean closesReference(String s, int semi) {
    int start = semi;
    while (start > 0 && semi - start <= LOOK && isNameChar(s.charAt(start - 1))) {
      start--;
    }
    int length = semi - start;
    return length >= 2 && length <= LOOK && start > 0 && s.charAt(start - 1) == '%'
        && (isLetter(s.charAt(start)) || s.charAt(start) == '_');
  }

  /** The value is nothing but parameter-entity references and whitespace: {@code %dtd; %send;}. */
  private static boolean onlyReferences(String s) {
    int n = s.length();
    int i = skipSpaces(s, 0);
    boolean any = false;
    while (i < n) {
      if (s.charAt(i) != '%') {
        return false;
      }
      int nameEnd = nameEnd(s, i + 1);
      if (nameEnd - i - 1 < 2 || nameEnd >= n || s.charAt(nameEnd) != ';') {
        return false;
      }
      any = true;
      i = skipSpaces(s, nameEnd + 1);
    }
    return any;
  }

  // ---------------------------------------------------------------- UTF-7

  /**
   * The value with its UTF-7 shifted runs ({@code +ADwAIQ-} is {@code <!}) decoded, when it holds one that starts
   * with {@code <} ({@code +ADw}); else null. XML parsers honour {@code encoding="UTF-7"}, filters do not.
   */
  static String utf7(String s) {
    int first = s.indexOf('+');
    while (first >= 0 && !s.startsWith("+ADw", first)) {
      first = s.indexOf('+', first + 1);
    }
    if (first < 0) {
      return null;
    }
    return Utf7.decode(s, first);
  }

  // ---------------------------------------------------------------- characters

  /**
   * Whether {@code word} (ASCII letters) is at {@code k} in any case. ASCII text is compared here, letter by letter;
   * from the first other character on, {@code regionMatches} (its case folding matches {@code ſ} to {@code S}).
   */
  private static boolean keyword(String s, int k, String word) {
    int len = word.length();
    if (k < 0 || k > s.length() - len) {
      return false;
    }
    for (int j = 0; j < len; j++) {
      char c = s.charAt(k + j);
      if (c >= 128) {
        return s.regionMatches(true, k + j, word, j, len - j);
      }
      if ((c | 0x20) != (word.charAt(j) | 0x20)) {
        return false;
      }
    }
    return true;
  }

  private static boolean containsIgnoreCase(String s, String part) {
    int n = s.length() - part.length();
    char first = part.charAt(0);
    char firstUpper = Character.toUpperCase(first);
    for (int i = 0; i <= n; i++) {
      char c = s.charAt(i);
      if ((c == first || c == firstUpper) && s.regionMatches(true, i, part, 0, part.length())) {
        return true;
      }
    }
    return false;
  }

  /** End of an XML name (letters, digits, {@code _ - .}; first a letter or {@code _}) at {@code k}, bounded. */
  private static int nameEnd(String s, int k) {
    int n = s.length();
    if (k >= n || !(isLetter(s.charAt(k)) || s.charAt(k) == '_')) {
      return k;
    }
    int j = k + 1;
    while (j < n && j - k < LOOK && isNameChar(s.charAt(j))) {
      j++;
    }
    return j;
  }

  private static int skipSpaces(String s, int k) {
    int n = s.length();
    int j = k;
    while (j < n && j - k < LOOK && Character.isWhitespace(s.charAt(j))) {
      j++;
    }
    return j;
  }

  private static char charAt(String s, int k) {
    return k < s.length() ? s.charAt(k) : ' ';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && Character.isLetter(c));
  }

  private static boolean isNameChar(char c) {
    return isLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
  }
}
