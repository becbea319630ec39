package dev.lambdaguard.input.detect;

import static dev.lambdaguard.input.detect.XssText.equalsWord;
import static dev.lambdaguard.input.detect.XssText.lower;

/**
 * What the XSS scanner knows about tags and attributes: the kinds of tag that load or run content by themselves,
 * the attribute facts that make them do it, event-handler names, and odd charsets. Pure functions of index ranges
 * of the scanned text; nothing is copied.
 */
final class XssMarkup {

  static final int OTHER = 0;
  static final int SCRIPT = 1;
  /** iframe, frame, portal, IE's VML vmlframe: load a document from src or srcdoc. */
  static final int FRAME = 2;
  /** object, embed, applet: run plugin or document content. */
  static final int PLUGIN = 3;
  static final int BASE = 4;
  static final int META = 5;
  static final int LINK = 6;
  /** IE and Netscape loaders: xml data islands, layers, bgsound, import of behaviours. */
  static final int LOADER = 7;
  /** Images, where an SVG data URL is inert. */
  static final int IMAGE = 8;
  /** style, which Netscape ran as script when typed text/javascript. */
  static final int STYLE = 9;
  /** xml: an IE data island, whose content a bound element renders as HTML. */
  static final int XML = 10;

  static final int F_SRC = 1;
  static final int F_ABSOLUTE_HREF = 1 << 1;
  static final int F_META_ACTIVE = 1 << 2;
  static final int F_META_CONTENT_TYPE = 1 << 3;
  static final int F_ODD_CHARSET_CONTENT = 1 << 4;
  static final int F_ODD_CHARSET = 1 << 5;
  static final int F_REL_IMPORT = 1 << 6;
  static final int F_VALUE = 1 << 7;
  static final int F_SCRIPT_TYPE = 1 << 8;
  static final int F_ID = 1 << 9;
  static final int F_REL_STYLESHEET = 1 << 10;

  /** Charsets a page may declare without changing how ASCII markup reads; others (UTF-7, x-mac-farsi) can. */
  private static final String[] PLAIN_CHARSETS = {"utf-8", "utf8", "iso-8859", "iso8859", "windows-125", "us-ascii",
      "ascii", "latin", "shift_jis", "shift-jis", "euc-", "gb", "big5", "koi8", "cp125"};

  /** AngularJS directives that evaluate their value on an event (or at once, ng-init). */
  private static final String[] NG_EVENTS = {"click", "dblclick", "focus", "blur", "change", "submit", "keydown",
      "keyup", "keypress", "mousedown", "mouseup", "mouseover", "mouseenter", "mouseleave", "mousemove", "copy", "cut",
      "paste", "init"};

  private XssMarkup() {}

  /** The kind of the tag named {@code s[from, to)}, its namespace prefix ignored ({@code html:script}). */
  static int kind(String s, int from, int to) {
    for (int k = to - 1; k > from; k--) {
      if (s.charAt(k) == ':') {
        from = k + 1;
        break;
      }
    }
    int len = to - from;
    if (len < 3 || len > 8) {
      return OTHER;
    }
    char first = lower(s.charAt(from));
    return switch (first) {
      case 's' -> equalsWord(s, from, to, "script") ? SCRIPT
          : equalsWord(s, from, to, "source") ? IMAGE
          : equalsWord(s, from, to, "style") ? STYLE : OTHER;
      case 'i' -> equalsWord(s, from, to, "iframe") ? FRAME
          : equalsWord(s, from, to, "img") ? IMAGE
          : equalsWord(s, from, to, "image") ? IMAGE
          : equalsWord(s, from, to, "ilayer") || equalsWord(s, from, to, "import") ? LOADER : OTHER;
      case 'f' -> equalsWord(s, from, to, "frame") ? FRAME : OTHER;
      case 'p' -> equalsWord(s, from, to, "portal") ? FRAME : equalsWord(s, from, to, "picture") ? IMAGE : OTHER;
      case 'o' -> equalsWord(s, from, to, "object") ? PLUGIN : OTHER;
      case 'e' -> equalsWord(s, from, to, "embed") ? PLUGIN : OTHER;
      case 'a' -> equalsWord(s, from, to, "applet") ? PLUGIN : OTHER;
      case 'b' -> equalsWord(s, from, to, "base") ? BASE : equalsWord(s, from, to, "bgsound") ? LOADER : OTHER;
      case 'm' -> equalsWord(s, from, to, "meta") ? META : OTHER;
      case 'l' -> equalsWord(s, from, to, "link") ? LINK : equalsWord(s, from, to, "layer") ? LOADER : OTHER;
      case 'x' -> equalsWord(s, from, to, "xml") ? XML : OTHER;
      case 'v' -> equalsWord(s, from, to, "vmlframe") ? FRAME : OTHER;
      default -> OTHER;
    };
  }

