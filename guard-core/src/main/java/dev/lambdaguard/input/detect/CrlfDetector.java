package dev.lambdaguard.input.detect;

import dev.lambdaguard.input.Category;
import java.util.Set;

/**
 * CRLF injection: a line break that, copied into a response header (a redirect target, a cookie, a file name),
 * ends that header and starts another one or a whole new response.
 *
 * <ul>
 *   <li>{@value #HEADER}: a line break followed by a header field ({@code Name:}).
 *   <li>{@value #SPLITTING}: a line break followed by a status line ({@code HTTP/1.1 200}), or an injected
 *       header followed by an empty line and a body.
 *   <li>{@value #ENCODED_BREAK} (60): a value that is nothing but encoded line breaks, with at most blanks and URL
 *       punctuation beside them ({@code %0d%0a}, {@code /%0d%0a}, {@code %250a}): a scanner's probe.
 * </ul>
 *
 * <p>What counts depends on where the line break comes from, because the detector does not know whether the
 * value will land in a header or in a body field, where multi-line text is normal ("Note: call me first" on a
 * second line is shaped like a header):
 *
 * <ul>
 *   <li><b>encoded</b>: decoding produced it ({@code %0d%0a}, {@code %250a}, {@code %u000a}, {@code &#10;}) and
 *       the value as received had no line break (in text that has lines, an HTML page with {@code &#10;} in it,
 *       decoded breaks cannot be told from the others and count as raw). Plain text has no reason to carry an
 *       encoded line break, so any registered header name, an {@code X-} name or any hyphenated field name after
 *       it counts, and so does a status line or an empty line before markup. {@code %%0a0a} (an outer escape
 *       that closes over an inner one a filter removed) counts as two breaks.
 *   <li><b>truncated</b>: a character whose low byte is CR or LF ({@code 嘊} U+560A, {@code 嘍} U+560D, what
 *       {@code %E5%98%8A} decodes to), which servers that narrow characters to bytes turn into a line break.
 *       Counts like an encoded break, but only before a registered or {@code X-} header name or a status line.
 *   <li><b>raw</b>: CR or LF received as such (a JSON string, a text area). Counts only before a header name
 *       that is no English word and is worth injecting ({@code Set-Cookie}, {@code Content-Length},
 *       {@code Access-Control-Allow-Origin}, {@code X-XSS-Protection}, …), or before a hyphenated name glued to
 *       its value as in a header and not in prose ({@code Header-Test:value}, lower score).
 *       {@code Location:}, {@code Host:}, {@code Date:}, {@code Link:} after a raw line break are left alone: a
 *       pasted job ad says "Location: Berlin".
 *   <li><b>escaped</b>: the two characters {@code \r} or {@code \n}, or <code>&#92;u000d</code>,
 *       <code>&#92;u000a</code>, <code>&#92;x0d</code>, <code>&#92;x0a</code> (a JSON, JavaScript or C escape that a
 *       later layer may unescape) count only before a header that takes over the response ({@code Set-Cookie},
 *       {@code Location}, {@code Content-Length}, …) or a glued hyphenated name: code that writes HTTP or
 *       multipart bodies by hand has {@code \r\nContent-Type:}.
 * </ul>
 *
 * A developer pasting a raw HTTP exchange into a support form ("HTTP/1.1 403\nContent-Type: …") is flagged: it
 * is indistinguishable from a raw injection.
 *
 * <p>Cost: a value without CR, LF, backslash or a character that truncates to a line break (its profile tells) is
 * left after a look at its character set (line breaks are only looked for in the decoded value; the raw one only
 * tells encoded ones from raw ones). Otherwise CR, LF and backslash are searched for, or, in a value with a
 * truncating character, one table look-up per character finds the first possible line break; without one the
 * value is done. Otherwise each run of line breaks is examined with a look-ahead of at most {@value #LOOK}
 * characters (the header name), so the work is linear in the value's length. Stateless and thread-safe.
 */
public final class CrlfDetector implements Detector {

