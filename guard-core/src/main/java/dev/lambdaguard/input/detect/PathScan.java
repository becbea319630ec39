package dev.lambdaguard.input.detect;

import static dev.lambdaguard.input.detect.PathChars.ASCII;
import static dev.lambdaguard.input.detect.PathChars.COLON;
import static dev.lambdaguard.input.detect.PathChars.DOT;
import static dev.lambdaguard.input.detect.PathChars.LETTER;
import static dev.lambdaguard.input.detect.PathChars.ODD;
import static dev.lambdaguard.input.detect.PathChars.PLAIN;
import static dev.lambdaguard.input.detect.PathChars.SEP;
import static dev.lambdaguard.input.detect.PathChars.SPACE;
import static dev.lambdaguard.input.detect.PathChars.TERMINATOR;
import static dev.lambdaguard.input.detect.PathChars.ZERO;
import static dev.lambdaguard.input.detect.PathChars.charClass;
import static dev.lambdaguard.input.detect.PathChars.dotWidth;
import static dev.lambdaguard.input.detect.PathChars.isAlnum;
import static dev.lambdaguard.input.detect.PathChars.isLetter;
import static dev.lambdaguard.input.detect.PathChars.isSchemeChar;
import static dev.lambdaguard.input.detect.PathChars.isSpace;
import static dev.lambdaguard.input.detect.PathChars.sepWidth;
import static dev.lambdaguard.input.detect.PathTraversalDetector.SENSITIVE;
import static dev.lambdaguard.input.detect.PathTraversalDetector.TRAVERSAL;
import static dev.lambdaguard.input.detect.PathTraversalDetector.UNC;
import static dev.lambdaguard.input.detect.PathTraversalDetector.WRAPPER;

import dev.lambdaguard.input.Category;

/**
 * One pass over one value for {@link PathTraversalDetector}: splits it into paths and their segments, counts
 * parent-directory climbs and judges each segment by where its path begins and what came before it. A path
 * begins at a separator at the start of a word ({@code /etc}), after a drive ({@code C:\}), after
 * {@code scheme://authority} (a URL path: only climbs and sensitive pairs count there), or with the first
 * segment of a word followed by a separator ({@code etc/passwd}, also {@code ~/x}: only shells expand it). Segments
 * may contain spaces ({@code Program Files}); a separator right after a space begins a new path
 * ({@code /bin/cat /etc/passwd}). Not thread-safe; one instance per value.
 */
final class PathScan {

  private static final int NONE = 0;
  private static final int ROOTED = 1; // "/x", "\x", "C:\x", "file:/x"
  private static final int RELATIVE = 2; // "x/y" at the start of a word
  private static final int CLIMBED = 3; // after "../": as sensitive as a rooted path
  private static final int URL = 4; // "scheme://authority/x"

  /** Any dot a climb may be made of: {@code .}, look-alikes (beyond ASCII), the text {@code 0x2e}. */
  private static final Normalized.CharSet DOT_CHAR = Normalized.charSet(".");
  private static final Normalized.CharSet ZERO_CHAR = Normalized.charSet("0");
  private static final Normalized.CharSet X_CHAR = Normalized.charSet("xX");
  private static final Normalized.CharSet TWO_CHAR = Normalized.charSet("2");
  private static final Normalized.CharSet E_CHAR = Normalized.charSet("eE");
  private static final Normalized.CharSet COLON_CHAR = Normalized.charSet(":");
  private static final Normalized.CharSet QUESTION = Normalized.charSet("?");
  private static final Normalized.CharSet SPACE_CHARS = Normalized.charSet(" \n\r\t");
  /**
   * The schemes {@link #wrapper} scores, for {@link #WRAPPER_ENDS}; a scheme added to its switch must be added
   * here too ({@code PathTraversalDetectorTest} reads each through the detector).
   */
  private static final String[] WRAPPERS = {"php", "phar", "expect", "zip", "zlib", "glob", "rar", "ogg",
      "compress.zlib", "compress.bzip2", "ssh2.shell", "ssh2.exec", "ssh2.sftp", "file", "netdoc", "jar", "data"};
  /** Those of {@link #WRAPPERS} that score below {@link #MAX_WRAPPER} whatever follows their colon. */
  private static final java.util.Set<String> WEAK_WRAPPERS = java.util.Set.of("file", "netdoc", "jar");
  /**
   * What an ASCII character means outside a path (see {@link #run}): nothing, a space, a terminator (the next
   * word may begin a path) or something the full loop must see (separators, colons, dots, odd bytes, the digits of
   * {@code 0x2f} and {@code .2f}, and {@code ;}, which after a dot keeps a climb).
   */
  private static final byte SKIP = 0;
  private static final byte AT_SPACE = 1;
  private static final byte AT_TERMINATOR = 2;
  /**
   * A colon or a semicolon: one of the above but for a colon after the last letter of a wrapper or a semicolon
   * after a dot ({@code ..;} keeps a climb), which the full loop must see; the others change nothing there.
   */
  private static final byte MAYBE = 3;
  private static final byte STOP = 4;
  private static final byte[] OUTSIDE = new byte[128];
  /** The last characters of {@link #WRAPPERS}, in both cases: a colon after any other ends no wrapper. */
  private static final boolean[] WRAPPER_LAST = new boolean[128];

