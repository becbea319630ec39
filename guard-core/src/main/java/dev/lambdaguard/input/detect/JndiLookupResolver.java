package dev.lambdaguard.input.detect;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Resolves the {@code ${…}} lookups of one value the way Log4j 2's substitutor would, in bounded linear time, and
 * notes what the resolution reveals. Inner lookups are resolved first and their result replaces them in the outer
 * text; then:
 *
 * <ul>
 *   <li>{@code name:-default}: Log4j splits on the first {@code :-}; when the name is a lookup we evaluate
 *       ({@code lower:}, {@code upper:}, {@code date:}) it wins, otherwise the lookup is taken to fail (as
 *       {@code ${::-j}} and {@code ${env:NaN:-j}} do) and the default is the result;
 *   <li>{@code lower:x} / {@code upper:x}: the key in lower / upper case (the prefix is case-insensitive, as in
 *       Log4j); {@code date:'x'}: the quoted literals of the pattern (pattern letters become {@code 0});
 *       {@code base64:x}: the decoded text; a result that holds a lookup of its own is resolved again, as Log4j
 *       substitutes results;
 *   <li>anything else stays as it was, {@code ${…}} included, as Log4j leaves an unresolved lookup.
 * </ul>
 *
 * A level whose resolved text contains {@code jndi:} is a JNDI lookup: direct when the value spelled it, nested
 * when only resolution produced it. An unterminated expression at the end of the value is resolved as if closed
 * (payloads are often truncated). One instance per value; not thread-safe.
 */
final class JndiLookupResolver {

  static final int NONE = 0;
  static final int ENV = 1;
  static final int NESTED = 2;
  static final int DIRECT = 3;

  /** Nesting levels resolved; a {@code ${} deeper than this is kept as plain text. */
  static final int MAX_DEPTH = 8;
  /** Characters kept per level; further characters are read (to find the closing brace) but not kept. */
  static final int MAX_LEVEL_CHARS = 512;

  private static final String[] PROTOCOLS = {
    "ldap:", "ldaps:", "rmi:", "dns:", "iiop:", "iiopname:", "corbaname:", "corba:", "nds:", "nis:", "http:",
    "https:"
  };
  /** Lookups that read the environment, system properties or runtime context. */
  private static final String[] CONTEXT_LOOKUPS = {
    "env", "sys", "java", "ctx", "main", "bundle", "docker", "k8s", "kubernetes", "spring", "web", "jvmrunargs",
    "log4j", "map", "sd", "marker", "event"
  };
  private static final String[] SECRET_WORDS = {"SECRET", "TOKEN", "PASSWORD", "PASSWD", "KEY", "CREDENTIAL"};

  /** Places {@link #nextLookup} reads one by one before it searches. */
  private static final int NEAR = 16;

  /** Times a lookup's result is resolved again ({@code ${base64:…}} spelling a lookup), one inside the other. */
  private static final int MAX_RESUBSTITUTIONS = 2;

  private final String s;
  /** How many results this resolver is nested in: it resolves a result again only below the limit. */
  private final int resubstitution;
  private final StringBuilder[] levels = new StringBuilder[MAX_DEPTH];
  private final int[] rawStart = new int[MAX_DEPTH];
  private int finding = NONE;
  private boolean knownProtocol;

  JndiLookupResolver(String s) {
    this(s, 0);
  }

  private JndiLookupResolver(String s, int resubstitution) {
    this.s = s;
    this.resubstitution = resubstitution;
  }

  /** Resolves every top-level expression; returns the strongest finding ({@link #NONE} … {@link #DIRECT}). */
  int resolve() {
    int i = Substrings.indexOf(s, "${", 0);
    while (i >= 0 && finding != DIRECT) {
      int end = plainEnd(i + 2);
      if (end < 0) {
        end = resolveFrom(i);
      }
      i = nextLookup(end);
    }
    return finding;
  }

  /**
   * The index after the top-level expression whose text starts at {@code from} when that text has neither a colon
   * nor a {@code ${} before its {@code }} (or the end of the value), else -1. Resolving such an expression changes
   * nothing: every rule and every evaluated lookup reads a colon, and no level above reads a top-level result; so a
   * flood of {@code ${7*7}} is only read, not copied into a level.
   */
  private int plainEnd(int from) {
    int n = s.length();
    for (int k = from; k < n; k++) {
      char c = s.charAt(k);
      if (c == '}') {
        return k + 1;
      }
      if (c == ':' || c == '$' && k + 1 < n && s.charAt(k + 1) == '{') {
        return -1;
      }
    }
    return n;
  }