  static final String HEADER = "crlf.header";
  static final String SPLITTING = "crlf.response-splitting";
  static final String ENCODED_BREAK = "crlf.encoded-break";
  private static final Detection BARE_ENCODED_BREAK = new Detection(Category.CRLF, ENCODED_BREAK, 60);
  /** The longest value {@link #bareEncodedBreak} reads: a probe is a break or a few and a character or two. */
  private static final int BARE_PROBE = 32;
  /** What may stand beside a probe's encoded breaks: blanks and the URL punctuation a probe is appended to. */
  private static final boolean[] BESIDE_PROBE = CharSets.table(" \t/?#.&;%");

  /** Look-ahead per line break, in characters: whitespace and a header field name. */
  static final int LOOK = 48;

  /** Header names an attacker injects and prose never starts a line with. */
  private static final Set<String> DISTINCTIVE = Set.of(
      "set-cookie", "set-cookie2", "content-type", "content-length", "content-disposition", "content-encoding",
      "content-language", "content-location", "content-range", "content-security-policy",
      "content-security-policy-report-only", "content-transfer-encoding", "transfer-encoding",
      "access-control-allow-origin", "access-control-allow-credentials", "access-control-allow-headers",
      "access-control-allow-methods", "access-control-expose-headers", "access-control-max-age", "cache-control",
      "www-authenticate", "proxy-authenticate", "proxy-authorization", "strict-transport-security",
      "x-xss-protection", "x-frame-options", "x-content-type-options", "x-forwarded-for", "x-forwarded-host",
      "x-forwarded-proto", "x-forwarded-port", "x-forwarded-server", "x-real-ip", "x-original-url",
      "x-rewrite-url", "x-powered-by", "x-requested-with", "x-csrf-token", "x-xsrf-token", "x-api-key",
      "x-http-method-override", "x-accel-redirect", "x-sendfile", "last-modified", "if-modified-since",
      "if-none-match", "if-match", "keep-alive", "referrer-policy", "permissions-policy", "feature-policy",
      "cross-origin-opener-policy", "cross-origin-embedder-policy", "cross-origin-resource-policy",
      "accept-ranges", "retry-after", "user-agent", "accept-encoding", "accept-language", "accept-charset",
      "upgrade-insecure-requests", "x-dns-prefetch-control", "x-permitted-cross-domain-policies",
      "public-key-pins", "expect-ct", "alt-svc", "timing-allow-origin", "max-forwards", "proxy-connection");
  /**
   * What an escaped line break ({@code \r\n}) must precede: headers that take over a response. Code that builds
   * requests or multipart bodies by hand writes {@code \r\nContent-Type:} and {@code Content-Disposition:}.
   */
  private static final Set<String> ESCAPED_TARGETS = Set.of(
      "set-cookie", "set-cookie2", "location", "refresh", "content-length", "transfer-encoding",
      "access-control-allow-origin", "access-control-allow-credentials", "content-security-policy",
      "x-xss-protection");
  /**
   * Registered header names that are also English words, and the mail headers a contact form's injection adds
   * ({@code Bcc}, {@code Cc}, {@code To}, {@code Subject}): they count only after an encoded line break.
   */
  private static final Set<String> WORDLIKE = Set.of(
      "location", "host", "cookie", "refresh", "date", "server", "link", "vary", "expires", "pragma",
      "connection", "upgrade", "origin", "referer", "authorization", "accept", "range", "etag", "status", "via",
      "age", "allow", "warning", "trailer", "expect", "forwarded", "te", "from", "dnt", "p3p",
      "bcc", "cc", "to", "subject", "sender");

  /**
   * By a character's low byte: where a line break of any kind may start (CR, LF, a backslash, and characters
   * above U+00FF whose low byte is one of those). One table look-up per character is the whole cost on text
   * without line breaks.
   */
  private static final boolean[] CANDIDATE = new boolean[256];

  static {
    CANDIDATE['\n'] = true;
    CANDIDATE['\r'] = true;
    CANDIDATE['\\'] = true;
  }

  private static final int RAW = 0;
  private static final int ENCODED = 1;
  private static final int TRUNCATED = 2;
  private static final int ESCAPED = 3;

