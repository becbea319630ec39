package dev.lambdaguard.auth.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A compiled route pattern in API Gateway's syntax: {@code METHOD /literal/{param}/{greedy+}}, method
 * {@code ANY} for all. Matching is linear in the path and never uses regular expressions. A path with
 * {@code .} or {@code ..} segments matches nothing, so a traversal cannot reach a listed route's rules.
 */
public final class RoutePattern {

  private static final Set<String> METHODS =
      Set.of("ANY", "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private final String method;
  private final String[] segments;
  private final boolean greedyTail;

  private RoutePattern(String method, String[] segments, boolean greedyTail) {
    this.method = method;
    this.segments = segments;
    this.greedyTail = greedyTail;
  }

  /** Compiles a route; a malformed one fails with a message naming it. */
  public static RoutePattern compile(String route) {
    int space = route == null ? -1 : route.indexOf(' ');
    if (space <= 0 || !route.startsWith("/", space + 1)) {
      throw new IllegalArgumentException("route must be 'METHOD /path': " + route);
    }
    String method = route.substring(0, space).toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException("unknown method in route: " + route);
    }
    List<String> parts = segmentsOf(route.substring(space + 1));
    boolean greedy = false;
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (part.startsWith("{") && part.endsWith("+}")) {
        if (i != parts.size() - 1) {
          throw new IllegalArgumentException("a greedy {param+} must be the last segment: " + route);
        }
        greedy = true;
      } else if (part.contains("{") || part.contains("}")) {
        if (!(part.startsWith("{") && part.endsWith("}") && part.length() > 2)) {
          throw new IllegalArgumentException("a path parameter is a whole segment {name}: " + route);
        }
      }
    }
    return new RoutePattern(method, parts.toArray(new String[0]), greedy);
  }

  /**
   * Whether a path could mean another path once a handler or framework normalizes or decodes it: dot
   * segments ({@code .}, {@code ..}, also percent-encoded) and encoded or backward slashes. Such a path is
   * matched against no route.
   */
  public static boolean isAmbiguous(String path) {
    if (path.indexOf('\\') >= 0) {
      return true;
    }
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.contains("%2f") || lower.contains("%5c")) {
      return true;
    }
    for (String part : segmentsOf(lower)) {
      String decoded = part.replace("%2e", ".");
      if (decoded.equals(".") || decoded.equals("..")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The path as a handler would read it after normalizing: percent-encoded unreserved characters decoded
   * ({@code %6C} is {@code l}), empty and {@code .} segments dropped, {@code ..} removing the segment before
   * it (RFC 3986 §5.2.4). Encoded slashes stay encoded. Linear; for rate limits, which must not be escaped.
   */
  public static String normalize(String path) {
    StringBuilder decoded = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%' && i + 2 < path.length()) {
        int hi = Character.digit(path.charAt(i + 1), 16);
        int lo = Character.digit(path.charAt(i + 2), 16);
        char d = hi >= 0 && lo >= 0 ? (char) (hi * 16 + lo) : 0;
        if ((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') || (d >= '0' && d <= '9') || d == '-' || d == '.'
            || d == '_' || d == '~') {
          decoded.append(d);
          i += 2;
          continue;
        }
      }
      decoded.append(c == '\\' ? '/' : c);
    }
    java.util.ArrayDeque<String> out = new java.util.ArrayDeque<>();
    for (String part : segmentsOf(decoded.toString())) {
      if (part.equals("..")) {
        out.pollLast();
      } else if (!part.equals(".")) {
        out.addLast(part);
      }
    }
    return "/" + String.join("/", out);
  }

  /**
   * Orders patterns most specific first, as API Gateway chooses routes: a literal segment before a
   * {@code {param}}, a {@code {param}} before a greedy {@code {proxy+}}, a method before {@code ANY}.
   */
  public static int bySpecificity(RoutePattern a, RoutePattern b) {
    int n = Math.min(a.segments.length, b.segments.length);
    for (int i = 0; i < n; i++) {
      int diff = a.rank(i) - b.rank(i);
      if (diff != 0) {
        return diff;
      }
    }
    if (a.segments.length != b.segments.length) {
      return b.segments.length - a.segments.length;
    }
    return Boolean.compare(a.method.equals("ANY"), b.method.equals("ANY"));
  }

  private int rank(int i) {
    String segment = segments[i];
    if (!segment.startsWith("{")) {
      return 0;
    }
    return segment.endsWith("+}") ? 2 : 1;
  }

  /**
   * Whether a request matches, given its path's {@linkplain #segmentsOf segments}: callers try many patterns, so
   * they split the path once, and refuse an {@linkplain #isAmbiguous ambiguous} path before asking.
   */
  public boolean matches(String requestMethod, List<String> parts) {
    if (!method.equals("ANY") && !method.equals(requestMethod)) {
      return false;
    }
    int fixed = greedyTail ? segments.length - 1 : segments.length;
    if (greedyTail ? parts.size() <= fixed : parts.size() != fixed) {
      return false;
    }
    for (int i = 0; i < fixed; i++) {
      String segment = segments[i];
      if (!(segment.startsWith("{") || segment.equals(parts.get(i)))) {
        return false;
      }
    }
    return true;
  }

  /** The path's non-empty segments. */
  public static List<String> segmentsOf(String path) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    int n = path.length();
    while (start <= n) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = n;
      }
      if (end > start) {
        parts.add(path.substring(start, end));
      }
      start = end + 1;
    }
    return parts;
  }
}