  static {
    for (int c = 0; c < 128; c++) {
      byte k = ASCII[c];
      OUTSIDE[c] = k <= LETTER ? SKIP : k == SPACE ? AT_SPACE : c == ';' || k == COLON ? MAYBE
          : k == TERMINATOR ? AT_TERMINATOR : STOP;
    }
    for (String wrapper : WRAPPERS) {
      char last = wrapper.charAt(wrapper.length() - 1);
      WRAPPER_LAST[last] = true;
      WRAPPER_LAST[Character.toUpperCase(last)] = true;
    }
  }

  /**
   * What a segment's last flags must lack for the next segment, if it names nothing, to change nothing: the first
   * halves of the pairs {@link #judge} looks for.
   */
  private static final int PAIR_FIRSTS = PathNames.ETC | PathNames.PROC | PathNames.PAIR_PARENT
      | PathNames.ROOT_WINDOWS;
  /** What a rooted path's first segment must lack for a second that names nothing to change nothing. */
  private static final int SECOND_RULES = PathNames.ROOT_SECRET | PathNames.ROOT_WINDOWS | PathNames.SOFTWARE
      | PathNames.VAR;

  /** The highest score of a wrapper or UNC path, and of a sensitive file. */
  private static final int MAX_WRAPPER = 90;
  private static final int MAX_SENSITIVE = 85;

  private final Normalized value;
  private final String s;
  private final int n;
  private int ups;
  private int bestScore;
  private String bestRule;
  // the current path
  private int kind = NONE;
  private boolean drive;
  private boolean inAuthority;
  private int nseg;
  private int seg1;
  private int prev;
  private int acc;

  // what the pass saw, for the detector's other rules
  /** A space, tab or line break was seen. */
  boolean space;
  /** Something only broken encodings leave: two dots in a row, {@code 0x2e}, {@code %}, {@code ?}, controls,
   * non-ASCII. */
  boolean odd;
  private int lastSpace = -1;
  /** The score and climbs (0, 1, 2 or more) at which {@link #settled} was last asked. */
  private int askedState;
  /** The segment {@link #classify} read last, and its flags: a segment the tight loop could not pass is read next. */
  private int classifiedFrom = -1;
  private int classifiedTo;
  private boolean classifiedExact;
  private int classifiedFlags;
  /** Where the segment at which {@link #quietSegments} handed back to the full loop begins. */
  private int quietFrom;
  /** Whether {@link #quietSegments} met a segment that names something in the current path. */
  private boolean namedInPath;

  /** Scans {@code value.decoded()}. */
  PathScan(Normalized value) {
    this.value = value;
    this.s = value.decoded();
    this.n = s.length();
  }

  /** The detection for {@code value}, or null. */
  static Detection scan(Normalized value) {
    return new PathScan(value).run();
  }

  private Detection result() {
    if (ups > 0) {
      return new Detection(Category.PATH, TRAVERSAL, bestRule != null ? 95 : ups >= 2 ? 90 : 75);
    }
    return bestRule == null ? null : new Detection(Category.PATH, bestRule, bestScore);
  }

  private void hit(String rule, int score) {
    if (score > bestScore) {
      bestScore = score;
      bestRule = rule;
    }
  }

  /**
   * Whether the detection can no longer change: a climb into a sensitive place (the highest score), or two climbs
   * and the path that holds them ended (only a later sensitive hit could still raise 90 to 95).
   */
  private boolean sure(boolean pathEnded) {
    return ups > 0 && (bestRule != null || pathEnded && ups >= 2);
  }