  /** The ASCII characters a line break of any kind starts with; beyond them, truncating characters. */
  private static final Normalized.CharSet BREAKS = Normalized.charSet("\n\r\\");
  /** What every header rule needs: the colon after the field name. */
  private static final Normalized.CharSet COLON = Normalized.charSet(":");
  /** Without a colon, what is left: a status line ({@code HTTP/}) or an empty line before markup. */
  private static final Normalized.CharSet STATUS_OR_BODY = Normalized.charSet("/<");
  /** Line breaks as characters (not escapes): the only ones, with truncating characters, that can be encoded. */
  private static final Normalized.CharSet LINE_BREAKS = Normalized.charSet("\n\r");
  /** What a glued name ({@link #glued}) and every hyphenated header name needs. */
  private static final Normalized.CharSet HYPHEN = Normalized.charSet("-");
  /** The letters of each of {@link #ESCAPED_TARGETS} without a hyphen ({@code location}, {@code refresh}). */
  private static final Normalized.CharSet[][] UNHYPHENATED_TARGET_LETTERS = lettersOfUnhyphenated(ESCAPED_TARGETS);

  /**
   * The most a header after a raw line break and after an escaped one can score ({@link #headerScore}): once a
   * header was seen at that score, further breaks of the kind are passed over ({@link #ceiling}).
   */
  private static final int RAW_HEADER = 75;
  private static final int ESCAPED_HEADER = 55;

  /**
   * By kind of line break, the shortest name that can score after it ({@link #headerScore}): after an encoded or
   * truncating break a registered name ({@code TE}, {@code Cc}); after a raw one a distinctive name, {@code X-a-}
   * or a glued name ({@code ab-cd}); after an escaped one a takeover header or a glued name ({@code ab-cd:x}).
   */
  private static final int[] SHORTEST_COUNTING = new int[4];

  static {
    // a-b: a hyphenated name, which counts after an encoded break
    SHORTEST_COUNTING[ENCODED] = Math.min(Math.min(shortest(WORDLIKE), shortest(DISTINCTIVE)), "a-b".length());
    SHORTEST_COUNTING[TRUNCATED] = SHORTEST_COUNTING[ENCODED];
    SHORTEST_COUNTING[RAW] = Math.min(shortest(DISTINCTIVE), Math.min("x-a-".length(), "ab-cd".length()));
    SHORTEST_COUNTING[ESCAPED] = Math.min(shortest(ESCAPED_TARGETS), "ab-cd".length());
  }

  /** {@link #SHORTEST_COUNTING} after an escaped break, which the search for line breaks asks at every one. */
  private static final int SHORTEST_AFTER_ESCAPE = SHORTEST_COUNTING[ESCAPED];

  private static int shortest(Set<String> names) {
    int shortest = Integer.MAX_VALUE;
    for (String name : names) {
      shortest = Math.min(shortest, name.length());
    }
    return shortest;
  }

  /** Bits of {@link #nameFlags}: which of the sets above a header name is in. */
  private static final int IN_DISTINCTIVE = 1;
  private static final int IN_ESCAPED_TARGETS = 2;
  private static final int IN_WORDLIKE = 4;
  /** Every name of the three sets, looked up without a copy. */
  private static final AsciiNames NAMES = new AsciiNames().with(DISTINCTIVE, IN_DISTINCTIVE)
      .with(ESCAPED_TARGETS, IN_ESCAPED_TARGETS).with(WORDLIKE, IN_WORDLIKE);

  /** The detector; stateless, so one instance serves every thread. */
  public CrlfDetector() {}

  @Override
  public Category category() {
    return Category.CRLF;
  }

  @Override
  public Normalized.CharSet triggers() {
    return BREAKS;
  }

  @Override
  public Detection detect(Normalized value) {
    if (!value.containsAny(BREAKS) && !value.mayTruncateToLineBreak()) {
      return null;
    }
    if (value.decoded().length() <= BARE_PROBE && bareEncodedBreak(value)) {
      return BARE_ENCODED_BREAK;
    }
    if (!value.containsAny(COLON) && (!value.containsAny(STATUS_OR_BODY)
        || !value.containsAny(LINE_BREAKS) && !value.mayTruncateToLineBreak())) {
      // Without a colon no header is found (and no header is followed by a body): what is left is a status line
      // or markup after an empty line, and both count only after an encoded or truncating line break, never
      // after an escape such as a megabyte of \\n.
      return null;
    }
    if (!value.containsAny(LINE_BREAKS) && !value.mayTruncateToLineBreak() && !escapedHeaderMayCount(value)) {
      return null; // only escaped breaks, as in a megabyte of \\nX:, and no header that counts after one
    }
    return scan(value);
  }

