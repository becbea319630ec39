package dev.lambdaguard.input.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One URL authority, read the ways URL parsers read it: the WHATWG parser ends it at a backslash (special
 * schemes) or {@code #} and takes the host after the last {@code @}; lenient parsers take the text after the last
 * {@code @} of the whole authority; broken ones a piece before it. {@link SsrfDetector} judges every host these
 * readings give and counts the worst. An authority is read once, at most {@link #MAX_AUTHORITY} characters.
 *
 * @param end where the authority ends in the value (the scan resumes there)
 * @param primary the {@code host[:port]} a conforming parser takes
 * @param others the other readings, without repeats; empty when there is nothing to disagree about (no
 *     {@code @}, backslash or {@code #})
 */
record SsrfAuthority(int end, String primary, List<String> others) {

  /** Longest authority read (a DNS name is at most 253 characters; userinfo and port add some). */
  static final int MAX_AUTHORITY = 512;

  /** What ends an authority (a comma only outside brackets), and the brackets. */
  private static final boolean[] STOPS = new boolean[128];

  static {
    for (char c = 0; c <= ' '; c++) {
      STOPS[c] = true;
    }
    for (char c : "/?\"'<>`{}|^,[]".toCharArray()) {
      STOPS[c] = true;
    }
  }

  /** A host and its port (-1 when none or not a number). */
  record HostPort(String host, int port) {}

  /**
   * The authority starting at {@code a} in {@code s}, or null when it is empty.
   *
   * @param backslashEnds whether a backslash ends the authority for a conforming parser (special schemes)
   */
  static SsrfAuthority read(String s, int a, boolean backslashEnds) {
    int end = end(s, a);
    if (end == a) {
      return null;
    }
    // IDNA reads the ideographic full stops U+3002 and U+FF61 as dots
    String auth = s.substring(a, end).toLowerCase(Locale.ROOT).replace('\u3002', '.').replace('\uff61', '.');
    int cut = auth.length();
    for (int k = 0; k < auth.length(); k++) {
      char c = auth.charAt(k);
      if (c == '#' || c == '\\' && backslashEnds) {
        cut = k;
        break;
      }
    }
    String primary = afterLastAt(auth.substring(0, cut));
    if (cut == auth.length() && auth.indexOf('@') < 0) {
      return new SsrfAuthority(end, primary, List.of());
    }
    List<String> others = new ArrayList<>(4);
    String lenient = afterLastAt(auth);
    if (!lenient.equals(primary)) {
      others.add(lenient);
    }
    int from = 0;
    for (int k = 0; k <= auth.length(); k++) {
      if (k == auth.length() || auth.charAt(k) == '@' || auth.charAt(k) == '\\' || auth.charAt(k) == '#') {
        String piece = auth.substring(from, k);
        if (!piece.isEmpty() && !piece.equals(primary) && !others.contains(piece)) {
          others.add(piece);
        }
        from = k + 1;
      }
    }
    return new SsrfAuthority(end, primary, List.copyOf(others));
  }

  /**
   * Where the host of the authority {@code s[a, end)} ends (its colon, or {@code end}) when every parser reads the
   * authority alike, as {@link #read} and {@link #split} would: letters, digits, {@code .-_} and at most one colon
   * (the port), so one reading only, in lower case only by ASCII folding; -1 for any other authority.
   */
  static int plainHostEnd(String s, int a, int end) {
    int colon = -1;
    for (int i = a; i < end; i++) {
      char c = s.charAt(i);
      if (c == ':') {
        if (colon >= 0) {
          return -1;
        }
        colon = i;
      } else if (!(isLetter(c) || isDigit(c) || c == '.' || c == '-' || c == '_')) {
        return -1;
      }
    }
    return colon >= 0 ? colon : end;
  }

  /** Where the authority starting at {@code a} ends: at {@code /}, {@code ?}, a space, a quote, ... */
  static int end(String s, int a) {
    int n = s.length();
    int end = a;
    boolean bracket = false;
    while (end < n && end - a < MAX_AUTHORITY) {
      char c = s.charAt(end);
      if (c < 128 && STOPS[c]) {
        if (c == '[') {
          bracket = true;
        } else if (c == ']') {
          bracket = false;
        } else if (c != ',' || !bracket) {
          break;
        }
      }
      end++;
    }
    return end;
  }

  /**
   * Splits {@code host[:port]}: a bracketed IPv6 address, a name or IPv4 address with one colon, or an
   * unbracketed IPv6 address, read with and without its last group as a port (the reading that points further
   * inside wins). A {@code !} ends the host ({@code jar:http://host!/entry}).
   */
  static HostPort split(String hostPort) {
    int bang = hostPort.indexOf('!');
    String host = bang >= 0 ? hostPort.substring(0, bang) : hostPort;
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      int port = -1;
      if (close > 0 && close + 1 < host.length() && host.charAt(close + 1) == ':') {
        port = parsePort(host, close + 2, host.length());
      }
      return new HostPort(close > 0 ? host.substring(0, close + 1) : host, port);
    }
    int colons = count(host, ':');
    if (colons == 1) {
      int colon = host.indexOf(':');
      return new HostPort(host.substring(0, colon), parsePort(host, colon + 1, host.length()));
    }
    if (colons >= 2) {
      int last = host.lastIndexOf(':');
      int withoutPort = SsrfHost.classify(host.substring(0, last)) & SsrfHost.CLASS_MASK;
      int whole = SsrfHost.classify(host) & SsrfHost.CLASS_MASK;
      if (withoutPort >= whole) {
        return new HostPort(host.substring(0, last), parsePort(host, last + 1, host.length()));
      }
    }
    return new HostPort(host, -1);
  }

  private static String afterLastAt(String auth) {
    int at = auth.lastIndexOf('@');
    return at < 0 ? auth : auth.substring(at + 1);
  }

  /** Up to 64 characters of the path following an authority, lower case. */
  static String pathOf(String s, int from) {
    int to = Math.min(s.length(), from + 64);
    return s.substring(from, to).toLowerCase(Locale.ROOT);
  }

  /** A port number, or -1 when the text is not one. */
  static int parsePort(String s, int from, int to) {
    if (from >= to || to - from > 5) {
      return -1;
    }
    int port = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      port = port * 10 + (c - '0');
    }
    return port;
  }

  static int count(String s, char c) {
    int k = 0;
    for (int i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) {
      k++;
    }
    return k;
  }

  static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