  /**
   * The next {@code ${} at or after {@code from}, -1 for none: the next few places first, then a search. Where
   * lookups follow one another, a search call per lookup cost more than the lookup.
   */
  private int nextLookup(int from) {
    int near = Math.min(s.length(), from + NEAR);
    int k = nextOpen(from, near);
    return k < near ? k : Substrings.indexOf(s, "${", near);
  }

  /** For a {@link #DIRECT} finding: whether the protocol after {@code jndi:} is a remote one we know. */
  boolean knownProtocol() {
    return knownProtocol;
  }

  /** Resolves the expression opening at {@code start}; returns the index after it. */
  private int resolveFrom(int start) {
    int n = s.length();
    int depth = 0;
    int overflow = 0;
    open(0, start + 2);
    int j = start + 2;
    int nextClose = -1; // where the next } is, once looked up; valid while at or after j
    while (j < n) {
      if (levels[depth].length() >= MAX_LEVEL_CHARS) {
        // this level keeps no more characters: only the next ${ or } can change anything, so jump there
        if (nextClose < j) {
          nextClose = orEnd(s.indexOf('}', j), n);
        }
        if (nextClose == n && (overflow > 0 || depth + 1 >= MAX_DEPTH)) {
          // a ${ can only be counted, and no } is left to close anything: only a lookup spelled there counts
          for (int k = nextOpen(j, n); k < n && finding != DIRECT; k = nextOpen(k + 2, n)) {
            droppedLookup(k);
          }
          break;
        }
        j = nextOpen(j, nextClose);
        if (j == n) {
          break;
        }
      }
      char c = s.charAt(j);
      if (c == '$' && j + 1 < n && s.charAt(j + 1) == '{') {
        if (overflow == 0 && depth + 1 < MAX_DEPTH) {
          depth++;
          open(depth, j + 2);
        } else {
          overflow++;
          if (levels[depth].length() >= MAX_LEVEL_CHARS) {
            droppedLookup(j);
          }
          append(depth, "${");
        }
        j += 2;
        continue;
      }
      if (c == '}') {
        if (overflow > 0) {
          overflow--;
          append(depth, "}");
        } else {
          substitute(depth);
          if (depth == 0) {
            return j + 1;
          }
          depth--;
        }
        j++;
        continue;
      }
      StringBuilder level = levels[depth];
      if (level.length() < MAX_LEVEL_CHARS) {
        level.append(c);
      }
      j++;
    }
    for (; depth >= 0; depth--) {
      substitute(depth);
    }
    return n;
  }

  /**
   * The next {@code ${} at or after {@code j}, or {@code limit} (the next {@code }}) when none comes first: a
   * plain loop, as in a run of {@code ${${${…} a search per dollar sign cost more than it skipped, and it stops at
   * {@code limit}, so that each character is read once between two closing braces.
   */
  private int nextOpen(int j, int limit) {
    int last = Math.min(limit, s.length() - 1);
    for (int k = j; k < last; k++) {
      if (s.charAt(k) == '$' && s.charAt(k + 1) == '{') {
        return k;
      }
    }
    return limit;
  }

  /**
   * A {@code ${jndi:…}} at {@code at} that no level keeps (nested too deep, behind a full level): Log4j takes an
   * outer {@code ${} without its {@code }} for text and looks the inner one up all the same, so padding it behind a
   * flood of unclosed lookups does not hide it.
   */
  private void droppedLookup(int at) {
    if (finding != DIRECT && at + 7 <= s.length() && (s.charAt(at + 2) | 0x20) == 'j'
        && s.regionMatches(true, at + 2, "jndi:", 0, 5)) {
      note(DIRECT);
      knownProtocol |= startsWithProtocol(s, at + 7);
    }
  }

  private static int orEnd(int index, int n) {
    return index < 0 ? n : index;
  }

  private void open(int depth, int raw) {
    if (levels[depth] == null) {
      levels[depth] = new StringBuilder(32);
    }
    levels[depth].setLength(0);
    rawStart[depth] = raw;
  }

  private void append(int depth, CharSequence text) {
    StringBuilder level = levels[depth];
    int room = MAX_LEVEL_CHARS - level.length();
    if (room > 0) {
      level.append(text, 0, Math.min(room, text.length()));
    }
  }