  /**
   * A value that is nothing but encoded line breaks ({@code %0d%0a}, {@code %250a}, {@code %u000a}, {@code 嘊}),
   * with at most blanks and URL punctuation beside them ({@code /%0d%0a}, {@code %3f%0d}, {@code %23%0a}): the
   * probe a scanner sends to learn whether a break reaches a header, before it sends one with a header after it.
   * Text has no reason to be that alone; a break received as such (a text area's empty lines) or written out as
   * {@code \r\n} (a setting naming the separator) is not encoded, and is left.
   */
  private static boolean bareEncodedBreak(Normalized value) {
    String s = value.decoded();
    boolean decoded = value.layers() > 0;
    boolean breaks = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        breaks |= decoded;
      } else if (c > 0xFF && breakLength(s, i) == 1) {
        breaks = true; // a character that truncates to a line break is one however it came
      } else if (c >= 128 || !BESIDE_PROBE[c]) {
        return false;
      }
    }
    return breaks && value.raw().indexOf('\n') < 0 && value.raw().indexOf('\r') < 0;
  }

  /**
   * Whether the value's characters can spell a header that counts after an escaped line break ({@link
   * #headerScore}): a glued name and every hyphenated target need a hyphen, the other targets their letters.
   */
  private static boolean escapedHeaderMayCount(Normalized value) {
    if (value.containsAny(HYPHEN)) {
      return true;
    }
    for (Normalized.CharSet[] letters : UNHYPHENATED_TARGET_LETTERS) {
      if (value.containsEach(letters)) {
        return true;
      }
    }
    return false;
  }

  private static Normalized.CharSet[][] lettersOfUnhyphenated(Set<String> names) {
    java.util.List<Normalized.CharSet[]> letters = new java.util.ArrayList<>();
    for (String name : names) {
      if (name.indexOf('-') < 0) {
        letters.add(CharSets.eachChar(name, true, ""));
      }
    }
    return letters.toArray(new Normalized.CharSet[0][]);
  }

  /**
   * The rules, on a value that may hold a line break: kept out of {@link #detect}, which stays small enough to
   * inline.
   */
  private static Detection scan(Normalized value) {
    String s = value.decoded();
    int n = s.length();
    Candidates candidates = new Candidates(s, !value.mayTruncateToLineBreak());
    int first = candidates.next(0);
    if (first == n) {
      return null;
    }
    // Decoded line breaks count as encoded only when the value as received had none: in text that already has
    // lines (an HTML page with &#10; in it) an encoded one cannot be told from the rest. A value no layer changed
    // has no decoded break, and four searches of it would say so.
    String raw = value.raw();
    int origin = raw != s && raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0 && (s.indexOf('\n', first) >= 0
        || s.indexOf('\r', first) >= 0) ? ENCODED : RAW;
    int best = 0;
    String rule = null;
    boolean header = false; // an injected header seen: an empty line after it starts a body
    for (int i = first; i < n; i = candidates.next(i + 1)) {
      // The run of line breaks (and blanks between them) starting here, and how many lines it ends. The last
      // break of the run is the one that starts the next line: its kind is what counts ("Kč\nDate:" is a
      // Czech letter and a raw line feed). Each break's length is read once, and its kind and line from it.
      int kind = -1;
      int crs = 0;
      int lfs = 0;
      int j = i;
      while (j < n && j - i < LOOK) {
        int len = breakLength(s, j);
        if (len > 0) {
          kind = breakKind(s.charAt(j), origin);
          char c = lineChar(s, j, len);
          if (c == '\r') {
            crs++;
          } else {
            lfs++;
          }
          j += len;
        } else if (s.charAt(j) == ' ' || s.charAt(j) == '\t') {
          j++;
        } else if (i > 0 && s.charAt(i - 1) == '%' && j == i + breakLength(s, i) && splitEscape(s, j)) {
          j += 2; // %%0a0a: a filter removed the inner %0a, the outer escape closes over it
          lfs++;
        } else {
          break;
        }
      }
      if (kind < 0) {
        continue; // not reached: every candidate starts a break, and no rule below takes a kind of -1
      }
      if (header && best >= ceiling(kind)) {
        i = Math.max(i, j - 1); // nothing after this break can raise the score, and a header was seen
        continue;
      }
      int lines = Math.max(crs, lfs);
      int score = 0;
      String found = null;
      if (j < n) {
        if (statusLine(s, j)) {
          if (kind != RAW && kind != ESCAPED) {
            score = 95;
            found = SPLITTING;
          }
        } else if (header && lines >= 2 && (kind == ENCODED || kind == TRUNCATED)) {
          score = 95;
          found = SPLITTING;
        } else if (lines >= 2 && kind == ENCODED && s.charAt(j) == '<') {
          score = 85;
          found = SPLITTING; // an empty line and markup: a body of the attacker's
        } else {
          int h = headerScore(s, j, kind, crs > 0);
          if (h > 0) {
            header = true;
            score = h;
            found = HEADER;
          }
        }
      }
      if (score > best) {
        best = score;
        rule = found;
        if (best >= 95) {
          break;
        }
      }
      i = Math.max(i, j - 1);
    }
    return rule == null ? null : new Detection(Category.CRLF, rule, best);
  }

  /**
   * The highest score the rules below give what follows a line break of this kind: a raw or escaped one starts
   * no status line or body, and only a header of its own (at most {@link #RAW_HEADER} and
   * {@link #ESCAPED_HEADER}). Once a header was seen, a flood of such breaks ({@code \r\nSet-Cookie:} repeated)
   * is not read header by header past the score they can reach.
   */
  private static int ceiling(int kind) {
    return kind == RAW ? RAW_HEADER : kind == ESCAPED ? ESCAPED_HEADER : 95;
  }

  // ---------------------------------------------------------------- line breaks

  /**
   * Where line breaks start, in order. In text without truncating characters only CR, LF and backslash can:
   * each is found with {@link String#indexOf(int, int)} (which reads many characters at a time) and its next
   * position kept until passed, so the value is read once per kind. In text with one, every character's low byte
   * is looked up. A backslash is one only before the rest of an escaped line break ({@link #escapeLength}) that a
   * rule may count ({@link #startsRun}), asked here rather than after a stop of the scan: a megabyte of
   * backslashes, of {@code \\u} or of {@code \\nX:} makes no stop.
   */
  private static final class Candidates {
    /** Characters read one by one before the searches. */
    private static final int NEAR = 32;

    private final String s;
    private final boolean searchable;
    private int lf = -1;
    private int cr = -1;
    private int backslash = -1;

    Candidates(String s, boolean searchable) {
      this.s = s;
      this.searchable = searchable;
    }

    /** The first position from {@code from} on where a line break may start, or the length. */
    int next(int from) {
      if (!searchable) {
        return nextCandidate(s, from);
      }
      // the next few places first: where candidates are dense, three searches cost more than they skip
      int near = Math.min(s.length(), from + NEAR);
      for (int i = from; i < near; i++) {
        if (CANDIDATE[s.charAt(i) & 0xFF] && startsRun(s, i)) {
          return i;
        }
      }
      return searched(near);
    }

    /** {@link #next} by search, each kind's next position kept until passed. */
    private int searched(int from) {
      lf = lf >= from || lf == s.length() ? lf : orLength(s.indexOf('\n', from));
      cr = cr >= from || cr == s.length() ? cr : orLength(s.indexOf('\r', from));
      if (backslash < from && backslash != s.length()) {
        backslash = nextEscapedRun(from);
      }
      return Math.min(lf, Math.min(cr, backslash));
    }

    /**
     * The first backslash at or after {@code from} that starts a run ({@link #startsRun}), or the length: read one
     * by one while backslashes come within {@link #NEAR} places of each other, searched for past a stretch without
     * one. Most backslashes of a value dense in them escape no line break, or one no rule can count: a search per
     * backslash cost more than it skipped.
     */
    private int nextEscapedRun(int from) {
      int n = s.length();
      int i = from;
      while (i < n) {
        int near = Math.min(n, i + NEAR);
        for (; i < near; i++) {
          if (s.charAt(i) == '\\' && startsRun(s, i)) {
            return i;
          }
        }
        i = i < n ? orLength(s.indexOf('\\', i)) : n;
      }
      return n;
    }

    private int orLength(int index) {
      return index < 0 ? s.length() : index;
    }
  }

  /** The first position from {@code from} on where a line break starts, or the length. A tight loop. */
  private static int nextCandidate(String s, int from) {
    int n = s.length();
    int i = from;
    while (i < n && !(CANDIDATE[s.charAt(i) & 0xFF] && startsRun(s, i))) {
      i++;
    }
    return i;
  }

  /**
   * Whether a run of line breaks that may score starts at {@code i}: a line break ({@link #breakLength}), but not an
   * escaped one that no rule can count. An escaped break followed by a token character, and by no other break,
   * blank or {@code %%0a0a} split, ends its run there, and after an escaped break only a header name of
   * {@link #SHORTEST_COUNTING} characters or more scores ({@link #headerScore}; a status line or a body counts only
   * after an encoded or truncating break): {@code \nX:} by the hundred thousand is passed over as the search reads
   * it, each costing a few character reads, not a stop of the scan. (An escape inside another break's run is read
   * by that run, never started at.)
   */
  private static boolean startsRun(String s, int i) {
    if (s.charAt(i) != '\\') {
      return breakLength(s, i) > 0;
    }
    int len = escapeLength(s, i);
    return len > 0 && escapeMayCount(s, i, i + len);
  }

  /** {@link #startsRun} for the escaped line break at {@code i}, followed by {@code s[j]}. */
  private static boolean escapeMayCount(String s, int i, int j) {
    int n = s.length();
    int end = Math.min(n, j + SHORTEST_AFTER_ESCAPE);
    int name = j;
    while (name < end && isTokenChar(s.charAt(name))) {
      name++;
    }
    return name - j == SHORTEST_AFTER_ESCAPE // a name long enough to count
        || name == j && j < n // a break, a blank or some other character: the run is read as ever
        || i > 0 && s.charAt(i - 1) == '%'; // %\n0a: a split escape may go on
  }

  /** The kind of the line break (of a length {@link #breakLength} found) that starts with {@code c}. */
  private static int breakKind(char c, int origin) {
    return c == '\\' ? ESCAPED : c > 0xFF ? TRUNCATED : origin;
  }

  /**
   * Characters of the escaped line break at {@code j} (a backslash): 2 for {@code \n}, {@code \r}; 4 for
   * <code>&#92;x0a</code>, <code>&#92;x0d</code>; 6 for <code>&#92;u000a</code>, <code>&#92;u000d</code> (JSON and
   * JavaScript write a control character so, and a later layer decodes it the same); 0 when it is none.
   */
  private static int escapeLength(String s, int j) {
    int n = s.length();
    if (j + 1 >= n) {
      return 0;
    }
    char e = s.charAt(j + 1);
    if (e == 'n' || e == 'r') {
      return 2;
    }
    if (e == 'x' && j + 3 < n && s.charAt(j + 2) == '0' && isLineHex(s.charAt(j + 3))) {
      return 4;
    }
    if (e == 'u' && j + 5 < n && s.charAt(j + 2) == '0' && s.charAt(j + 3) == '0' && s.charAt(j + 4) == '0'
        && isLineHex(s.charAt(j + 5))) {
      return 6;
    }
    return 0;
  }

  /** The last hex digit of LF ({@code a}) or CR ({@code d}), either case. */
  private static boolean isLineHex(char c) {
    char lower = (char) (c | 0x20);
    return lower == 'a' || lower == 'd';
  }

  /** Characters taken by the line break at {@code j}: 1 for CR, LF or a truncating character, 2 to 6 for an escape. */
  private static int breakLength(String s, int j) {
    char c = s.charAt(j);
    if (c == '\n' || c == '\r') {
      return 1;
    }
    if (c > 0xFF) {
      int low = c & 0xFF;
      return low == '\n' || low == '\r' ? 1 : 0;
    }
    return c == '\\' ? escapeLength(s, j) : 0;
  }

  /** CR or LF, whichever the line break at {@code j}, {@code len} characters long, stands for. */
  private static char lineChar(String s, int j, int len) {
    char c = s.charAt(j);
    if (c == '\\') {
      char e = s.charAt(j + 1);
      char last = s.charAt(j + len - 1);
      return e == 'r' || (e != 'n' && (last | 0x20) == 'd') ? '\r' : '\n';
    }
    return (c & 0xFF) == '\r' ? '\r' : '\n';
  }

  /** {@code 0a}/{@code 0d} right after a line break that followed a {@code %}. */
  private static boolean splitEscape(String s, int j) {
    return j + 1 < s.length() && s.charAt(j) == '0'
        && (s.charAt(j + 1) == 'a' || s.charAt(j + 1) == 'A' || s.charAt(j + 1) == 'd' || s.charAt(j + 1) == 'D');
  }

  // ---------------------------------------------------------------- what follows the line break

  /** {@code HTTP/1.1 200}, {@code HTTP/2 302}: a status line. */
  private static boolean statusLine(String s, int k) {
    if (k >= s.length() || (s.charAt(k) | 0x20) != 'h' || !s.regionMatches(true, k, "HTTP/", 0, 5)) {
      return false;
    }
    int j = k + 5;
    int n = s.length();
    if (j >= n || !isDigit(s.charAt(j))) {
      return false;
    }
    j++;
    if (j + 1 < n && s.charAt(j) == '.' && isDigit(s.charAt(j + 1))) {
      j += 2;
    }
    if (j >= n || s.charAt(j) != ' ') {
      return false;
    }
    return j + 3 < n && isDigit(s.charAt(j + 1)) && isDigit(s.charAt(j + 2)) && isDigit(s.charAt(j + 3));
  }

  /** How sure a header field name at {@code k} (a token followed by {@code :}) makes an injection, 0 if not. */
  private static int headerScore(String s, int k, int kind, boolean carriageReturn) {
    int n = s.length();
    int j = k;
    while (j < n && j - k <= LOOK && isTokenChar(s.charAt(j))) {
      j++;
    }
    if (j - k < SHORTEST_COUNTING[kind] || j >= n || s.charAt(j) != ':' || j - k > LOOK) {
      return 0; // a name too short to count after this kind of break, as \\nX: by the hundred thousand
    }
    // The name is s[k, j), compared in lower case where it stands: no copy per candidate.
    int flags = nameFlags(s, k, j);
    boolean xName = j - k >= 2 && (s.charAt(k) | 0x20) == 'x' && s.charAt(k + 1) == '-';
    boolean distinctive = (flags & IN_DISTINCTIVE) != 0 || (xName && indexOf(s, '-', k + 2, j) > k + 2);
    boolean registered = distinctive || (flags & IN_WORDLIKE) != 0 || (xName && j - k > 3);
    switch (kind) {
      case ENCODED -> {
        if (registered) {
          return 90;
        }
        int dash = indexOf(s, '-', k, j);
        return dash > k && dash < j - 1 ? 75 : 0;
      }
      case TRUNCATED -> {
        return registered ? 90 : 0;
      }
      case RAW -> {
        if (distinctive) {
          // CRLF is what a header ends with; a lone LF is also what text has
          return carriageReturn ? RAW_HEADER : 65;
        }
        return glued(s, k, j) ? 60 : 0;
      }
      default -> { // ESCAPED
        return (flags & IN_ESCAPED_TARGETS) != 0 || glued(s, k, j) ? ESCAPED_HEADER : 0;
      }
    }
  }

  /**
   * {@code Header-Test:value}: a name ({@code s[k, colon)}) of two or more hyphenated parts of two or more
   * characters each, glued to its value as in a header. Prose puts a space after the colon ("Follow-up: Friday")
   * and "E-mail:" has a one-letter part.
   */
  private static boolean glued(String s, int k, int colon) {
    if (colon + 1 >= s.length() || !isTokenChar(s.charAt(colon + 1)) || indexOf(s, '-', k, colon) < 0) {
      return false;
    }
    int part = 0;
    for (int i = k; i <= colon; i++) {
      if (i == colon || s.charAt(i) == '-') {
        if (part < 2) {
          return false;
        }
        part = 0;
      } else {
        part++;
      }
    }
    return true;
  }

  private static int indexOf(String s, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------- header names

  /**
   * Which of the name sets {@code s[k, j)} (a token: ASCII letters, digits, - and _) is in, in any case (a flood of
   * one-letter headers, \nX:, is ruled out by the names' first letters and lengths, not hashed line by line).
   */
  private static int nameFlags(String s, int k, int j) {
    return NAMES.bits(s, k, j);
  }

  /** HTTP token characters, without the rarely-used punctuation. */
  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '-' || c == '_';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
