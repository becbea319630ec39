package dev.lambdaguard.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A set of versions in Maven's range syntax, as the enforcer reads it: {@code [1.0,2.0)} (1.0 included, 2.0
 * not), {@code (,1.2.17]} (anything up to 1.2.17), {@code [2.0,)}, an exact {@code [1.5]}, and unions of such
 * ranges separated by commas, {@code [2.0-beta9,2.3.2),[2.4,2.12.4)}, which must be in ascending order and must not
 * overlap (Maven refuses them otherwise, so this does too). A bare version ({@code 1.0}) is refused: to Maven it
 * is a recommendation, which matches every version, never what an advisory means. Immutable.
 */
public final class VersionRange {

  private record Interval(MavenVersion lower, boolean lowerIncluded, MavenVersion upper, boolean upperIncluded) {
    boolean contains(MavenVersion v) {
      if (lower != null) {
        int c = v.compareTo(lower);
        if (c < 0 || (c == 0 && !lowerIncluded)) {
          return false;
        }
      }
      if (upper != null) {
        int c = v.compareTo(upper);
        return c < 0 || (c == 0 && upperIncluded);
      }
      return true;
    }

    @Override
    public String toString() {
      if (lower != null && lower.equals(upper)) {
        return "[" + lower + "]";
      }
      return (lowerIncluded ? "[" : "(") + (lower == null ? "" : lower) + ","
          + (upper == null ? "" : upper) + (upperIncluded ? "]" : ")");
    }
  }

  private final List<Interval> intervals;

  private VersionRange(List<Interval> intervals) {
    this.intervals = List.copyOf(intervals);
  }

  /**
   * Parses a range specification.
   *
   * @throws IllegalArgumentException naming what is wrong, when {@code spec} is not a range as described above
   */
  public static VersionRange parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    List<Interval> intervals = new ArrayList<>();
    int i = 0;
    int n = spec.length();
    while (i < n) {
      char open = spec.charAt(i);
      if (open != '[' && open != '(') {
        throw new IllegalArgumentException("range must start with [ or ( at " + i + ": " + spec);
      }
      int close = i + 1;
      while (close < n && spec.charAt(close) != ']' && spec.charAt(close) != ')') {
        close++;
      }
      if (close == n) {
        throw new IllegalArgumentException("range is not closed: " + spec);
      }
      Interval interval = interval(spec.substring(i + 1, close), open == '[', spec.charAt(close) == ']', spec);
      if (!intervals.isEmpty() && !ascending(intervals.get(intervals.size() - 1), interval)) {
        throw new IllegalArgumentException("ranges overlap or are out of order: " + spec);
      }
      intervals.add(interval);
      i = close + 1;
      if (i < n) {
        if (spec.charAt(i) != ',' || i + 1 == n) {
          throw new IllegalArgumentException("ranges must be separated by one comma: " + spec);
        }
        i++;
      }
    }
    if (intervals.isEmpty()) {
      throw new IllegalArgumentException("empty range");
    }
    return new VersionRange(intervals);
  }

  private static Interval interval(String body, boolean lowerIncluded, boolean upperIncluded, String spec) {
    int comma = body.indexOf(',');
    if (comma < 0) {
      if (!lowerIncluded || !upperIncluded || body.isBlank()) {
        throw new IllegalArgumentException("a single version must be written [v]: " + spec);
      }
      MavenVersion v = MavenVersion.parse(body.trim());
      return new Interval(v, true, v, true);
    }
    if (body.indexOf(',', comma + 1) >= 0) {
      throw new IllegalArgumentException("a range has at most two bounds: " + spec);
    }
    String low = body.substring(0, comma).trim();
    String high = body.substring(comma + 1).trim();
    MavenVersion lower = low.isEmpty() ? null : MavenVersion.parse(low);
    MavenVersion upper = high.isEmpty() ? null : MavenVersion.parse(high);
    if ((lower == null && lowerIncluded) || (upper == null && upperIncluded)) {
      throw new IllegalArgumentException("an open bound must be written ( or ): " + spec);
    }
    if (lower != null && upper != null) {
      int c = lower.compareTo(upper);
      if (c > 0 || (c == 0 && !(lowerIncluded && upperIncluded))) {
        throw new IllegalArgumentException("lower bound above upper bound: " + spec);
      }
    }
    return new Interval(lower, lowerIncluded, upper, upperIncluded);
  }

  /** Whether {@code next} starts strictly after {@code previous} ends. */
  private static boolean ascending(Interval previous, Interval next) {
    if (previous.upper == null || next.lower == null) {
      return false;
    }
    int c = previous.upper.compareTo(next.lower);
    return c < 0 || (c == 0 && !(previous.upperIncluded && next.lowerIncluded));
  }

  /** Whether {@code version} lies in one of the ranges. */
  public boolean contains(MavenVersion version) {
    for (Interval interval : intervals) {
      if (interval.contains(version)) {
        return true;
      }
    }
    return false;
  }

  /** The range in Maven's syntax, as the enforcer reads it. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Interval interval : intervals) {
      sb.append(sb.length() == 0 ? "" : ",").append(interval);
    }
    return sb.toString();
  }
}
