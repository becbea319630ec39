package dev.lambdaguard.input.detect;

import static dev.lambdaguard.input.detect.XssText.isIdentPart;
import static dev.lambdaguard.input.detect.XssText.startsWithWord;

/**
 * Script written for a script context without markup around it, recognised by how it reaches code execution rather
 * than by what it is called from: a global function reached through a computed name ({@code top["al"+"ert"](1)}),
 * a dialog or {@code eval} passed around as a value ({@code [1].find(alert)}, {@code a=alert,a(1)},
 * {@code (alert)(1)}, {@code alert`1`}), {@code eval}-like sinks fed from the URL or window name
 * ({@code eval(location.hash.slice(1))}), the Function constructor reached through {@code constructor.constructor},
 * and the proof-of-concept dialog call itself ({@code alert(1)}, {@code alert(document.cookie)}), whose arguments
 * no message a program shows looks like. A call with a string message ({@code alert("Saved")}) and ordinary code
 * ({@code window[handler](event)}, {@code setTimeout(update, 100)}) are left alone. Every check reads a bounded
 * number of characters around its trigger.
 */
final class XssSinks {

  private static final String[] GLOBALS = {"top", "window", "self", "parent", "frames", "globalthis", "opener",
      "content"};
  /** Attacker-controlled inputs of the page: its URL, the window name, cookies, and decoders fed from them. */
  static final String[] SOURCES = {"location", "url", "name", "cookie", "hash", "search", "referrer",
      "atob", "unescape", "decodeuri", "fromcharcode"};
  /** The lengths of the sources starting with each letter, one bit each: most names are told by these alone. */
  private static final int[] SOURCE_LENGTHS = lengthsByInitial(SOURCES);
  /** The sources starting with each letter: a name start is compared with those alone. */
  private static final String[][] SOURCES_BY_INITIAL = byInitial(SOURCES);
  private static final int LONGEST_SOURCE = "fromcharcode".length();
  /** Objects of the page whose members a proof of concept shows: {@code alert(document.domain)}. */
  private static final String[] PAGE_OBJECTS = {"document", "window", "top", "this", "self", "parent"};
  private static final int[] PAGE_OBJECT_LENGTHS = lengthsByInitial(PAGE_OBJECTS);
  private static final int SPAN = 96;
  /** Characters {@link Sources#mayStartWithin} reads ahead at a time: few calls a flood, little read past an end. */
  private static final int READ_AHEAD = 4096;
  private static final String CONSTRUCTOR = "constructor";
  /** The dialogs a proof of concept calls: {@link #isDialog}, and the names called without a source. */
  private static final String[] DIALOGS = {"alert", "prompt", "confirm"};
  /** Characters of six-character script read, and needed: even {@code alert(1)} takes thousands. */
  private static final int SIX_CHARACTER_RUN = 256;
  private static final String SIX_CHARACTERS = "[]()!+";
  /** Characters the this argument of {@code eval.call(this, ...)} takes, at most ({@code window}, {@code null}). */
  private static final int THIS_ARGUMENT = 16;
  /**
   * What ends the calls {@link #atParen} judges without a source: a dialog's or {@code constructor}'s last letter
   * (any case), or the {@code )} of a dialog taken as a value ({@code (alert)(1)}).
   */
  private static final boolean[] NAMES_CALLED_WITHOUT_SOURCE_ENDS =
      CharSets.table(lettersAnyCase(true, DIALOGS) + lettersAnyCase(true, CONSTRUCTOR) + ")");
  /** In {@link #NAME_CHARS}: an identifier part that may start no source, and a first letter of one (any case). */
  private static final byte IDENT_PART = 1;
  private static final byte SOURCE_INITIAL = 2;
  /** Each ASCII character's kind for the search of names that start with a source; 0 for no identifier part. */
  private static final byte[] NAME_CHARS = nameChars(lettersAnyCase(false, SOURCES));

  private XssSinks() {}