  /**
   * Whether the finding so far is the result whatever follows (asked when the score rises or a second climb is
   * made). Two climbs score 90 and only a sensitive place can raise them, which needs a name
   * ({@link PathNames#mayName}); one climb can still become two. Without a climb, none can come when the value has
   * no dot of any form, and no rule can score higher when a wrapper lacks its colon and a sensitive file its name.
   * So a weak finding (a UNC path at the start, two climbs) does not make the rest of a long value expensive.
   */
  private boolean settled() {
    int state = bestScore << 2 | Math.min(ups, 2);
    if (state == askedState) {
      return false;
    }
    askedState = state;
    if (ups > 0) {
      return bestRule != null || ups >= 2 && !PathNames.mayName(value);
    }
    boolean climb = value.containsAny(DOT_CHAR) || value.hasNonAscii() || value.containsAny(ZERO_CHAR)
        && value.containsAny(X_CHAR) && value.containsAny(TWO_CHAR) && value.containsAny(E_CHAR);
    return !climb && !(bestScore < MAX_WRAPPER && value.containsAny(COLON_CHAR))
        && !(bestScore < MAX_SENSITIVE && PathNames.mayName(value));
  }

  /** The one pass; returns the detection, or null, at the first detection that can no longer change. */
  Detection run() {
    unc();
    if (settled()) {
      return result();
    }
    // counters in locals: the loop stays in registers, fields are written once at the end
    boolean sawOdd = false;
    boolean sawSpace = false;
    String s = this.s; // locals: the JIT does not trust final fields across calls
    int n = this.n;
    int segStart = 0;
    int i = 0;
    while (i < n) {
      if (kind == NONE) {
        // Outside a path, most text only marks where the next path's first word may start: a tight loop without
        // a branch per space or terminator (prose alternates them with letters and mispredicts every branch)
        int last = lastSpace;
        int start = segStart;
        while (i < n) {
          char c = s.charAt(i);
          int t = c < 128 ? OUTSIDE[c] : STOP;
          if (t >= MAYBE) {
            // inline, no call: a colon after a wrapper's last letter, a semicolon after a dot go to the full loop
            char before = i > 0 ? s.charAt(i - 1) : ' ';
            if (t == STOP || (c == ';' ? before == '.' : before < 128 && WRAPPER_LAST[before])) {
              break;
            }
            start = c == ';' ? i + 1 : start;
            i++;
            continue;
          }
          last = t == AT_SPACE ? i : last;
          start = t == AT_TERMINATOR ? i + 1 : start;
          i++;
        }
        lastSpace = last;
        segStart = start;
        if (i == n) {
          break;
        }
      }
      // inside a path, letters and plain characters only extend the segment: skipped in a loop of their own
      char c = s.charAt(i);
      int k = c < 128 ? ASCII[c] : charClass(c);
      while (k <= LETTER) {
        if (++i == n) {
          break;
        }
        c = s.charAt(i);
        k = c < 128 ? ASCII[c] : charClass(c);
      }
      if (i == n) {
        break;
      }
      if (k == DOT) {
        sawOdd |= i > 0 && s.charAt(i - 1) == '.';
      } else if (k == SPACE) {
        sawSpace = true;
        lastSpace = i;
      } else if (k == ODD) {
        sawOdd = true;
      } else if (k == SEP && kind == NONE && segStart == i && i + 1 < n && s.charAt(i + 1) < 128
          && ASCII[s.charAt(i + 1)] == TERMINATOR) {
        // "/*", "/;": a path that a terminator closes right after its first separator names nothing
        char t = s.charAt(i + 1);
        sawOdd |= t == '?';
        sawSpace |= t == '\n' || t == '\r' || t == '\t';
        i += 2;
        segStart = i;
        continue;
      } else if (k == SEP || k == ZERO) {
        // a digit 0, 2 or 5 is part of 0x2f, 0x2e or .2f only after a dot or before an x
        boolean text = k == ZERO && (c == '0' ? i + 1 < n && (s.charAt(i + 1) | 0x20) == 'x'
            : i > 0 && s.charAt(i - 1) == '.');
        int w = k == SEP ? 1 : text ? sepWidth(s, i) : 0;
        if (w > 0) {
          separator(segStart, i);
          if (sure(kind == ROOTED && nseg == 0) || settled()) {
            return result(); // the separator began a new path ("../../x /etc"): the last one has ended
          }
          i += w;
          segStart = i;
          if (kind != NONE) {
            i = quietSegments(i); // a run of segments that name nothing ("\\x\\x\\x", "a/b/c/d")
            segStart = quietFrom;
          }
          continue;
        }
        sawOdd |= text && dotWidth(s, i) == 4;
      } else if (k == TERMINATOR) {
        sawOdd |= c == '?';
        sawSpace |= c == '\n' || c == '\r' || c == '\t';
        // "..;/" (path parameters, Tomcat and Jetty) keeps the segment a climb
        if (!(c == ';' && i > 0 && s.charAt(i - 1) == '.')) {
          endPath(segStart, i);
          if (sure(true) || settled()) {
            return result();
          }
          segStart = i + 1;
        }
      } else if (k == COLON) {
        if (i > 0) {
          wrapper(i);
          if (settled()) {
            return result();
          }
        }
      }
      i++;
    }
    endPath(segStart, n);
    // the loop outside paths did not note line breaks, tabs or '?': the whole value was read, so its masks tell
    odd = sawOdd || value.containsAny(QUESTION);
    space = sawSpace || value.containsAny(SPACE_CHARS);
    return result();
  }

