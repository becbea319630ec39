package dev.lambdaguard.input.detect;

import static dev.lambdaguard.input.detect.PathChars.isSchemeChar;
import static dev.lambdaguard.input.detect.SsrfAuthority.count;
import static dev.lambdaguard.input.detect.SsrfAuthority.isDigit;
import static dev.lambdaguard.input.detect.SsrfAuthority.isLetter;
import static dev.lambdaguard.input.detect.SsrfAuthority.parsePort;

import dev.lambdaguard.input.Category;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Server-side request forgery: a URL (or a bare host) that makes the function call somewhere it should never
 * call: cloud metadata, the Lambda Runtime API and extensions on loopback, loopback, link-local and private
 * networks, internal names, or a scheme that speaks raw protocols ({@code gopher://}, {@code dict://}).
 *
 * <p>Every URL in the value is looked at ({@code scheme://authority}, also nested in a query string, also
 * {@code http:host} without slashes and scheme-relative {@code //host}), and so is a value that is a host alone
 * ({@code 127.0.0.1:9001}, {@code [::1]}, {@code localhost}). The authority is read the ways different parsers
 * read it (WHATWG cuts at {@code \} and {@code #}, others take the text after the last {@code @}, broken ones the
 * text before it), and the worst host wins, so {@code http://expected.com@127.0.0.1/},
 * {@code http://127.0.0.1#@expected.com} and {@code http://expected.com\@127.0.0.1} are all loopback; so is
 * {@code http://expected.com%2F@127.0.0.1/}, as a parser that splits before decoding reads it. See
 * {@link SsrfHost} for the address forms.
 *
 * <table>
 *   <caption>Rules</caption>
 *   <tr><th>rule</th><th>score</th><th>when</th></tr>
 *   <tr><td>{@code ssrf.metadata}</td><td>95</td><td>169.254.169.254, 169.254.170.2, fd00:ec2::254,
 *       100.100.100.200, 192.0.0.192, metadata.google.internal, instance-data…; also such an address anywhere
 *       in the value ({@code /proxy/169.254.169.254/})</td></tr>
 *   <tr><td>{@code ssrf.lambda-runtime}</td><td>95 (85 for a path alone)</td><td>the Runtime API
 *       ({@code AWS_LAMBDA_RUNTIME_API}), or a loopback URL whose path is a Runtime, Extensions, Telemetry or Logs
 *       API path, or such a path given alone</td></tr>
 *   <tr><td>{@code ssrf.lambda-extension}</td><td>90</td><td>loopback port 2773 (Parameters and Secrets
 *       extension)</td></tr>
 *   <tr><td>{@code ssrf.obfuscated-ip}</td><td>90 (95 for metadata; 60 when public)</td><td>an address in a form
 *       other than dotted decimal: decimal, octal, hex, shortened, wrapped past 32 bits, IPv4-mapped IPv6,
 *       wildcard DNS names embedding it</td></tr>
 *   <tr><td>{@code ssrf.loopback}</td><td>90</td><td>127/8, 0/8, ::1, ::, localhost, *.localhost,
 *       localtest.me…</td></tr>
 *   <tr><td>{@code ssrf.link-local}</td><td>85</td><td>169.254/16, fe80::/10</td></tr>
 *   <tr><td>{@code ssrf.private}</td><td>80</td><td>10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7…</td></tr>
 *   <tr><td>{@code ssrf.scheme}</td><td>80 (85 for file and unix)</td><td>gopher, dict, tftp, ldap, sftp, netdoc,
 *       file, unix, jar, smb, telnet: schemes that reach raw services, local files or local sockets, wherever they
 *       point</td></tr>
 *   <tr><td>{@code ssrf.internal-name}</td><td>60</td><td>a network URL to a one-label name
 *       ({@code http://intranet/}) or an internal-only suffix ({@code .internal}, {@code .local})</td></tr>
 * </table>
 *
 * <p>Cost: a value with no colon, no {@code //}, no digit-dot-digit and no {@code localhost} or {@code metadata}
 * is rejected by a few vectorised {@link String#indexOf} calls. Otherwise colons and {@code //} are found the same
 * way, in order; each URL's authority is read once (the scan resumes after it), at most
 * {@link SsrfAuthority#MAX_AUTHORITY} characters, and each of its readings is classified in time linear in its
 * length (an authority of one plain reading with an IPv4 host in place; one that repeats the authority judged just
 * before, read the same way, is only compared with it). A value that had a NUL is read a second time with the NUL
 * ending the host. No DNS lookup, no regular expression. Immutable and thread-safe.
 */
public final class SsrfDetector implements Detector {

  /** Port of the AWS Parameters and Secrets Lambda extension. */
  static final int SECRETS_EXTENSION_PORT = 2773;

  static final String[] DANGEROUS_SCHEMES = {"gopher", "dict", "tftp", "ldap", "ldaps", "ldapi", "sftp",
      "netdoc", "smb", "telnet", "jar", "file", "unix"};
  /** Schemes that reach a host over the network: a one-label host means an internal name. */
  private static final String[] NETWORK_SCHEMES = {"http", "https", "ftp", "ftps", "ws", "wss", "gopher", "dict",
      "tftp", "ldap", "ldaps", "sftp", "ssh", "telnet", "smb", "netdoc", "rtsp", "redis", "mysql", "postgres",
      "postgresql", "mongodb", "memcached", "imap", "pop3", "smtp", "nntp"};
  /** WHATWG special schemes: {@code http:host} without slashes still has an authority. */
  private static final String[] SPECIAL_SCHEMES = {"http", "https", "ftp", "ws", "wss"};
  /** Every scheme the lists above name. */
  private static final String[] KNOWN_SCHEMES = distinct(SPECIAL_SCHEMES, DANGEROUS_SCHEMES, NETWORK_SCHEMES);
  /** Bits of {@link #SCHEME_LISTS}: the lists above a known scheme is in. */
  private static final int DANGEROUS = 1;
  private static final int SPECIAL = 2;
  private static final int NETWORK = 4;
  /** The lists each of {@link #KNOWN_SCHEMES} is in, at the same index. */
  private static final int[] SCHEME_LISTS = new int[KNOWN_SCHEMES.length];
  /** Each of {@link #KNOWN_SCHEMES} as {@link #packed} reads it; 0 for a name longer than {@link #PACKED}. */
  private static final long[] KNOWN_PACKED = new long[KNOWN_SCHEMES.length];
  /** The longest name one {@code long} holds, a byte per character. */
  private static final int PACKED = 8;
  private static final int MAX_SCHEME = 16;
  /** Indexes into {@link #KNOWN_SCHEMES} by length and first letter ({@code length * 128 + letter}). */
  private static final int[][] SCHEMES_BY_LENGTH_FIRST = new int[(MAX_SCHEME + 1) * 128][];

  static {
    int[] count = new int[SCHEMES_BY_LENGTH_FIRST.length];
    for (int k = 0; k < KNOWN_SCHEMES.length; k++) {
      String name = KNOWN_SCHEMES[k];
      if (name.length() > MAX_SCHEME) {
        throw new IllegalStateException("scheme longer than MAX_SCHEME: " + name);
      }
      SCHEME_LISTS[k] = (isOneOf(name, DANGEROUS_SCHEMES) ? DANGEROUS : 0)
          | (isOneOf(name, SPECIAL_SCHEMES) ? SPECIAL : 0) | (isOneOf(name, NETWORK_SCHEMES) ? NETWORK : 0);
      count[name.length() * 128 + name.charAt(0)]++;
      KNOWN_PACKED[k] = name.length() <= PACKED ? packed(name, 0, name.length()) : 0;
    }
    for (int i = 0; i < count.length; i++) {
      SCHEMES_BY_LENGTH_FIRST[i] = new int[count[i]];
      count[i] = 0;
    }
    for (int k = 0; k < KNOWN_SCHEMES.length; k++) {
      int key = KNOWN_SCHEMES[k].length() * 128 + KNOWN_SCHEMES[k].charAt(0);
      SCHEMES_BY_LENGTH_FIRST[key][count[key]++] = k;
    }
  }

  /**
   * The dangerous schemes that count with fewer than two slashes after the colon ({@link #dangerousScheme}): a
   * local file or socket with one ({@code unix:/var/run/docker.sock}), a nested URL with none ({@code jar:http:}).
   */
  private static final String[] FEW_SLASH_DANGEROUS = {"file", "unix", "netdoc", "jar"};
  /**
   * By the last two characters of a scheme, lower-cased ({@code (a | 0x20) << 7 | (b | 0x20)}, both ASCII):
   * whether a scheme that {@link #scheme} reads with fewer than two slashes after its colon ends so, a special one
   * ({@code http:host}) or one of {@link #FEW_SLASH_DANGEROUS}. Any other colon without two slashes after it is
   * passed over by {@link #nextAnchor}: {@code \nX:} and {@code C:\} a hundred thousand times over each cost
   * three character reads, not a scheme's.
   */
  private static final boolean[] FEW_SLASH_SCHEME_ENDS = new boolean[128 * 128];

  static {
    for (String[] list : new String[][] {SPECIAL_SCHEMES, FEW_SLASH_DANGEROUS}) {
      for (String name : list) {
        FEW_SLASH_SCHEME_ENDS[name.charAt(name.length() - 2) << 7 | name.charAt(name.length() - 1)] = true;
      }
    }
    for (String name : DANGEROUS_SCHEMES) {
      // every other dangerous scheme finds nothing with one slash after its colon, or with none
      Verdict verdict = new Verdict();
      String nested = name + ":/" + name + ":x";
      dangerousScheme(nested, name, name.length(), 1, verdict);
      dangerousScheme(nested.replace("/", ""), name, name.length(), 0, verdict);
      if (verdict.rule != null && !isOneOf(name, FEW_SLASH_DANGEROUS)) {
        throw new IllegalStateException("a dangerous scheme that counts without two slashes: " + name);
      }
    }
  }

  /** Score of {@code ssrf.internal-name}, the weakest finding. */
  private static final int INTERNAL_NAME_SCORE = 60;
  /** The strongest score of any finding: nothing found after it can change the verdict. */
  private static final int MAX_SCORE = 95;
  /** Path prefixes of the Lambda Runtime, Extensions, Telemetry and Logs APIs. */
  private static final String[] RUNTIME_PATHS = {"/2018-06-01/runtime", "/2020-01-01/extension",
      "/2022-07-01/telemetry", "/2020-08-15/logs", "/2021-04-23/runtime"};
  /** How many characters of a path {@link #runtimePathAt} compares at most. */
  private static final int LONGEST_RUNTIME_PATH = Substrings.longest(RUNTIME_PATHS);
  /** How every path of {@link #RUNTIME_PATHS} begins (a date: digits, the same in either case). */
  private static final String RUNTIME_PATH_START = "/20";

  static {
    for (String p : RUNTIME_PATHS) {
      if (!p.startsWith(RUNTIME_PATH_START)) {
        throw new IllegalStateException("a Runtime API path not under " + RUNTIME_PATH_START + ": " + p);
      }
    }
  }

  private static final Normalized.CharSet COLON = Normalized.charSet(":");
  private static final Normalized.CharSet SLASH = Normalized.charSet("/");
  private static final Normalized.CharSet COLON_SLASH = Normalized.charSet(":/");
  private static final Normalized.CharSet SLASHES = Normalized.charSet("/\\");
  /**
   * The last letters (either case) of the schemes that need no slash after their colon to matter: the special ones
   * ({@code http:host}) and {@code jar:} ({@code jar:http:...}).
   */
  private static final Normalized.CharSet SLASHLESS_SCHEME_ENDS = lastLetters(SPECIAL_SCHEMES, "jar");
  private static final Normalized.CharSet DOT = Normalized.charSet(".");
  private static final Normalized.CharSet AT = Normalized.charSet("@");
  /** What a host after {@code //} begins with (see {@link #startsHost}), but non-ASCII. */
  private static final Normalized.CharSet HOST_START = Normalized.charSet(
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789[@%_");
  private static final Normalized.CharSet DIGITS = Normalized.charSet("0123456789");
  /** Spaces and controls: what ends a host written alone. */
  private static final Normalized.CharSet SPACES = Normalized.charSet(spacesAndControls());
  /** A Lambda Runtime API path given alone, for an application to append to its base URL. */
  private static final Detection RUNTIME_PATH_ALONE = new Detection(Category.SSRF, "ssrf.lambda-runtime", 85);
  /** A metadata address found in text, not as a host. */
  private static final Detection METADATA_IN_TEXT = new Detection(Category.SSRF, "ssrf.metadata", 85);
  // the characters of the names and the address SSRF looks for in text, one set each
  // (the letters least frequent in text first, so that most values leave at the first)
  private static final Normalized.CharSet[] METADATA_IP = eachOf("956421.");
  private static final Normalized.CharSet[] METADATA_NAME = eachOf(".gmdlnroitae");
  private static final Normalized.CharSet[] METADATA_NAME_UPPER = eachOf(".GMDLNROITAE");

  private static String spacesAndControls() {
    StringBuilder b = new StringBuilder();
    for (char c = 0; c <= ' '; c++) {
      b.append(c);
    }
    return b.toString();
  }

  private final String runtimeHost;
  private final int runtimePort;
  private final boolean runtimeOnLoopback;
  /** No Runtime API host, or one with a digit ({@code 127.0.0.1}), which no authority without digits can be. */
  private final boolean digitlessNeverRuntime;

  /** Reads {@code AWS_LAMBDA_RUNTIME_API} ({@code host:port}) from the environment, once. */
  public SsrfDetector() {
    this(System.getenv());
  }

  /**
   * With the Lambda environment given (tests, or a function that copies it).
   *
   * @param env the environment; must not be null; {@code AWS_LAMBDA_RUNTIME_API} is read when present
   */
  public SsrfDetector(Map<String, String> env) {
    Objects.requireNonNull(env, "env");
    String api = env.get("AWS_LAMBDA_RUNTIME_API");
    String host = null;
    int port = -1;
    if (api != null) {
      api = api.trim().toLowerCase(Locale.ROOT);
      int colon = api.lastIndexOf(':');
      if (colon > 0 && colon < api.length() - 1 && api.indexOf(']') < colon) {
        port = parsePort(api, colon + 1, api.length());
        host = api.substring(0, colon);
      } else if (!api.isEmpty()) {
        host = api;
      }
    }
    this.runtimeHost = host;
    this.runtimePort = port;
    this.digitlessNeverRuntime = host == null || hasDigit(host);
    this.runtimeOnLoopback = host != null
        && (SsrfHost.classify(host) & SsrfHost.CLASS_MASK) == SsrfHost.LOOPBACK;
  }

  @Override
  public Category category() {
    return Category.SSRF;
  }

  @Override
  public Detection detect(Normalized value) {
    if (isRuntimePathAlone(value.decoded())) {
      return RUNTIME_PATH_ALONE;
    }
    if (!value.containsAny(COLON_SLASH)) {
      // no URL (each has a colon or "//"): what is left needs a digit-dot-digit or a known name
      if (!(value.containsAny(DOT) && value.containsAny(DIGITS)) && !SsrfHost.mayNameInside(value)) {
        return null;
      }
      if (!value.hadNul() && value.containsAny(SPACES) && hasInnerSpace(value.decoded())) {
        // prose: a host alone has no space inside, so only a metadata address in the text is left (not for a
        // value that had a NUL: it is read again below)
        return metadataAnywhere(value, value.decoded()) ? METADATA_IN_TEXT : null;
      }
    }
    if (!prefilter(value)) {
      return null;
    }
    Verdict verdict = new Verdict();
    judge(value, verdict);
    if (verdict.rule == null && value.hadNul()) {
      // C parsers stop at a NUL, so "localhost%00.example.com" reaches localhost; the normalizer removed the
      // NUL, so read the value again with the NUL as the end of the host (rare: only values that had one)
      judge(Normalized.of(value.raw().replace("%00", "/").replace('\0', '/')), verdict);
    }
    if (verdict.rule == null && value.containsAny(AT) && hidesDelimiterBeforeAt(value.raw())) {
      hostsAfterHiddenDelimiters(value.raw(), verdict);
    }
    return verdict.rule == null ? null : new Detection(Category.SSRF, verdict.rule, verdict.score);
  }

  private void judge(Normalized value, Verdict verdict) {
    String s = value.decoded();
    if (value.containsAny(COLON) || value.containsAny(SLASH) && mayStartHost(value)) {
      urls(value, mayStartHost(value), verdict); // every URL has a colon or "//" and a host
    }
    bareHost(s, verdict);
    // a metadata address in the text cannot change a verdict as strong as its own: not looked for then
    if (verdict.score < METADATA_IN_TEXT.score() && metadataAnywhere(value, s)) {
      verdict.hit(METADATA_IN_TEXT.ruleId(), METADATA_IN_TEXT.score());
    }
  }

  /** The worst finding so far, and the last authority judged: state of one call, never shared. */
  private static final class Verdict {
    String rule;
    int score;
    private String judgedIn;
    private int judgedFrom;
    private int judgedLength = -1;
    private int judgedHow;

    /**
     * Whether the authority {@code s[from, to)}, read {@code how}, is the same text read the same way as the last
     * one judged: its readings are the same hosts, already counted (a value of many copies of one URL has each
     * compared, not parsed and classified again).
     */
    boolean judgedBefore(String s, int from, int to, int how) {
      return s == judgedIn && how == judgedHow && to - from == judgedLength
          && s.regionMatches(from, s, judgedFrom, judgedLength);
    }

    /** Remembers the authority {@code s[from, to)}, read {@code how}, as the last one judged. */
    void judged(String s, int from, int to, int how) {
      judgedIn = s;
      judgedFrom = from;
      judgedLength = to - from;
      judgedHow = how;
    }

    void hit(String r, int sc) {
      if (sc > score) {
        score = sc;
        rule = r;
      }
    }
  }

  // ---------------------------------------------------------------- URLs

  /**
   * Every {@code scheme:} and scheme-relative {@code //}, in order, found by one forward pass ({@link #nextAnchor});
   * an authority is read once and the anchors inside it are not read again.
   */
  private void urls(Normalized value, boolean hosts, Verdict verdict) {
    String s = value.decoded();
    int n = s.length();
    // a colon matters when a slash or backslash follows it, or after a scheme that needs none ("\"a\":" does not)
    boolean colons = value.containsAny(SLASHES) || value.containsAny(SLASHLESS_SCHEME_ENDS);
    // "//" begins nothing when no character could begin a host (and is not looked for without a slash)
    boolean slashes = hosts && value.containsAny(SLASH);
    if (!colons && !slashes) {
      return;
    }
    boolean strongerAsked = false;
    for (int i = nextAnchor(s, 0, colons, slashes); i >= 0; ) {
      if (verdict.score >= INTERNAL_NAME_SCORE && !strongerAsked) {
        // a finding made: read on only while a stronger one may come (asked once: the answer is the value's)
        strongerAsked = true;
        if (digitlessNeverRuntime && !SsrfStrongerFindings.possible(value)) {
          return;
        }
      }
      if (verdict.score >= MAX_SCORE) {
        return;
      }
      // the anchors inside what was just read begin nothing: look on from where reading resumes
      int resume;
      if (s.charAt(i) == ':') {
        resume = Math.max(i + 1, scheme(s, i, verdict));
      } else {
        resume = i + 2;
        if ((i == 0 || boundary(s.charAt(i - 1))) && i + 2 < n && startsHost(s.charAt(i + 2))) {
          resume = Math.max(resume, authority(s, i + 2, true, false, verdict)); // scheme-relative "//host/..."
        }
      }
      i = nextAnchor(s, resume, colons, slashes);
    }
  }

  /**
   * The first place at or after {@code from} that is a colon with a scheme character before it at which
   * {@link #scheme} may find something ({@link #colonMayMatter}; when {@code colons}) or the start of {@code //}
   * (when {@code slashes}), or -1. Each character is read once: two searches, one per anchor, cost a vector search
   * per slash or colon of a value dense in them (text and paths), more than the characters they skipped.
   */
  private static int nextAnchor(String s, int from, boolean colons, boolean slashes) {
    int n = s.length();
    for (int i = colonOrSlash(s, from); i < n; i = colonOrSlash(s, i + 1)) {
      if (s.charAt(i) == ':' ? colons && colonMayMatter(s, i) : slashes) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The first colon with a scheme character before it or {@code //} at or after {@code from}, or the length. A loop
   * of its own, apart from the checks at each: so it compiles to a tight loop whatever values the checks were
   * profiled on (one loop with the checks inside ran twice as slow on every value after a megabyte of
   * {@code \nX:}).
   */
  private static int colonOrSlash(String s, int from) {
    int n = s.length();
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      if (c == ':' && i > 0 && isSchemeChar(s.charAt(i - 1)) || c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        return i;
      }
    }
    return n;
  }

  /**
   * Whether {@link #scheme} may find anything at the colon at {@code colon} (after a scheme character): two slashes
   * or backslashes after it begin an authority whatever the scheme, and without them only a scheme that ends as
   * one of {@link #FEW_SLASH_SCHEME_ENDS} reads on (at any other, {@link #scheme} judges nothing and resumes past
   * the one slash it may skip, which begins no {@code //}).
   */
  private static boolean colonMayMatter(String s, int colon) {
    if (colon + 2 < s.length() && isSlash(s.charAt(colon + 1)) && isSlash(s.charAt(colon + 2))) {
      return true;
    }
    if (colon < 2) {
      return false; // every scheme named here has two letters or more
    }
    char a = s.charAt(colon - 2);
    char b = s.charAt(colon - 1);
    return a < 128 && b < 128 && FEW_SLASH_SCHEME_ENDS[(a | 0x20) << 7 | (b | 0x20)];
  }

  private static boolean isSlash(char c) {
    return c == '/' || c == '\\';
  }

  /** The scheme ending at {@code colon} and the authority after it; returns where reading may resume. */
  private int scheme(String s, int colon, Verdict verdict) {
    int n = s.length();
    int start = colon;
    while (start > 0 && colon - start < 32 && isSchemeChar(s.charAt(start - 1))) {
      start--;
    }
    if (start == colon || !isLetter(s.charAt(start)) || start > 0 && isSchemeChar(s.charAt(start - 1))) {
      return colon + 1;
    }
    int slashes = 0;
    int j = colon + 1;
    while (j < n && isSlash(s.charAt(j)) && slashes < 8) {
      slashes++;
      j++;
    }
    if (slashes == 0 && colon - start > 5) {
      return colon + 1; // "Price:", "Content-Type:": no scheme that matters here goes without a slash
    }
    int known = knownScheme(s, start, colon); // -1 for a scheme no list here names
    int lists = known < 0 ? 0 : SCHEME_LISTS[known];
    if ((lists & DANGEROUS) != 0) {
      dangerousScheme(s, KNOWN_SCHEMES[known], colon, slashes, verdict);
    }
    boolean special = (lists & SPECIAL) != 0;
    if (slashes >= 2 || special && j < n && startsHost(s.charAt(j))) {
      return authority(s, j, special, (lists & NETWORK) != 0, verdict);
    }
    return j;
  }

  /**
   * The index in {@link #KNOWN_SCHEMES} of the scheme {@code s[start, colon)} (scheme characters, any case), or -1.
   * Only the names of its length and first letter are compared: at every colon of a value dense in URLs, a loop
   * over every known name cost more than reading the URL's authority.
   */
  private static int knownScheme(String s, int start, int colon) {
    int len = colon - start;
    int first = s.charAt(start) | 0x20;
    if (len > MAX_SCHEME || first >= 128) {
      return -1; // no name is this long or starts with this character (names are lower-case ASCII)
    }
    int[] candidates = SCHEMES_BY_LENGTH_FIRST[len * 128 + first];
    if (candidates.length > 0 && len <= PACKED) {
      long name = packed(s, start, colon); // one comparison per candidate, not one per character
      for (int k : candidates) {
        if (KNOWN_PACKED[k] == name) {
          return k;
        }
      }
      return -1;
    }
    for (int k : candidates) {
      if (SsrfHost.asciiEqualsIgnoreCase(s, start, KNOWN_SCHEMES[k])) {
        return k;
      }
    }
    return -1;
  }

  /**
   * {@code s[start, end)} (ASCII scheme characters, at most {@link #PACKED}) a byte per character, each with bit 5
   * set as {@link SsrfHost#asciiEqualsIgnoreCase} compares them: equal for text of one length exactly when that
   * comparison is.
   */
  private static long packed(String s, int start, int end) {
    long name = 0;
    for (int i = start; i < end; i++) {
      name = name << 8 | (s.charAt(i) | 0x20);
    }
    return name;
  }

  private static void dangerousScheme(String s, String scheme, int colon, int slashes, Verdict verdict) {
    switch (scheme) {
      case "file":
      case "unix": // a local socket path (unix:/var/run/docker.sock): the Docker API, a database, an agent
        if (slashes >= 1) {
          verdict.hit("ssrf.scheme", 85);
        }
        break;
      case "netdoc":
        if (slashes >= 1) {
          verdict.hit("ssrf.scheme", 80);
        }
        break;
      case "jar":
        // jar:<url>!/ : the archive is fetched from the nested URL
        int k = colon + 1;
        while (k < s.length() && k - colon < 16 && isSchemeChar(s.charAt(k))) {
          k++;
        }
        if (k > colon + 1 && k < s.length() && s.charAt(k) == ':') {
          verdict.hit("ssrf.scheme", 70);
        }
        break;
      default:
        if (slashes >= 2) {
          verdict.hit("ssrf.scheme", 80);
        }
    }
  }

  /**
   * Judges every host a parser could take from the authority at {@code a}; returns where it ends.
   *
   * @param backslashEnds whether a backslash ends the authority for a conforming parser (special schemes, and
   *     scheme-relative URLs)
   * @param network whether the scheme reaches a host over the network: a one-label name counts only then
   *     ({@code //name} is as often a comment, {@code x>//TODO})
   */
  private int authority(String s, int a, boolean backslashEnds, boolean network, Verdict verdict) {
    int end = authorityAt(s, a, backslashEnds, network, verdict);
    if (end < s.length() && s.charAt(end) == ' ') {
      hostsAfterSpace(s, end, backslashEnds, network, verdict);
    }
    return end;
  }

  /**
   * {@code http://1.1.1.1 &@127.0.0.1/}: some parsers read an authority on past a space, to the host after the
   * {@code @} of the next word (Orange Tsai, "A New Era of SSRF"). When the word after the space holds an
   * {@code @} before any slash, the host after its last {@code @} is judged as one more reading (not the primary
   * one), and so on for a few words ({@code &@2.2.2.2# @3.3.3.3/}). Prose ("see http://x.com or mail bob@y.com")
   * has a space inside the words before its {@code @}, and is left alone.
   */
  private void hostsAfterSpace(String s, int end, boolean backslashEnds, boolean network, Verdict verdict) {
    int n = s.length();
    int from = end;
    for (int hops = 0; hops < 4 && from < n && s.charAt(from) == ' '; hops++) {
      int word = from;
      while (word < n && s.charAt(word) == ' ') {
        word++;
      }
      int at = -1;
      for (int i = word; i < n && i - word < SsrfAuthority.MAX_AUTHORITY; i++) {
        char c = s.charAt(i);
        if (c == '@') {
          at = i;
        } else if (c <= ' ' || c == '/' || c == '?') {
          break;
        }
      }
      SsrfAuthority auth = at < 0 ? null : SsrfAuthority.read(s, at + 1, backslashEnds);
      if (auth == null) {
        return;
      }
      judgeReadings(auth, runtimePathAt(s, auth.end()), network, false, verdict);
      from = auth.end();
    }
  }

  /** {@link #authority} as a conforming parser reads it. */
  private int authorityAt(String s, int a, boolean backslashEnds, boolean network, Verdict verdict) {
    int end = SsrfAuthority.end(s, a);
    if (end == a) {
      return a;
    }
    // a URL of a page of links or of a flood repeats the authority before it: its hosts are already counted
    boolean runtimePath = runtimePathAt(s, end);
    int how = (backslashEnds ? 1 : 0) | (network ? 2 : 0) | (runtimePath ? 4 : 0);
    if (verdict.judgedBefore(s, a, end, how)) {
      return end;
    }
    // (remembered before it is judged: every way out below judges it in full or knows that judging adds nothing)
    verdict.judged(s, a, end, how);
    // most authorities are a plain name, with a port or not: nothing to read twice; a dotted name points nowhere
    // inside, and a one-label name only counts after a network scheme, as an internal name (60), or as the
    // Runtime API when a Runtime path follows; once the verdict is that strong, a plain one-label name adds
    // nothing, so a value of many such URLs is not read in full for each
    int hostEnd = hostBeforeDigitPort(s, a, end);
    int plain = isRuntimeHost(s, a, hostEnd) ? SsrfHost.NOT_PLAIN : SsrfHost.plainName(s, a, hostEnd);
    if (plain == SsrfHost.PLAIN || plain == SsrfHost.PLAIN_ONE_LABEL
        && (!network || verdict.score >= INTERNAL_NAME_SCORE && !startsWithRuntimePath(s, end))) {
      return end;
    }
    // words and punctuation ("//@x*y", "//a]$("): no host to judge (a Runtime API host without a digit aside)
    if (digitlessNeverRuntime && SsrfHost.nothingInside(s, a, end, network)) {
      return end;
    }
    if (!judgedInPlace(s, a, end, runtimePath, network, verdict)) {
      SsrfAuthority auth = SsrfAuthority.read(s, a, backslashEnds);
      judgeReadings(auth, runtimePath, network, true, verdict);
    }
    return end;
  }

  /**
   * An authority that every parser reads alike ({@link SsrfAuthority#plainHostEnd}) with an IPv4 host in any form
   * ({@code 127.1}, {@code 0x7f.1:80}), judged where it is in the value: copying, lower-casing and splitting it
   * cost more than classifying it, at every URL of a value of many. False, with nothing judged, for any other.
   */
  private boolean judgedInPlace(String s, int a, int end, boolean runtimePath, boolean network, Verdict verdict) {
    int hostEnd = SsrfAuthority.plainHostEnd(s, a, end);
    if (hostEnd < 0) {
      return false;
    }
    if (hostEnd == a) {
      return true; // no host: nothing to judge
    }
    int result = SsrfHost.classifyIpv4At(s, a, hostEnd);
    if (result < 0) {
      return false;
    }
    int port = hostEnd < end ? parsePort(s, hostEnd + 1, end) : -1;
    judgeClass(result, isRuntimeHostLowered(s, a, hostEnd), port, runtimePath, network, true, verdict);
    return true;
  }

  /** Whether {@code s[from, to)} (ASCII), lower-cased, is the Runtime API's host. */
  private boolean isRuntimeHostLowered(String s, int from, int to) {
    if (runtimeHost == null || runtimeHost.length() != to - from) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != runtimeHost.charAt(i - from)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Every host a parser could take from {@code auth}; {@code conforming}: whether its primary reading is the one a
   * conforming parser takes (the only reading whose one-label name counts as internal).
   */
  private void judgeReadings(SsrfAuthority auth, boolean runtimePath, boolean network, boolean conforming,
      Verdict verdict) {
    judgeHost(auth.primary(), runtimePath, network, conforming, verdict);
    for (String other : auth.others()) {
      judgeHost(other, runtimePath, network, false, verdict);
    }
  }

  /**
   * Where the host of the authority {@code s[a, end)} ends: at its colon when only digits follow (a port, or
   * nothing), else at {@code end}.
   */
  private static int hostBeforeDigitPort(String s, int a, int end) {
    int i = end;
    while (i > a && isDigit(s.charAt(i - 1))) {
      i--;
    }
    return i > a && s.charAt(i - 1) == ':' ? i - 1 : end;
  }

  /** Whether a path of the Lambda Runtime APIs (any case) begins at {@code at}. */
  private static boolean startsWithRuntimePath(String s, int at) {
    if (!s.startsWith(RUNTIME_PATH_START, at)) {
      return false; // most paths: told apart by their first characters, without a comparison per path
    }
    for (String p : RUNTIME_PATHS) {
      if (s.regionMatches(true, at, p, 0, p.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a path of the Lambda Runtime APIs begins at {@code from} as the path after an authority is compared:
   * its first characters in lower case ({@link Locale#ROOT}). Read in place: copying and lower-casing the path of
   * every URL cost more than judging its host. Text beyond ASCII among those characters is lower-cased as before,
   * as lower-casing may change its length; but no character lower-cases to the digits and slash every path begins
   * with, so a path without them is told apart at once.
   */
  static boolean runtimePathAt(String s, int from) {
    int n = s.length();
    if (!s.startsWith(RUNTIME_PATH_START, from)) {
      return false;
    }
    for (int i = from; i < n && i - from < LONGEST_RUNTIME_PATH; i++) {
      if (s.charAt(i) >= 0x80) {
        return startsWithAny(SsrfAuthority.pathOf(s, from), RUNTIME_PATHS);
      }
    }
    return startsWithRuntimePath(s, from); // the same answer for ASCII text
  }

  /**
   * Whether the value is a path of the Lambda Runtime APIs ({@code /2018-06-01/runtime/invocation/next}): an
   * application that joins a caller's path to a base URL of its own may be made to call the Runtime API when that
   * base is the Runtime API's, and no other path is spelled so. The prefix must end a path segment
   * ({@code /2018-06-01/runtime-notes} is some blog's). Any other value costs its leading blanks (at most eight)
   * and two character reads.
   */
  static boolean isRuntimePathAlone(String s) {
    int a = 0;
    int n = s.length();
    while (a < n && a < 8 && s.charAt(a) <= ' ') {
      a++;
    }
    if (a + 2 >= n || s.charAt(a) != '/' || s.charAt(a + 1) != '2') {
      return false;
    }
    for (String p : RUNTIME_PATHS) {
      int end = a + p.length();
      if (s.regionMatches(true, a, p, 0, p.length())) {
        char next = end < n ? s.charAt(end) : '/';
        return next == '/' || next == '?' || next == '#' || next <= ' ';
      }
    }
    return false;
  }

  /** Whether {@code s[from, to)} (any case) is the Runtime API's host. */
  private boolean isRuntimeHost(String s, int from, int to) {
    return runtimeHost != null && runtimeHost.length() == to - from
        && s.regionMatches(true, from, runtimeHost, 0, to - from);
  }

  /**
   * One candidate {@code host[:port]}; {@code primary} for the host a conforming parser takes, the only one
   * whose one-label name counts as internal (a piece of userinfo is often a plain word).
   */
  private void judgeHost(String hostPort, boolean runtimePath, boolean network, boolean primary, Verdict verdict) {
    SsrfAuthority.HostPort hp = SsrfAuthority.split(hostPort);
    String host = hp.host();
    int port = hp.port();
    if (host.isEmpty()) {
      return;
    }
    judgeClass(SsrfHost.classify(host), runtimeHost != null && host.equals(runtimeHost), port, runtimePath, network,
        primary, verdict);
  }

  /**
   * One candidate host, classified ({@link SsrfHost#classify}); {@code runtimeHostNamed}: whether it is the Runtime
   * API's host by name; other parameters as {@link #judgeHost}.
   */
  private void judgeClass(int result, boolean runtimeHostNamed, int port, boolean runtimePath, boolean network,
      boolean primary, Verdict verdict) {
    int cls = result & SsrfHost.CLASS_MASK;
    boolean obfuscated = (result & SsrfHost.OBFUSCATED) != 0;
    boolean inside = cls == SsrfHost.LOOPBACK || cls == SsrfHost.INTERNAL_NAME
        || (result & SsrfHost.SINGLE_LABEL) != 0 && primary && network;
    if (isRuntimeApi(runtimeHostNamed, port, cls) || inside && runtimePath) {
      verdict.hit("ssrf.lambda-runtime", 95);
      return;
    }
    if (cls == SsrfHost.LOOPBACK && port == SECRETS_EXTENSION_PORT) {
      verdict.hit("ssrf.lambda-extension", 90);
      return;
    }
    if (obfuscated && cls != SsrfHost.PUBLIC && cls != SsrfHost.INTERNAL_NAME) {
      verdict.hit("ssrf.obfuscated-ip", cls == SsrfHost.METADATA ? 95 : 90);
      return;
    }
    switch (cls) {
      case SsrfHost.METADATA -> verdict.hit("ssrf.metadata", 95);
      case SsrfHost.LOOPBACK -> verdict.hit("ssrf.loopback", 90);
      case SsrfHost.LINK_LOCAL -> verdict.hit("ssrf.link-local", 85);
      case SsrfHost.PRIVATE -> verdict.hit("ssrf.private", 80);
      case SsrfHost.INTERNAL_NAME -> {
        if (network && primary) {
          verdict.hit("ssrf.internal-name", INTERNAL_NAME_SCORE);
        }
      }
      default -> {
        if ((result & SsrfHost.SINGLE_LABEL) != 0 && primary && network) {
          verdict.hit("ssrf.internal-name", INTERNAL_NAME_SCORE);
        } else if (obfuscated && (result & SsrfHost.LITERAL) != 0 && primary) {
          verdict.hit("ssrf.obfuscated-ip", 60);
        }
      }
    }
  }

  /** The Runtime API's own host and port, or any loopback form of it on its port ({@code localhost:9001}). */
  private boolean isRuntimeApi(boolean runtimeHostNamed, int port, int cls) {
    if (runtimeHost == null) {
      return false;
    }
    if (runtimeHostNamed) {
      return port == runtimePort || runtimePort < 0;
    }
    return port == runtimePort && port > 0 && cls == SsrfHost.LOOPBACK && runtimeOnLoopback;
  }

  // ---------------------------------------------------------------- hosts outside URLs

  /**
   * A value that is a host alone, or starts with one followed by a path ({@code 169.254.169.254/latest}):
   * applications often put {@code http://} in front of what they are given. Only unambiguous forms count here
   * (dotted-quad, IPv6, known names), never a bare number, which may be a phone number or an amount.
   */
  private void bareHost(String s, Verdict verdict) {
    int a = 0;
    int b = s.length();
    while (a < b && s.charAt(a) <= ' ') {
      a++;
    }
    while (b > a && s.charAt(b - 1) <= ' ') {
      b--;
    }
    if (b - a < 3 || b - a > SsrfHost.MAX_HOST) {
      return;
    }
    int end = a;
    while (end < b && s.charAt(end) != '/' && s.charAt(end) > ' ') {
      end++;
    }
    if (end < b && s.charAt(end) != '/') {
      return; // prose
    }
    // a plain public name, with a port or not ("tel:+1415...", a URL's "scheme:"): nothing to find; with two
    // colons or more the host is read as IPv6 only, whose first group, hex or empty, is no plain name
    int hostEnd = a;
    while (hostEnd < end && s.charAt(hostEnd) != ':') {
      hostEnd++;
    }
    if (SsrfHost.isPlainName(s, a, hostEnd) && !isRuntimeHost(s, a, hostEnd)) {
      return;
    }
    if (!plausibleBareHost(s, a, end)) {
      return;
    }
    String hostPort = ideographicDots(s.substring(a, end).toLowerCase(Locale.ROOT));
    Verdict bare = new Verdict();
    judgeHost(hostPort, end < b && runtimePathAt(s, end), false, false, bare);
    if (bare.rule != null && !bare.rule.equals("ssrf.internal-name")) {
      verdict.hit(bare.rule, bare.score);
    }
  }

  /** Dotted quad, bracketed or multi-colon IPv6, or a name with a letter: never a bare number. */
  private static boolean plausibleBareHost(String s, int a, int end) {
    for (int i = a; i < end; i++) {
      if (s.charAt(i) >= 0x80) {
        // lower-casing may change the text beyond ASCII (İ becomes i and a combining dot)
        return plausibleBareHost(ideographicDots(s.substring(a, end).toLowerCase(Locale.ROOT)));
      }
    }
    if (s.charAt(a) == '[') {
      return true;
    }
    int colons = 0;
    int hostEnd = end;
    for (int i = a; i < end; i++) {
      if (s.charAt(i) == ':') {
        hostEnd = colons++ == 0 ? i : hostEnd;
      }
    }
    if (colons >= 2) {
      return mayBeIpv6(s, a, end);
    }
    if (hostEnd == a) {
      return false;
    }
    boolean letter = false;
    int firstDot = -1;
    int dots = 0;
    for (int i = a; i < hostEnd; i++) {
      char c = s.charAt(i);
      letter |= isLetter(c);
      if (c == '.') {
        firstDot = firstDot < 0 ? i : firstDot;
        dots++;
      }
    }
    if (letter) {
      // a name: dotted (metadata.google.internal), with a port (metadata:80), or localhost; a lone word such
      // as "metadata" is a word
      boolean hex = hostEnd - a >= 2 && s.charAt(a) == '0' && (s.charAt(a + 1) | 0x20) == 'x';
      if (hex) {
        // 0x7f.0x00.0x00.0x01: four parts in hex (or octal, decimal), which no prose or name is; a lone 0x7f000001
        // is a number as well as an address
        return dots == 3 && SsrfHost.ipv4(s, a, hostEnd) != SsrfHost.NOT_IPV4;
      }
      return firstDot > a || colons == 1 || hostEnd - a == 9 && s.regionMatches(true, a, "localhost", 0, 9);
    }
    return dots == 3 && SsrfHost.ipv4(s, a, hostEnd) >>> 32 == 0;
  }

  /**
   * Whether {@code s[a, end)}, a host with two colons or more, may be read as an IPv6 address, with or without its
   * last group as a port ({@link SsrfAuthority#split}): a host with two colons classifies only so, and an address
   * is hex digits, colons and dots up to its zone ({@code %}); the host ends at {@code !}. False for
   * {@code 1999-12-31T23:59:59.999+01:00}.
   */
  private static boolean mayBeIpv6(String s, int a, int end) {
    int hostEnd = a;
    int colons = 0;
    int lastColon = -1;
    while (hostEnd < end && s.charAt(hostEnd) != '!') {
      if (s.charAt(hostEnd) == ':') {
        colons++;
        lastColon = hostEnd;
      }
      hostEnd++;
    }
    if (colons < 2) {
      return true; // "x!a:b:c": judged as a name
    }
    for (int i = a; i < lastColon && s.charAt(i) != '%'; i++) {
      char c = s.charAt(i);
      if (!(SsrfHost.digit(c, 16) >= 0 || c == ':' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /** IDNA reads the ideographic full stops U+3002 and U+FF61 as dots, in a host alone as in a URL's. */
  private static String ideographicDots(String h) {
    return h.replace('\u3002', '.').replace('\uff61', '.');
  }

  /** {@link #plausibleBareHost(String, int, int)} of a host already in lower case. */
  private static boolean plausibleBareHost(String h) {
    if (h.startsWith("[")) {
      return true;
    }
    int colons = count(h, ':');
    if (colons >= 2) {
      return mayBeIpv6(h, 0, h.length());
    }
    String host = colons == 1 ? h.substring(0, h.indexOf(':')) : h;
    if (host.isEmpty()) {
      return false;
    }
    boolean letter = false;
    for (int i = 0; i < host.length(); i++) {
      if (isLetter(host.charAt(i))) {
        letter = true;
      }
    }
    if (letter) {
      // a name: dotted (metadata.google.internal), with a port (metadata:80), or localhost; a lone word such
      // as "metadata" is a word; hex parts as in the ASCII reading above
      if (host.startsWith("0x")) {
        return count(host, '.') == 3 && SsrfHost.ipv4(host, 0, host.length()) != SsrfHost.NOT_IPV4;
      }
      return host.indexOf('.') > 0 || colons == 1 || host.equals("localhost");
    }
    return count(host, '.') == 3 && SsrfHost.ipv4(host, 0, host.length()) >>> 32 == 0;
  }

  /**
   * A metadata address anywhere, not only as a host: {@code /proxy/169.254.169.254/latest},
   * {@code redir-http-169.254.169.254:80-}, a {@code Host:} header inside a gopher payload.
   */
  private static boolean metadataAnywhere(Normalized value, String s) {
    if (!value.containsEach(METADATA_IP) && !value.containsEach(METADATA_NAME)
        && !value.containsEach(METADATA_NAME_UPPER)) {
      return false; // the characters of 169.254. and metadata.google.internal
    }
    int n = s.length();
    for (int i = Substrings.indexOf(s, "169.254.", 0); i >= 0; i = Substrings.indexOf(s, "169.254.", i + 1)) {
      if (i > 0 && (isDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '.')) {
        continue;
      }
      int end = i + 8;
      while (end < n && end - i < 15 && (isDigit(s.charAt(end)) || s.charAt(end) == '.')) {
        end++;
      }
      int stop = end;
      if (stop > i && s.charAt(stop - 1) == '.') {
        stop--;
      }
      long v4 = SsrfHost.ipv4(s, i, stop);
      if (v4 >= 0 && v4 >>> 32 == 0 && SsrfHost.classifyV4(v4) == SsrfHost.METADATA) {
        return true;
      }
    }
    return Substrings.contains(s, "metadata.google.internal") || Substrings.contains(s, "METADATA.GOOGLE.INTERNAL");
  }

  /**
   * {@code http://expected.com%2F@127.0.0.1/}: a parser that splits the URL before decoding it takes everything up
   * to the {@code @} as user info, the escaped slash included, and calls 127.0.0.1; decoded, the {@code @} is in
   * the path. Each authority of the raw value ({@code //} up to a plain {@code /}, {@code ?}, {@code #},
   * {@code \} or blank) that has an escaped delimiter before an {@code @} has the host after its last {@code @}
   * judged. Each authority is read once, at most {@link SsrfAuthority#MAX_AUTHORITY} characters.
   */
  private void hostsAfterHiddenDelimiters(String raw, Verdict verdict) {
    int n = raw.length();
    for (int i = Substrings.indexOf(raw, "//", 0); i >= 0 && verdict.score < MAX_SCORE;
        i = Substrings.indexOf(raw, "//", i)) {
      int end = i + 2;
      int at = -1;
      boolean hidden = false;
      while (end < n && end - i < SsrfAuthority.MAX_AUTHORITY && !endsRawAuthority(raw.charAt(end))) {
        if (raw.charAt(end) == '@') {
          at = end;
        } else if (raw.charAt(end) == '%' && at < 0 && escapedDelimiterAt(raw, end)) {
          hidden = true;
        }
        end++;
      }
      // a plain public name, with a port or not, points nowhere inside (as authorityAt reads it)
      if (hidden && at >= 0 && at + 1 < end
          && !SsrfHost.isPlainName(raw, at + 1, hostBeforeDigitPort(raw, at + 1, end))) {
        judgeHost(raw.substring(at + 1, end).toLowerCase(Locale.ROOT), runtimePathAt(raw, end), true, false,
            verdict);
      }
      i = Math.max(end, i + 2);
    }
  }

  private static boolean endsRawAuthority(char c) {
    return c == '/' || c == '?' || c == '#' || c == '\\' || c <= ' ';
  }

  /** Whether the {@code %} at {@code i} escapes {@code /}, {@code \}, {@code ?} or {@code #} (%2f %5c %3f %23). */
  private static boolean escapedDelimiterAt(String raw, int i) {
    if (i + 2 >= raw.length()) {
      return false;
    }
    char hi = raw.charAt(i + 1);
    char lo = raw.charAt(i + 2);
    char lower = (char) (lo | 0x20);
    return hi == '2' && (lower == 'f' || lo == '3') || hi == '5' && lower == 'c' || hi == '3' && lower == 'f';
  }

  /**
   * Whether an escaped {@code /}, {@code \}, {@code ?} or {@code #} comes before an {@code @} in {@code raw}: each
   * {@code %} before the last {@code @} is looked at once (seven word searches read a value dense in {@code %} seven
   * times).
   */
  private static boolean hidesDelimiterBeforeAt(String raw) {
    int at = raw.lastIndexOf('@');
    for (int i = raw.indexOf('%'); i >= 0 && i < at; i = Substrings.indexOf(raw, '%', i + 1)) {
      if (escapedDelimiterAt(raw, i)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code s}, without the spaces and controls around it, still has one. */
  private static boolean hasInnerSpace(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && s.charAt(i) <= ' ') {
      i++;
    }
    while (i < n && s.charAt(i) > ' ') {
      i++;
    }
    while (i < n && s.charAt(i) <= ' ') {
      i++;
    }
    return i < n;
  }

  // ---------------------------------------------------------------- characters

  /**
   * Anything SSRF needs: a colon, a {@code //}, a digit-dot-digit (a bare address), a name that points inside
   * ({@code localhost}, {@code localtest.me}, {@code metadata}, in any case); the character mask answers most values
   * without reading them.
   */
  static boolean prefilter(Normalized value) {
    if (value.containsAny(COLON)) {
      return true;
    }
    String s = value.decoded();
    if (value.containsAny(SLASH) && mayStartHost(value) && Substrings.indexOf(s, "//", 0) >= 0) {
      return true;
    }
    if (value.containsAny(DOT) && value.containsAny(DIGITS)) {
      for (int dot = s.indexOf('.'); dot >= 0; dot = s.indexOf('.', dot + 1)) {
        if (dot > 0 && dot + 1 < s.length() && isDigit(s.charAt(dot - 1)) && isDigit(s.charAt(dot + 1))) {
          return true;
        }
      }
    }
    // a bare name: localhost, localtest.me, metadata.google.internal
    return SsrfHost.mayNameInside(value) && SsrfHost.containsNameInside(value.lower());
  }

  /** Whether the value has a character that may begin a host after {@code //}. */
  private static boolean mayStartHost(Normalized value) {
    return value.containsAny(HOST_START) || value.hasNonAscii();
  }

  /** Each character of {@code word} as a set of its own. */
  private static Normalized.CharSet[] eachOf(String word) {
    return CharSets.eachChar(word, false, "");
  }

  private static String[] distinct(String[]... lists) {
    java.util.Set<String> all = new java.util.LinkedHashSet<>();
    for (String[] list : lists) {
      all.addAll(java.util.Arrays.asList(list));
    }
    return all.toArray(new String[0]);
  }

  /** The last letter of each scheme, in either case. */
  private static Normalized.CharSet lastLetters(String[] schemes, String more) {
    StringBuilder ends = new StringBuilder();
    for (String scheme : schemes) {
      ends.append(scheme.charAt(scheme.length() - 1));
    }
    ends.append(more.charAt(more.length() - 1));
    return Normalized.charSet(ends + ends.toString().toUpperCase(Locale.ROOT));
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        return true;
      }
    }
    return false;
  }


  private static boolean startsHost(char c) {
    return isLetter(c) || isDigit(c) || c == '[' || c == '@' || c == '%' || c == '_' || c >= 0x80;
  }

  private static boolean boundary(char c) {
    return c <= ' ' || c == '"' || c == '\'' || c == '=' || c == '(' || c == '<' || c == '>' || c == '`'
        || c == '[' || c == ',' || c == ';';
  }

  private static boolean isOneOf(String s, String[] options) {
    for (String o : options) {
      if (o.equals(s)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithAny(String s, String[] prefixes) {
    for (String p : prefixes) {
      if (s.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

}