  /** At {@code (}: a dialog proof of concept, an evaluator fed from a source, {@code (alert)(..)}, Function access. */
  static boolean atParen(String s, int i, Sources sources) {
    if (i == 0 || !(XssText.isAsciiLetter(s.charAt(i - 1)) || s.charAt(i - 1) == ')')) {
      return false;
    }
    if (!endsNameCalledWithoutSource(s.charAt(i - 1)) && !sources.mayStartWithin(s, i + 1, SPAN)) {
      return false; // eval(, Function(, write(, .call(: only a source in the argument would make the call matter
    }
    int start = nameStart(s, i);
    if (start < i) {
      boolean member = start > 0 && s.charAt(start - 1) == '.';
      if (isDialog(s, start, i)) {
        return proofOfConcept(s, i + 1); // also window.alert(1), $event.view.alert(1)
      }
      if (member && isCallOfEvaluator(s, start, i)) {
        // eval.call(this, unescape(location)): eval itself, called another way; its code follows the this argument
        int comma = i + 1;
        while (comma < s.length() && comma - i <= THIS_ARGUMENT && s.charAt(comma) != ',') {
          comma++;
        }
        return comma < s.length() && s.charAt(comma) == ',' && comma - i <= THIS_ARGUMENT
            && fedFromSource(s, comma + 1, SPAN / 2, sources);
      }
      if (isEvaluator(s, start, i) || s.startsWith("Function", start) && i - start == 8
          || member && (XssText.equalsWord(s, start, i, "write")
          || XssText.equalsWord(s, start, i, "writeln"))) {
        return fedFromSource(s, i + 1, SPAN, sources);
      }
      return XssText.equalsWord(s, start, i, "constructor") && member && constructsCode(s, start, i);
    }
    // (alert)(1): the dialog taken as a value and called.
    if (i >= 2 && s.charAt(i - 1) == ')') {
      int nameEnd = i - 1;
      int from = nameStart(s, nameEnd);
      return from < nameEnd && from > 0 && s.charAt(from - 1) == '(' && isDialog(s, from, nameEnd);
    }
    return false;
  }

  /**
   * Whether a call ending in {@code last} may be one {@link #atParen} judges without a source in its argument: a
   * dialog, {@code constructor}, or a dialog in parentheses. Any other name it reads (an evaluator,
   * {@code Function}, {@code write}, {@code call}) matters only when fed from a source ({@link #fedFromSource}).
   */
  private static boolean endsNameCalledWithoutSource(char last) {
    return CharSets.has(NAMES_CALLED_WITHOUT_SOURCE_ENDS, last);
  }

  /** At {@code [}: a global object indexed by a computed name and called ({@code top[/al/.source+/ert/.source](1)}). */
  static boolean atBracket(String s, int i, Sources sources) {
    if (i == 0 || !XssText.isAsciiLetter(s.charAt(i - 1))) {
      return false;
    }
    int start = nameStart(s, i);
    if (start == i || (start > 0 && (s.charAt(start - 1) == '.' || isIdentPart(s.charAt(start - 1))))
        || !XssText.isOneOf(s, start, i, GLOBALS)) {
      return false;
    }
    int end = Math.min(s.length(), i + SPAN);
    int close = XssScript.skipGroup(s, i, end);
    if (close < 0 || close >= end || !(s.charAt(close) == '(' || s.charAt(close) == '`')) {
      return false;
    }
    int named = namedFunction(s, i + 1, close - 1);
    if (named != 0) {
      // top["alert"] is the dialog itself, and its call is judged as the plain call is (top["alert"]("Saved") passes).
      return named > 0 ? proofOfConcept(s, close + 1) : fedFromSource(s, close + 1, SPAN, sources);
    }
    // A plain name or a plain string is how code dispatches (window[callback](data)); anything computed is not.
    for (int k = i + 1; k < close - 1; k++) {
      char c = s.charAt(k);
      if (c == '+' || c == '\\' || c == '/' || c == '.' || c == '(' || c == '`') {
        return true;
      }
    }
    return false;
  }

  /**
   * Script written with six characters, {@code []()!+} (JSFuck): a run of them from the first {@code [}, each of
   * the six in it, long enough to spell a name and call it. Asked only of a value without letters.
   */
  static boolean sixCharacterScript(String s) {
    int from = s.indexOf('[');
    if (from < 0 || s.length() - from < SIX_CHARACTER_RUN) {
      return false;
    }
    int seen = 0;
    for (int k = from; k < from + SIX_CHARACTER_RUN; k++) {
      int at = SIX_CHARACTERS.indexOf(s.charAt(k));
      if (at < 0) {
        return false;
      }
      seen |= 1 << at;
    }
    return seen == (1 << SIX_CHARACTERS.length()) - 1;
  }

  /**
   * Whether {@code s[from, to)} names a dialog ({@link #DIALOGS}), any case: told by its length before any letter
   * is compared, as each call of a flood of other names ({@code eval(}) asks.
   */
  private static boolean isDialog(String s, int from, int to) {
    return XssText.isOneOf(s, from, to, DIALOGS);
  }