  /**
   * Whether a segment that names nothing ({@link PathNames#namesNothing}) would change nothing but the count of
   * segments: no pair begun by the segment before, no first segment that makes any second one sensitive
   * ({@code /etc/x}), not the authority of a URL. No rule can then fire, so nothing need be asked after it either.
   */
  private boolean quiet() {
    return kind != NONE && !inAuthority && (prev & PAIR_FIRSTS) == 0 && (nseg != 1 || (seg1 & SECOND_RULES) == 0);
  }

  /**
   * Segments from {@code from} (just after a separator) that change nothing, taken in a tight loop: empty ones
   * ({@code //}) and, in a {@link #quiet} path, those of letters, digits, plain punctuation, single dots and colons
   * that end no wrapper which name nothing ({@code \x\x\x}, {@code /x3c/x3c}, {@code /a@127.0.0.1/}). A flood of
   * them costs a read of each character and a look-up per segment rather than the full judgment. Returns where the
   * full loop goes on: at a character it must see, or at the separator after a segment that may name something;
   * {@link #quietFrom} is where that segment begins. Every character of it before the returned place is one the
   * full loop would pass without effect (a letter, a dot after no dot, a plain digit, a colon that ends no
   * wrapper), so none is read again.
   */
  private int quietSegments(int from) {
    int start = from;
    boolean quiet = quiet() && !namedInPath;
    // what the loop saw of the segment, so that its end reads nothing of it again: a dot, a letter (letters are the
    // common case and take no step of their own: the other characters are counted, a segment has a letter if fewer)
    boolean dotted = false;
    int notLetters = 0;
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      if (c == '/' || c == '\\') {
        if (i > start) {
          if (!quiet) {
            quietFrom = start;
            return i;
          }
          if (!quietSegment(start, i, dotted, i - start > notLetters)) {
            // a path of names (/usr/local/bin/) is read by the full loop from here on: this loop would read each
            // segment only to hand it back
            namedInPath = true;
            quietFrom = start;
            return i;
          }
          nseg++; // seg1, prev and acc stay 0, or become it: the segment named nothing
          prev = 0;
        }
        start = i + 1;
        dotted = false;
        notLetters = 0;
        continue;
      }
      int k = c < 128 ? ASCII[c] : ODD;
      if (k == LETTER) {
        continue;
      }
      if (k != PLAIN && !quietInSegment(k, i)) {
        return handBack(start, i, quiet && (c == ' ' || k == TERMINATOR), dotted);
      }
      dotted |= k == DOT;
      notLetters++;
    }
    quietFrom = start;
    return n;
  }

  /**
   * Where the full loop goes on after {@link #quietSegments} met, at {@code i}, a character it must see in the
   * segment that begins at {@code start}: there, unless the character ends the path ({@code pathMayEnd}) and
   * {@link #quietPathEnd} ended it.
   */
  private int handBack(int start, int i, boolean pathMayEnd, boolean dotted) {
    int end = pathMayEnd && i > start ? quietPathEnd(start, i, dotted) : -1;
    if (end > 0) {
      quietFrom = end;
      return end; // "C:\a\b ;": the path ended on a segment that names nothing, outside paths from here
    }
    quietFrom = start;
    return i; // spaces, terminators, odd bytes, two dots, 0x2f and 0x2e, a wrapper: for the full loop
  }

  /**
   * A path of a {@link #quiet} run ended as the full loop would end it, when the last segment {@code [a, b)} is
   * followed by spaces and a terminator ({@code C:\a\b ;}) and names nothing: that last segment changes nothing
   * then ({@link #judge} needs a flag of it or of the segment before), nor does the end of the path, unless two
   * climbs made the detection {@link #sure}. Returns where the text after the terminator begins, the path reset
   * and {@link #lastSpace} noted as the full loop notes it; -1 (nothing changed) for the full loop to read it.
   * The line breaks, tabs and {@code ?} not noted here are in the value's masks, which {@link #run} asks at the end.
   */
  private int quietPathEnd(int a, int b, boolean dotted) {
    int j = b;
    while (j < n && s.charAt(j) == ' ') {
      j++;
    }
    char t = j < n ? s.charAt(j) : ' ';
    // a segment without dots is no climb; one that names nothing has no flag, last in its path or not
    if (t >= 128 || ASCII[t] != TERMINATOR || t == ';' && s.charAt(j - 1) == '.' || sure(true) || dotted
        || nseg == 0 && driveInUrlPath(a, b) || !PathNames.namesNothing(s, a, b)) {
      return -1;
    }
    nseg++; // as segment(a, b, false) counts it; seg1, prev and acc stay 0 and are reset with the path
    lastSpace = j > b ? j - 1 : lastSpace;
    resetPath();
    return j + 1;
  }

  /**
   * Whether a character of class {@code k} (beyond letters and plain ones) at {@code i} inside a segment changes
   * nothing by itself: a dot after no dot (two are a climb or broken bytes), a digit that begins no {@code 0x2f},
   * {@code 0x2e} or {@code .2f}, a colon that ends no wrapper.
   */
  private boolean quietInSegment(int k, int i) {
    return switch (k) {
      case DOT -> s.charAt(i - 1) != '.';
      // most are plain digits, told by a neighbour: a 0 before no x, a 2 or 5 after no dot
      case ZERO -> (s.charAt(i) == '0' ? i + 1 >= n || (s.charAt(i + 1) | 0x20) != 'x' : s.charAt(i - 1) != '.')
          || sepWidth(s, i) == 0 && dotWidth(s, i) == 0;
      case COLON -> !mayEndWrapper(i);
      default -> false;
    };
  }

  /**
   * Whether the segment {@code [a, b)} of quiet characters, the first a drive written as a URL's path aside, is
   * no climb and names nothing (classified in full only when the cheap test cannot tell); {@code lettered} when
   * it has an ASCII letter.
   */
  private boolean quietSegment(int a, int b, boolean dotted, boolean lettered) {
    if (nseg == 0 && driveInUrlPath(a, b) || dotted && upSegment(a, b) != 0) {
      return false;
    }
    // what the loop saw as it read the segment is not asked again: whether it has a letter, a dot
    if (!lettered) {
      return PathNames.letterlessNamesNothing(s, a, b, dotted); // 127.0.0.1
    }
    return !dotted && PathNames.namesNothingButDigits(s, a, b)
        || classify(a, b, kind == URL || kind == RELATIVE) == 0;
  }


  /**
   * {@link PathNames#classify} of {@code [a, b)}, remembered: a segment that {@link #quietSegment} found to name
   * something goes back to the full loop, which asks about the same segment again ({@code /bin/} a megabyte
   * long would hash each name twice).
   */
  private int classify(int a, int b, boolean exactOnly) {
    if (a != classifiedFrom || b != classifiedTo || exactOnly != classifiedExact) {
      classifiedFlags = PathNames.classify(s, a, b, exactOnly);
      classifiedFrom = a;
      classifiedTo = b;
      classifiedExact = exactOnly;
    }
    return classifiedFlags;
  }

  /** A separator at {@code at} closes the segment {@code [segStart, at)}. */
  private void separator(int segStart, int at) {
    if (kind == NONE) {
      char before = at > 0 ? s.charAt(at - 1) : ' ';
      if (segStart == at || before == ':' || isSpace(before)
          || before == '~' && (at < 2 || !isAlnum(s.charAt(at - 2)))) {
        startRooted(at);
        return;
      }
      kind = RELATIVE; // "x/": the path begins with the last word before the separator
      segment(lastWordStart(segStart, at), at, true);
      return;
    }
    if (segStart == at) {
      return; // "//": separators collapse
    }
    if (nseg == 0 && driveInUrlPath(segStart, at)) {
      startRooted(at); // /C:/inetpub/…: a drive written as a URL's path (file:///C:/…), rooted at the drive
      return;
    }
    if (isSpace(s.charAt(at - 1))) {
      segment(segStart, at, false); // "/bin/cat /etc/passwd": a new path begins
      resetPath();
      startRooted(at);
      return;
    }
    segment(segStart, at, true);
  }

  /** Whether the first segment {@code [segStart, at)} of a rooted path is a drive ({@code /C:/}), not a name. */
  private boolean driveInUrlPath(int segStart, int at) {
    return kind == ROOTED && !drive && at - segStart == 2 && s.charAt(at - 1) == ':' && isLetter(s.charAt(segStart));
  }

  /** A rooted path begins at the separator at {@code at}; what precedes it says which kind. */
  private void startRooted(int at) {
    resetPath();
    kind = ROOTED;
    if (at >= 2 && s.charAt(at - 1) == ':') {
      char d = s.charAt(at - 2);
      if (isLetter(d) && (at < 3 || !isAlnum(s.charAt(at - 3)))) {
        drive = true;
      } else if (at + 1 < n && sepWidth(s, at + 1) == 1 && !schemeIs(at - 1, "file")) {
        kind = URL;
        inAuthority = true;
      }
    } else if (at >= 1 && s.charAt(at - 1) == '~') {
      // ~/ is expanded by shells only, and "cat ~/.ssh/id_rsa.pub" is a common instruction: a relative path
      kind = RELATIVE;
      nseg = 1;
    }
  }

  private void resetPath() {
    if (kind == NONE) {
      return; // nothing set since the last reset: a path only sets its fields after its kind
    }
    kind = NONE;
    namedInPath = false;
    drive = false;
    inAuthority = false;
    nseg = 0;
    seg1 = 0;
    prev = 0;
    acc = 0;
  }

  private void endPath(int segStart, int at) {
    if (kind != NONE && segStart < at) {
      segment(segStart, firstWordEnd(segStart, at), false);
    }
    resetPath();
  }

  /** One segment {@code [a, b)} of the current path; {@code closed} when a separator follows it. */
  private void segment(int a, int b, boolean closed) {
    if (a >= b) {
      return;
    }
    if (inAuthority) {
      inAuthority = false;
      return;
    }
    int up = upSegment(a, b);
    if (up == 2) {
      if (closed || sepBefore(a)) {
        ups++;
        int keep = kind;
        resetPath();
        kind = keep == URL ? URL : CLIMBED;
      }
      return;
    }
    if (up == 1) {
      return; // "." does not count
    }
    nseg++;
    // in URLs and relative paths only whole names matter before the last segment (pairs, a secret file last)
    int flags = classify(a, b, kind == URL || kind == RELATIVE && closed);
    if (nseg == 1) {
      seg1 = flags;
    }
    judge(flags, !closed);
    acc |= flags;
    prev = flags;
  }

  /** Applies the rules to the segment just read, the {@code nseg}-th of its path. */
  private void judge(int flags, boolean tail) {
    // pairs, wherever the path begins: etc/passwd, proc/self, WEB-INF/x, .aws/x, windows/win.ini
    if (nseg >= 2) {
      if ((prev & PathNames.ETC) != 0 && (flags & PathNames.ETC_FILE) != 0
          || (prev & PathNames.PROC) != 0 && (flags & (PathNames.SELF | PathNames.DIGITS)) != 0) {
        hit(SENSITIVE, 85);
      }
      if ((prev & PathNames.PAIR_PARENT) != 0 && (flags & PathNames.PUBLIC_KEY) == 0) {
        hit(SENSITIVE, 80);
      }
      if ((prev & PathNames.ROOT_WINDOWS) != 0 && kind != URL
          && (flags & (PathNames.SECRET_FILE | PathNames.CONF_FILE | PathNames.ROOT_WINDOWS)) != 0) {
        hit(SENSITIVE, 80);
      }
    }
    if (kind == URL) {
      return;
    }
    boolean rooted = kind == ROOTED || kind == CLIMBED;
    if (tail && (flags & PathNames.SECRET_FILE) != 0) {
      hit(SENSITIVE, rooted ? 85 : 75); // .htpasswd, id_rsa, web.config, wp-config.php in any path
    }
    if (!rooted) {
      return;
    }
    if (nseg == 2) {
      if ((seg1 & (PathNames.ROOT_SECRET | PathNames.ROOT_WINDOWS)) != 0) {
        hit(SENSITIVE, 85); // /etc/x, /proc/x, /root/x, C:\Windows\x
      }
      if ((seg1 & PathNames.SOFTWARE) != 0) {
        hit(SENSITIVE, 75); // C:\xampp\x, /apache2/x
      }
      if ((seg1 & PathNames.VAR) != 0) {
        hit(SENSITIVE, (flags & (PathNames.LOG_DIR | PathNames.LAMBDA | PathNames.ADM)) != 0 ? 85 : 70);
      }
      if ((seg1 & PathNames.OPT) != 0 && (flags & PathNames.LAMBDA) != 0) {
        hit(SENSITIVE, 80); // /opt/extensions
      }
    }
    if (nseg >= 2 && (seg1 & (PathNames.ROOT_SYSTEM | PathNames.USERS | PathNames.PROGRAMS
        | PathNames.LOG_DIR)) != 0) {
      // system trees: /usr/local/apache2/..., /home/x/.bashrc, \Program Files\...\conf\httpd.conf
      if ((flags & (PathNames.SOFTWARE | PathNames.SECRET_FILE)) != 0
          || (seg1 & PathNames.ROOT_SYSTEM) != 0 && (flags & PathNames.STRONG_DIR) != 0
          || tail && (flags & PathNames.CONF_FILE) != 0) {
        hit(SENSITIVE, 75);
      }
    }
    if (tail && (flags & PathNames.CONF_FILE) != 0) {
      if (nseg >= 2 && ((acc | seg1) & (PathNames.SOFTWARE | PathNames.CONF_DIR | PathNames.ROOT_SECRET
          | PathNames.ROOT_WINDOWS | PathNames.ROOT_SYSTEM | PathNames.USERS | PathNames.PROGRAMS)) != 0) {
        hit(SENSITIVE, 75); // a configuration or log file below a known place
      } else if (nseg == 1 && (drive || kind == CLIMBED || (flags & PathNames.DOTFILE) != 0)) {
        hit(SENSITIVE, 70); // C:\sysprep.inf, ../app.log, /.logout
      }
    }
  }

  /**
   * {@code 2} for a climb: two or more dots and nothing else but a few bytes left over from broken encodings
   * ({@code ..}, {@code ....}, {@code ..;}, {@code ..%}, {@code À.À.}); {@code 1} for {@code .}; else 0.
   */
  private int upSegment(int a, int b) {
    int dots = 0;
    int other = 0;
    int i = a;
    while (i < b) {
      int w = dotWidth(s, i);
      if (w > 0) {
        dots++;
        i += w;
        continue;
      }
      char c = s.charAt(i);
      if (isSpace(c) || isAlnum(c) || c >= 0x100 && Character.isLetterOrDigit(c)) {
        return 0;
      }
      other++;
      i++;
    }
    if (dots >= 2 && other <= dots + 1) {
      return 2;
    }
    return dots == 1 && other == 0 ? 1 : 0;
  }

  private boolean sepBefore(int a) {
    return a >= 1 && sepWidth(s, a - 1) == 1 || a >= 4 && sepWidth(s, a - 4) == 4;
  }

  private int lastWordStart(int from, int to) {
    return lastSpace >= from && lastSpace < to ? lastSpace + 1 : from;
  }

  private int firstWordEnd(int from, int to) {
    int i = from;
    while (i < to && isSpace(s.charAt(i))) {
      i++;
    }
    while (i < to && !isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private boolean schemeIs(int colon, String name) {
    int start = colon - name.length();
    return start >= 0 && s.regionMatches(true, start, name, 0, name.length())
        && (start == 0 || !isAlnum(s.charAt(start - 1)));
  }

  /**
   * {@code php://}, {@code file:/}, {@code zip://}, {@code jar:x:}: a stream wrapper or archive scheme ending at the
   * colon at {@code colon}.
   */
  private void wrapper(int colon) {
    if (!mayEndWrapper(colon)) {
      return; // "http:", "Price:": most colons, told by the three characters before them
    }
    int start = colon;
    while (start > 0 && colon - start < 16 && isSchemeChar(s.charAt(start - 1))) {
      start--;
    }
    int len = colon - start;
    if (len < 3 || start > 0 && isAlnum(s.charAt(start - 1))) {
      return;
    }
    boolean slash = colon + 1 < n && sepWidth(s, colon + 1) == 1;
    boolean slashes = slash && colon + 2 < n && sepWidth(s, colon + 2) == 1;
    int score = switch (s.charAt(start) | 0x20) {
      case 'p' -> slashes && (is(start, len, "php") || is(start, len, "phar")) ? 90 : 0;
      case 'e' -> slashes && is(start, len, "expect") ? 90 : 0;
      case 'z' -> slashes && is(start, len, "zip") || slash && is(start, len, "zlib") ? 90 : 0;
      case 'g' -> slashes && is(start, len, "glob") ? 90 : 0;
      case 'r' -> slashes && is(start, len, "rar") ? 90 : 0;
      case 'o' -> slashes && is(start, len, "ogg") ? 90 : 0;
      case 'c' -> slashes && (is(start, len, "compress.zlib") || is(start, len, "compress.bzip2")) ? 90 : 0;
      case 's' -> is(start, len, "ssh2.shell") || is(start, len, "ssh2.exec") || is(start, len, "ssh2.sftp")
          ? 90 : 0;
      case 'f' -> slash && is(start, len, "file") ? 85 : 0;
      case 'n' -> slash && is(start, len, "netdoc") ? 85 : 0;
      case 'j' -> is(start, len, "jar") && isSchemeAt(colon + 1) ? 80 : 0; // jar:file:..., jar:http://...
      // data:// is PHP's; it also reads data:text/plain,<?php ... (RFC 2397)
      case 'd' -> !is(start, len, "data") ? 0 : slashes ? 90
          : s.regionMatches(true, colon + 1, "text/plain", 0, 10) ? 75 : 0;
      default -> 0;
    };
    if (score > 0) {
      hit(WRAPPER, score);
    }
  }

  /** The highest score of {@link #WEAK_WRAPPERS}: once reached, only the others can raise the finding. */
  private static final int MAX_WEAK_WRAPPER = 85;
  /**
   * The last three characters of each of {@link #WRAPPERS}, packed as {@link #lastThree} packs them, as bits of a
   * 4096-bit filter ({@link #slot}): a colon whose three characters have no bit set ends no wrapper; one that has
   * is read in full, so a false hit costs only that read.
   */
  private static final long[] WRAPPER_ENDS = wrapperEnds(true);
  /**
   * The same for the wrappers that may score {@link #MAX_WRAPPER}: once a {@code file:/} scored, a flood of them
   * costs no read back per colon.
   */
  private static final long[] STRONG_WRAPPER_ENDS = wrapperEnds(false);

  private static long[] wrapperEnds(boolean withWeak) {
    long[] bits = new long[64];
    for (String wrapper : WRAPPERS) {
      if (!withWeak && WEAK_WRAPPERS.contains(wrapper)) {
        continue;
      }
      int slot = slot(lastThree(wrapper, wrapper.length()));
      bits[slot >>> 6] |= 1L << slot;
    }
    return bits;
  }

  /** The bit of packed characters in {@link #WRAPPER_ENDS}: the top 12 bits of a multiplicative hash. */
  private static int slot(int packed) {
    return packed * 0x9E3779B1 >>> 20;
  }

  /** The three characters before {@code end}, ASCII letters in lower case, packed; -1 if one is not ASCII. */
  private static int lastThree(String s, int end) {
    char a = s.charAt(end - 3);
    char b = s.charAt(end - 2);
    char c = s.charAt(end - 1);
    return (a | b | c) >= 128 ? -1 : (a | 0x20) << 16 | (b | 0x20) << 8 | (c | 0x20);
  }

  /**
   * Whether a scheme {@link #wrapper} scores above the finding so far may end at {@code colon}: each is of ASCII
   * characters and at least three long, so its last three, in any case, are those of one of them. A page of links
   * costs a look-up per colon rather than a read back over each scheme.
   */
  private boolean mayEndWrapper(int colon) {
    char last = colon < 3 ? ' ' : s.charAt(colon - 1);
    if (last >= 128 || !WRAPPER_LAST[last] || bestScore >= MAX_WRAPPER) {
      return false; // no wrapper ends so, or none scores more
    }
    int end = lastThree(s, colon);
    if (end < 0) {
      return false;
    }
    int slot = slot(end);
    long[] ends = bestScore >= MAX_WEAK_WRAPPER ? STRONG_WRAPPER_ENDS : WRAPPER_ENDS;
    return (ends[slot >>> 6] & 1L << slot) != 0;
  }

  private boolean isSchemeAt(int at) {
    int i = at;
    while (i < n && i - at < 16 && isSchemeChar(s.charAt(i))) {
      i++;
    }
    return i > at && i < n && s.charAt(i) == ':';
  }

  private boolean is(int start, int len, String name) {
    return len == name.length() && s.regionMatches(true, start, name, 0, len);
  }

  /** {@code \\host\share}, {@code \\?\C:\}, {@code \\.\pipe\}: a UNC or device path at the start. */
  private void unc() {
    int i = 0;
    while (i < n && s.charAt(i) == ' ') {
      i++;
    }
    if (i + 3 >= n || s.charAt(i) != '\\' || s.charAt(i + 1) != '\\') {
      return;
    }
    char c = s.charAt(i + 2);
    if ((c == '?' || c == '.') && s.charAt(i + 3) == '\\') {
      hit(UNC, 90);
    } else if (isAlnum(c) || c == '[') {
      for (int end = i + 3; end < n && end - i < 300; end++) {
        char e = s.charAt(end);
        if (e == '\\' || e == '/') {
          hit(UNC, 70);
          return;
        }
        if (isSpace(e)) {
          return;
        }
      }
    }
  }
}