  /**
   * A tag name that is {@code script} followed by characters no element name has ({@code <script<{..}>}, old
   * engines ended the name there); not {@code scripts} or {@code script-x}.
   */
  static boolean scriptThenJunk(String s, int from, int to) {
    if (to - from <= 6 || !XssText.startsWithWord(s, from, to, "script")) {
      return false;
    }
    char c = s.charAt(from + 6);
    return !(XssText.isAsciiAlnum(c) || c == '-' || c == '_' || c == '.' || c == ':');
  }

  /**
   * {@code on} and at least three letters: {@code onload}, {@code onxxx}, {@code OnFocus}; not {@code one} or
   * {@code only}.
   */
  static boolean isHandlerName(String s, int from, int to) {
    if (to - from < 5 && (to - from < 2 || s.charAt(from) != '@' && s.charAt(from) != '(')) {
      return false; // shorter than on and three letters, and no @x or (x) binding: most attribute names
    }
    if (isFrameworkHandler(s, from, to)) {
      return true;
    }
    for (int k = to - 1; k > from; k--) {
      if (s.charAt(k) == ':') {
        from = k + 1;
        break;
      }
    }
    if (to - from < 5 || lower(s.charAt(from)) != 'o' || lower(s.charAt(from + 1)) != 'n') {
      return false;
    }
    for (int k = from + 2; k < to; k++) {
      if (!XssText.isAsciiLetter(s.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether some {@code =} follows a handler name or {@code style} (junk allowed before the {@code =}): the only
   * attributes a breakout list reports. Values without one skip breakout lists altogether.
   */
  static boolean hasBreakoutAttribute(String s) {
    // Dense '=' (a flood of =`) are found by hand rather than by a vector search each (XssText.next).
    for (int e = s.indexOf('='), previous = XssText.NO_HIT; e >= 0; ) {
      int end = e;
      while (end > 0 && XssText.isJunk(s.charAt(end - 1))) {
        end--;
      }
      int start = end;
      while (start > 0 && end - start < 32 && XssText.isAsciiLetter(s.charAt(start - 1))) {
        start--;
      }
      // Letters only: no framework form, no prefix; a handler (on and three letters) and style both take five.
      if (end - start >= 5 && (isHandlerName(s, start, end) || equalsWord(s, start, end, "style"))) {
        return true;
      }
      int next = XssText.next(s, '=', e, previous);
      previous = e;
      e = next;
    }
    return false;
  }

  /**
   * A directive whose value a front-end framework evaluates as an expression when it renders: Vue's {@code v-*}
   * and its {@code :attr} shorthand. Not a handler: ordinary templates call functions in them.
   */
  static boolean isExpressionDirective(String s, int from, int to) {
    return to - from > 1 && (s.charAt(from) == ':' || to - from > 2 && XssText.startsWithWord(s, from, to, "v-"));
  }

  /**
   * An event binding of a front-end framework, whose value the framework runs as code: {@code v-on:click},
   * {@code x-on:click}, {@code @click}, {@code (click)}, {@code ng-click} (and AngularJS's other event directives).
   */
  private static boolean isFrameworkHandler(String s, int from, int to) {
    int len = to - from;
    if (len < 2) {
      return false;
    }
    char c = s.charAt(from);
    if (c == '@' || c == '(') {
      return XssText.isAsciiLetter(s.charAt(from + 1)) && (c == '@' || s.charAt(to - 1) == ')');
    }
    if (len > 5 && (XssText.startsWithWord(s, from, to, "v-on:") || XssText.startsWithWord(s, from, to, "x-on:"))) {
      return true;
    }
    if (len > 3 && XssText.startsWithWord(s, from, to, "ng-")) {
      for (String event : NG_EVENTS) {
        if (equalsWord(s, from + 3, to, event)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The facts one attribute with a value contributes to its tag. */
  static int facts(String s, int a, int aEnd, int vStart, int vEnd) {
    int facts = F_VALUE;
    boolean empty = vEnd <= vStart;
    switch (aEnd - a) {
      case 2 -> {
        if (!empty && equalsWord(s, a, aEnd, "id")) {
          facts |= F_ID;
        }
      }
      case 3 -> {
        if (!empty && equalsWord(s, a, aEnd, "src")) {
          facts |= F_SRC;
        } else if (equalsWord(s, a, aEnd, "rel")) {
          facts |= contains(s, vStart, vEnd, "import") ? F_REL_IMPORT
              : contains(s, vStart, vEnd, "stylesheet") ? F_REL_STYLESHEET : 0;
        }
      }
      case 4 -> {
        if (equalsWord(s, a, aEnd, "type")
            && (contains(s, vStart, vEnd, "javascript") || contains(s, vStart, vEnd, "vbscript"))) {
          facts |= F_SCRIPT_TYPE;
        } else if (equalsWord(s, a, aEnd, "href") && isAbsolute(s, vStart, vEnd)) {
          facts |= F_ABSOLUTE_HREF;
        } else if (!empty && (equalsWord(s, a, aEnd, "data") || equalsWord(s, a, aEnd, "code"))) {
          facts |= F_SRC;
        }
      }
      case 6 -> {
        if (!empty && (equalsWord(s, a, aEnd, "srcdoc") || equalsWord(s, a, aEnd, "dynsrc")
            || equalsWord(s, a, aEnd, "lowsrc"))) {
          facts |= F_SRC;
        }
      }
      case 7 -> {
        if (equalsWord(s, a, aEnd, "content") && contains(s, vStart, vEnd, "charset=")) {
          int at = indexOf(s, vStart, vEnd, "charset=") + "charset=".length();
          facts |= oddCharset(s, at, vEnd) ? F_ODD_CHARSET_CONTENT : 0;
        } else if (equalsWord(s, a, aEnd, "charset") && oddCharset(s, vStart, vEnd)) {
          facts |= F_ODD_CHARSET;
        } else if (!empty && (equalsWord(s, a, aEnd, "classid") || equalsWord(s, a, aEnd, "archive"))) {
          facts |= F_SRC;
        }
      }
      case 10 -> {
        if (equalsWord(s, a, aEnd, "http-equiv")) {
          if (startsWith(s, vStart, vEnd, "refresh") || startsWith(s, vStart, vEnd, "set-cookie")
              || startsWith(s, vStart, vEnd, "link")) {
            facts |= F_META_ACTIVE;
          } else if (startsWith(s, vStart, vEnd, "content-type")) {
            facts |= F_META_CONTENT_TYPE;
          }
        }
      }
      case 14 -> {
        if (!empty && equalsWord(s, a, aEnd, "implementation")) {
          facts |= F_SRC;
        }
      }
      default -> {
        // no fact
      }
    }
    return facts;
  }

  /** Whether a tag of this kind with these facts loads, runs or redirects to content by itself. */
  static boolean dangerous(int kind, int facts) {
    return switch (kind) {
      case FRAME, LOADER -> (facts & F_SRC) != 0;
      case PLUGIN -> (facts & F_VALUE) != 0;
      case BASE -> (facts & F_ABSOLUTE_HREF) != 0;
      case META -> (facts & (F_META_ACTIVE | F_ODD_CHARSET)) != 0
          || (facts & (F_META_CONTENT_TYPE | F_ODD_CHARSET_CONTENT)) == (F_META_CONTENT_TYPE | F_ODD_CHARSET_CONTENT);
      // an HTML import; or a stylesheet typed as script, which Netscape ran as JavaScript style sheets
      case LINK -> (facts & F_REL_IMPORT) != 0 || (facts & (F_REL_STYLESHEET | F_SCRIPT_TYPE))
          == (F_REL_STYLESHEET | F_SCRIPT_TYPE);
      case STYLE -> (facts & F_SCRIPT_TYPE) != 0;
      case XML -> (facts & (F_SRC | F_ID)) != 0;
      default -> false;
    };
  }

  /** {@code attributeName="onclick"} on an SVG {@code set}/{@code animate}: the animation writes a handler. */
  static boolean setsHandler(String s, int a, int aEnd, int vStart, int vEnd) {
    return equalsWord(s, a, aEnd, "attributename") && isHandlerName(s, vStart, vEnd);
  }

  /** IE data binding that renders the bound data as HTML. */
  static boolean bindsHtml(String s, int a, int aEnd, int vStart, int vEnd) {
    return equalsWord(s, a, aEnd, "dataformatas") && equalsWord(s, vStart, vEnd, "html");
  }

  /** A charset outside the plain ones, read from {@code s[from, to)} (quotes and spaces before it skipped). */
  static boolean oddCharset(String s, int from, int to) {
    while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '"' || s.charAt(from) == '\'')) {
      from++;
    }
    if (from >= to) {
      return false;
    }
    for (String plain : PLAIN_CHARSETS) {
      if (startsWith(s, from, to, plain)) {
        return false;
      }
    }
    return true;
  }

  /** {@code //host}, {@code \\host} or {@code scheme:}: a base that moves every relative URL of the page. */
  private static boolean isAbsolute(String s, int from, int to) {
    from = XssText.skipJunk(s, from, to, false, 8);
    if (to - from >= 2 && (s.charAt(from) == '/' || s.charAt(from) == '\\')
        && (s.charAt(from + 1) == '/' || s.charAt(from + 1) == '\\')) {
      return true;
    }
    int k = from;
    while (k < to && k - from < 16 && XssText.isAsciiLetter(s.charAt(k))) {
      k++;
    }
    return k > from && k < to && s.charAt(k) == ':';
  }

  private static boolean startsWith(String s, int from, int to, String word) {
    return XssText.startsWithWord(s, from, to, word);
  }

  private static boolean contains(String s, int from, int to, String word) {
    return indexOf(s, from, to, word) >= 0;
  }

  /** First index of {@code word} (lower-case) in {@code s[from, to)}, case-insensitive; -1 if absent. */
  private static int indexOf(String s, int from, int to, String word) {
    for (int k = from; k + word.length() <= to; k++) {
      if (XssText.startsWithWord(s, k, to, word)) {
        return k;
      }
    }
    return -1;
  }
}