  /** Whether {@code s[from, to)} names an evaluator ({@code eval}, {@code execScript}), any case; by length first. */
  private static boolean isEvaluator(String s, int from, int to) {
    return switch (to - from) {
      case 4 -> XssText.equalsWord(s, from, to, "eval");
      case 10 -> XssText.equalsWord(s, from, to, "execscript");
      default -> false;
    };
  }

  /** Whether {@code s[from, to)} names a dialog or {@code eval}: what a proof of concept calls or hands on. */
  static boolean isDialogOrEval(String s, int from, int to) {
    return isDialog(s, from, to) || XssText.equalsWord(s, from, to, "eval");
  }

  /** At a backtick: a dialog or evaluator used as a template tag ({@code alert`1`}), or handed to one. */
  static boolean atBacktick(String s, int i) {
    char last = i > 0 ? XssText.lower(s.charAt(i - 1)) : 0;
    if (last != 't' && last != 'm' && last != 'l') {
      return (last == ' ' || last == 'y') && handedToTag(s, i);
    }
    if (handedToTag(s, i)) {
      return true;
    }
    int start = nameStart(s, i);
    return start < i && (start == 0 || s.charAt(start - 1) != '.')
        && isDialogOrEval(s, start, i);
  }

  /**
   * Whether {@code s[from, to)} is a string literal naming a dialog (1) or an evaluator (-1); 0 for anything else.
   */
  private static int namedFunction(String s, int from, int to) {
    if (to - from < 4 || s.charAt(from) != s.charAt(to - 1) || (s.charAt(from) != '"' && s.charAt(from) != '\'')) {
      return 0;
    }
    return isDialog(s, from + 1, to - 1) ? 1 : isEvaluator(s, from + 1, to - 1) ? -1 : 0;
  }

  /**
   * Whether the name assigned by the {@code =} at {@code eq} is called (or thrown to, as {@code onerror}) in
   * {@code s[from, end)}: {@code _=eval,_(name)}, not {@code mode=eval, then run(x)}.
   */
  private static boolean callsAlias(String s, int eq, int from, int end) {
    int name = eq;
    while (name > 0 && eq - name < 16 && isIdentPart(s.charAt(name - 1))) {
      name--;
    }
    int len = eq - name;
    if (len == 0 || name > 0 && s.charAt(name - 1) == '.') {
      return false;
    }
    boolean onerror = XssText.equalsWord(s, name, eq, "onerror");
    for (int k = from + 1; k < end; k++) {
      char c = s.charAt(k);
      if (onerror ? c == 't' && startsWithWord(s, k, end, "throw")
          : c == '(' && k - len > from && s.regionMatches(k - len, s, name, len)
              && !isIdentPart(s.charAt(k - len - 1))) {
        return true;
      }
    }
    return false;
  }

  /** {@code eval.call} or {@code eval.apply}: the name {@code s[start, paren)} after an evaluator and a dot. */
  private static boolean isCallOfEvaluator(String s, int start, int paren) {
    if (!XssText.equalsWord(s, start, paren, "call") && !XssText.equalsWord(s, start, paren, "apply")) {
      return false;
    }
    int from = nameStart(s, start - 1);
    return from < start - 1 && isEvaluator(s, from, start - 1);
  }