  /**
   * Evaluates the lookup whose (already inner-resolved) text is at this level, notes what it reveals, and appends
   * the value Log4j would substitute for it to the level above (none at level 0: nothing reads that value).
   */
  private void substitute(int depth) {
    StringBuilder level = levels[depth];
    if (level.indexOf(":") < 0) {
      // every rule and every evaluated lookup reads a colon (jndi:, lower:, :-): without one the lookup stays as
      // it was, copied without a string of its own, so a flood of ${7*7} or ${${a}} allocates nothing per lookup
      if (depth > 0) {
        appendUnresolved(depth - 1, level);
      }
      return;
    }
    String content = level.toString();
    int jndi = indexOfIgnoreCase(content, "jndi:");
    if (jndi >= 0) {
      boolean direct = jndi == 0 && s.regionMatches(true, rawStart[depth], "jndi:", 0, 5);
      note(direct ? DIRECT : NESTED);
      if (direct) {
        knownProtocol |= startsWithProtocol(content, jndi + 5);
      }
    }
    int dash = content.indexOf(":-");
    String name = dash >= 0 ? content.substring(0, dash) : content;
    String value = null;
    int colon = name.indexOf(':');
    if (colon > 0) {
      String key = name.substring(colon + 1);
      if (prefixIs(name, colon, "lower")) {
        value = key.toLowerCase(Locale.ROOT);
      } else if (prefixIs(name, colon, "upper")) {
        value = key.toUpperCase(Locale.ROOT);
      } else if (prefixIs(name, colon, "date")) {
        value = dateLiterals(key);
      } else if (prefixIs(name, colon, "base64")) {
        value = base64(key);
      } else if (isContextLookup(name, colon) && (depth > 0 || namesSecret(key))) {
        note(ENV);
      }
    }
    if (value != null) {
      resubstitute(value);
    }
    if (depth == 0) {
      return;
    }
    if (value != null) {
      append(depth - 1, value);
    } else if (dash >= 0) {
      append(depth - 1, content.substring(dash + 2));
    } else {
      appendUnresolved(depth - 1, content);
    }
  }

  /** Appends {@code ${content}}: a lookup Log4j leaves unresolved stays in the text as it was written. */
  private void appendUnresolved(int depth, CharSequence content) {
    append(depth, "${");
    append(depth, content);
    append(depth, "}");
  }

  /**
   * Log4j substitutes a lookup's result again: {@code ${base64:JHtqbmRp…}} decodes to {@code ${jndi:…}}, which is
   * then looked up. A result with a {@code ${} of its own is resolved as a value of its own (at most
   * {@value #MAX_RESUBSTITUTIONS} deep; a result is at most {@value #MAX_LEVEL_CHARS} characters, so the work stays
   * linear); a JNDI lookup found there is one the value did not spell: nested.
   */
  private void resubstitute(String value) {
    if (resubstitution >= MAX_RESUBSTITUTIONS || value.indexOf("${") < 0) {
      return;
    }
    int inner = new JndiLookupResolver(value, resubstitution + 1).resolve();
    note(inner == DIRECT ? NESTED : inner);
  }

  private void note(int f) {
    if (f > finding) {
      finding = f;
    }
  }

  private static boolean prefixIs(String name, int colon, String prefix) {
    return colon == prefix.length() && name.regionMatches(true, 0, prefix, 0, colon);
  }

  private static boolean isContextLookup(String name, int colon) {
    for (String lookup : CONTEXT_LOOKUPS) {
      if (prefixIs(name, colon, lookup)) {
        return true;
      }
    }
    return false;
  }

  private static boolean namesSecret(String key) {
    String upper = key.toUpperCase(Locale.ROOT);
    if (upper.startsWith("AWS_")) {
      return true;
    }
    for (String word : SECRET_WORDS) {
      if (upper.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithProtocol(String content, int at) {
    for (String protocol : PROTOCOLS) {
      if (content.regionMatches(true, at, protocol, 0, protocol.length())) {
        return true;
      }
    }
    return false;
  }

  /** The text a {@code base64:} lookup decodes to (as ISO-8859-1, enough to spell a keyword), or null. */
  private static String base64(String key) {
    try {
      return new String(Base64.getDecoder().decode(key.trim()), StandardCharsets.ISO_8859_1);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A {@code SimpleDateFormat} pattern's literal text: quoted runs and non-letters; pattern letters as 0. */
  static String dateLiterals(String pattern) {
    StringBuilder out = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
          out.append('\'');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (quoted || !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        out.append(c);
      } else {
        out.append('0');
      }
    }
    return out.toString();
  }

  static int indexOfIgnoreCase(String text, String lowerNeedle) {
    int max = text.length() - lowerNeedle.length();
    char first = lowerNeedle.charAt(0);
    for (int i = 0; i <= max; i++) {
      char c = text.charAt(i);
      if ((c == first || Character.toLowerCase(c) == first)
          && text.regionMatches(true, i, lowerNeedle, 0, lowerNeedle.length())) {
        return i;
      }
    }
    return -1;
  }
}