  /**
   * A template at {@code i} tagged with a member ({@code [].sort.call`...`}, spaces allowed) that substitutes a
   * dialog or evaluator ({@code ${alert}}): the tag receives the function and calls it ({@code sort} with
   * {@code alert} as its comparator). Markdown's {@code `${alert}`} has no member before it.
   */
  private static boolean handedToTag(String s, int i) {
    int k = i - 1;
    while (k > 0 && i - k < 8 && s.charAt(k) == ' ') {
      k--;
    }
    int start = nameStart(s, k + 1);
    if (start > k || start == 0) {
      return false;
    }
    int dot = start - 1;
    while (dot > 0 && start - dot < 8 && s.charAt(dot) == ' ') {
      dot--;
    }
    if (s.charAt(dot) != '.') {
      return false;
    }
    int end = Math.min(s.length(), i + SPAN / 2);
    for (int p = i + 1; p + 1 < end && s.charAt(p) != '`'; p++) {
      if (s.charAt(p) == '$' && s.charAt(p + 1) == '{') {
        int q = p + 2;
        while (q < end && s.charAt(q) == ' ') {
          q++;
        }
        int e = q;
        while (e < end && XssText.isAsciiLetter(s.charAt(e))) {
          e++;
        }
        int close = e;
        while (close < end && s.charAt(close) == ' ') {
          close++;
        }
        if (close < end && s.charAt(close) == '}' && (isDialog(s, q, e) || isEvaluator(s, q, e))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the character before {@code i} may end a dialog's or evaluator's name: alert, prompt, confirm, eval,
   * execScript, any case. {@link #atValueEnd} finds nothing elsewhere.
   */
  static boolean afterSinkName(String s, int i) {
    char last = i > 0 ? XssText.lower(s.charAt(i - 1)) : 0;
    return last == 't' || last == 'm' || last == 'l';
  }

  /**
   * At {@code )}, {@code ,} or {@code ;} right after a dialog name: the dialog handed to a call
   * ({@code [1].find(alert)}) or assigned and then used ({@code a=alert,a(1)}, {@code onerror=alert;throw 1}); or
   * an evaluator given a new name and then used ({@code _=eval,_(name)}).
   */
  static boolean atValueEnd(String s, int i) {
    if (!afterSinkName(s, i)) {
      return false;
    }
    int start = nameStart(s, i);
    if (start == i || start == 0) {
      return false;
    }
    boolean dialog = isDialog(s, start, i);
    if (!dialog && !isEvaluator(s, start, i)) {
      return false;
    }
    char before = s.charAt(start - 1);
    if (s.charAt(i) == ')') {
      return dialog && before == '(' && start >= 2 && isIdentPart(s.charAt(start - 2));
    }
    if (before != '=') {
      return false;
    }
    int end = Math.min(s.length(), i + 32);
    if (!dialog) {
      return callsAlias(s, start - 1, i, end);
    }
    for (int k = i + 1; k < end; k++) {
      if (s.charAt(k) == '(' || startsWithWord(s, k, end, "throw")) {
        return true;
      }
    }
    return false;
  }

  /**
   * In {@code s[from, to)} (a framework directive's expression): the Function constructor reached from an object,
   * given code and called ({@code ''.constructor.constructor('code')()}), as {@link #atParen} finds it in text.
   */
  static boolean constructsCodeIn(String s, int from, int to) {
    int end = Math.min(to, from + SPAN);
    for (int k = from + CONSTRUCTOR.length() + 1; k < end; k++) {
      int start = k - CONSTRUCTOR.length();
      if (s.charAt(k) == '(' && s.charAt(start - 1) == '.' && XssText.equalsWord(s, start, k, CONSTRUCTOR)
          && constructsCode(s, start, k)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code x.constructor.constructor(..)} or {@code x.constructor('code')()}: the Function constructor reached from
   * any object (how template sandboxes are escaped), given code and called.
   */
  private static boolean constructsCode(String s, int start, int paren) {
    if (start >= 12 && startsWithWord(s, start - 12, start, "constructor.")) {
      return true;
    }
    int end = Math.min(s.length(), paren + SPAN);
    char q = paren + 1 < end ? s.charAt(paren + 1) : 0;
    if (q != '\'' && q != '"' && q != '`') {
      return false;
    }
    int close = XssScript.skipString(s, paren + 1, end);
    return close > 0 && close + 1 < end && s.charAt(close) == ')' && s.charAt(close + 1) == '(';
  }

  /** The first argument of a dialog: nothing, a number, a regular expression, page state, or built characters. */
  private static boolean proofOfConcept(String s, int p) {
    int end = Math.min(s.length(), p + SPAN);
    while (p < end && s.charAt(p) == ' ') {
      p++;
    }
    if (p >= end) {
      return false;
    }
    char c = s.charAt(p);
    if (c == ')' || c == '/' || c == '`' || (c >= '0' && c <= '9')) {
      return true;
    }
    return startsWithWord(s, p, end, "location") || startsWithWord(s, p, end, "string.fromcharcode")
        || pageObjectMember(s, p, end);
  }

  /** {@code document.}, {@code window[}: a member of an object of the page, given to a dialog to show it. */
  private static boolean pageObjectMember(String s, int p, int end) {
    if (lengthsStartingWith(PAGE_OBJECT_LENGTHS, s.charAt(p)) == 0) {
      return false; // alert(alert(: no object of the page starts with a
    }
    int k = p;
    while (k < end && k - p < 8 && XssText.isAsciiLetter(s.charAt(k))) {
      k++;
    }
    if (k >= end || (s.charAt(k) != '.' && s.charAt(k) != '[')) {
      return false;
    }
    return XssText.isOneOf(s, p, k, PAGE_OBJECTS);
  }

  /**
   * An argument that reads a source the attacker controls within the call's parentheses: a name of
   * {@link #SOURCES} among those starting in {@code s[p, p + span)} (the last one read only up to there), before the
   * parenthesis closing the call's. The source is found with {@code sources}, which remembers the next one, so the
   * calls of a flood of {@code eval(} do not compare the same names again; only the characters up to it are read
   * for parentheses.
   */
  private static boolean fedFromSource(String s, int p, int span, Sources sources) {
    int end = Math.min(s.length(), p + span);
    int at = sources.next(s, p, end);
    if (at < 0 || sources.end > end) {
      at = truncatedSourceAt(s, p, end); // the name crossing the span's end, read up to it
    }
    if (at < 0) {
      return false;
    }
    int depth = 1;
    for (int k = p; k < at; k++) {
      char c = s.charAt(k);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return false;
      }
    }
    return true;
  }

  /** Start of the name running over {@code end} if it starts in {@code [p, end)} and is a source up to end; or -1. */
  private static int truncatedSourceAt(String s, int p, int end) {
    if (end >= s.length() || end <= p || !isIdentPart(s.charAt(end)) || !isIdentPart(s.charAt(end - 1))) {
      return -1;
    }
    int w = end - 1;
    while (w > p && isIdentPart(s.charAt(w - 1))) {
      w--;
    }
    return isSource(s, w, end) ? w : -1;
  }

  /**
   * Where the next name of {@link #SOURCES} starts in one value, remembered across the calls of one scan: a name
   * starts at an ASCII letter after a character that is no identifier part. Asked from positions after no
   * identifier part, mostly increasing: the names between one answer and the next are compared once. Not
   * thread-safe: one instance per scan.
   */
  static final class Sources {
    /** Names starting in {@code [from, to)} have been compared; {@code at} is the first source among them, or -1. */
    private int from;
    private int to;
    private int at = -1;
    /** The end of the source at {@code at}. */
    int end;
    /**
     * Names starting in {@code [candidatesFrom, searchedTo)} have been compared: {@code candidate} is the first of
     * them that starts with a source, or {@code Integer.MAX_VALUE} for none.
     */
    private int candidatesFrom;
    private int searchedTo;
    private int candidate = Integer.MAX_VALUE;

    /**
     * The sources of one value; {@code spelled} false when its letters spell none of them
     * ({@link XssAlphabet#sourceMayExist}): then no name starts with one, and none is searched for.
     */
    Sources(boolean spelled) {
      if (!spelled) {
        searchedTo = Integer.MAX_VALUE;
      }
    }

    /**
     * Whether a name starting in {@code [p, p + span)} starts with a source (a name start with a source's letters
     * next, in any case): {@link #fedFromSource} over that span finds a source, whole or cut at the span's end, only
     * there. The search reads ahead {@link #READ_AHEAD} characters at a time and keeps what it found, so the calls
     * of a flood of {@code eval(} with no source ahead are each told by one comparison, and a scan that ends early
     * (a sure finding) has not read the rest of the value for it.
     */
    boolean mayStartWithin(String s, int p, int span) {
      if (p > candidate || p > searchedTo) {
        candidatesFrom = p; // past what is known: a new stretch starts here
        searchedTo = p;
        candidate = Integer.MAX_VALUE;
      } else if (p < candidatesFrom) {
        // asked from further back (a scan that reads a stretch again): only the names before what is known are read
        int before = nameStartingWithSource(s, p, candidatesFrom);
        if (before != Integer.MAX_VALUE) {
          candidate = before;
        }
        candidatesFrom = p;
      }
      int n = s.length();
      while (candidate == Integer.MAX_VALUE && searchedTo < n && searchedTo - p < span) {
        int to = (int) Math.min(n, Math.max((long) p + span, (long) searchedTo + READ_AHEAD));
        candidate = nameStartingWithSource(s, searchedTo, to);
        searchedTo = candidate == Integer.MAX_VALUE ? to : candidate + 1;
      }
      return candidate - p < span;
    }

    /**
     * The first name start in {@code [p, limit)} that a source's letters follow; {@code Integer.MAX_VALUE} if none.
     */
    private static int nameStartingWithSource(String s, int p, int limit) {
      // One lookup a character: what it is tells both whether a name may start here and whether the next starts one.
      boolean afterIdentPart = p > 0 && isIdentPart(s.charAt(p - 1));
      for (int k = p; k < limit; k++) {
        char c = s.charAt(k);
        int kind = c < 128 ? NAME_CHARS[c] : 0;
        if (!afterIdentPart && kind == SOURCE_INITIAL && startsWithSource(s, k)) {
          return k;
        }
        afterIdentPart = kind != 0;
      }
      return Integer.MAX_VALUE;
    }

    /**
     * Start of the first source starting in {@code [p, limit)} of {@code s}, read to its own end; or -1. Reads at
     * most {@link #LONGEST_SOURCE} characters past {@code limit}, and none twice while asked in increasing order.
     */
    int next(String s, int p, int limit) {
      if (p < from || p > to) {
        from = p;
        to = p;
        at = -1;
      } else if (at >= 0 && at < p) {
        from = p; // the names after the source, up to p, were compared: none started before to = at + 1
        at = -1;
      }
      if (at >= 0) {
        return at < limit ? at : -1;
      }
      int k = to;
      while (k < limit) {
        if (XssText.isAsciiLetter(s.charAt(k)) && (k == 0 || !isIdentPart(s.charAt(k - 1)))) {
          int w = k;
          // A name longer than every source is none: it is read no further, and its rest starts no name.
          int stop = Math.min(s.length(), w + LONGEST_SOURCE + 1);
          while (k < stop && isIdentPart(s.charAt(k))) {
            k++;
          }
          if (isSource(s, w, k)) {
            at = w;
            end = k;
            to = w + 1;
            return w;
          }
        } else {
          k++;
        }
      }
      to = Math.max(to, k);
      return -1;
    }
  }

  /** Start of the identifier that ends right before {@code i} (letters only, at most 12); {@code i} if none. */
  private static int nameStart(String s, int i) {
    int k = i;
    while (k > 0 && i - k < 12 && XssText.isAsciiLetter(s.charAt(k - 1))) {
      k--;
    }
    if (k > 0 && (XssText.isAsciiAlnum(s.charAt(k - 1)) || s.charAt(k - 1) == '_' || s.charAt(k - 1) == '$')) {
      return i;
    }
    return k;
  }

  /** Whether one of {@link #SOURCES}, in any case, is written at {@code at}. */
  private static boolean startsWithSource(String s, int at) {
    int initial = XssText.lower(s.charAt(at)) - 'a';
    if (initial < 0 || initial >= 26) {
      return false;
    }
    for (String source : SOURCES_BY_INITIAL[initial]) {
      if (startsWithWord(s, at, s.length(), source)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code s[from, to)} is one of {@link #SOURCES}, most names told by first letter and length alone. */
  private static boolean isSource(String s, int from, int to) {
    int len = to - from;
    return len > 0 && len < Integer.SIZE && (lengthsStartingWith(SOURCE_LENGTHS, s.charAt(from)) & 1 << len) != 0
        && XssText.isOneOf(s, from, to, SOURCES);
  }

  /** {@code lengths[c]}, the lengths of the words starting with the letter {@code c} (any case); 0 for no letter. */
  private static int lengthsStartingWith(int[] lengths, char c) {
    int initial = XssText.lower(c) - 'a';
    return initial >= 0 && initial < 26 ? lengths[initial] : 0;
  }

  /** The first (or {@code last}) letter of each of {@code words}, in both cases: for a {@link CharSets#table}. */
  private static String lettersAnyCase(boolean last, String... words) {
    StringBuilder letters = new StringBuilder();
    for (String w : words) {
      char c = w.charAt(last ? w.length() - 1 : 0);
      letters.append(c).append(Character.toUpperCase(c));
    }
    return letters.toString();
  }

  private static byte[] nameChars(String sourceInitials) {
    byte[] kinds = new byte[128];
    for (char c = 0; c < 128; c++) {
      kinds[c] = sourceInitials.indexOf(c) >= 0 ? SOURCE_INITIAL : isIdentPart(c) ? IDENT_PART : 0;
    }
    return kinds;
  }

  private static String[][] byInitial(String[] words) {
    String[][] byInitial = new String[26][];
    for (int k = 0; k < 26; k++) {
      char initial = (char) ('a' + k);
      byInitial[k] = java.util.Arrays.stream(words).filter(w -> w.charAt(0) == initial).toArray(String[]::new);
    }
    return byInitial;
  }

  private static int[] lengthsByInitial(String[] words) {
    int[] lengths = new int[26];
    for (String w : words) {
      lengths[w.charAt(0) - 'a'] |= 1 << w.length();
    }
    return lengths;
  }
}
