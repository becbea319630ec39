package dev.lambdaguard.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One bandwidth of a rate limit: at most {@code capacity} requests per {@code period}, refilled smoothly
 * (a token bucket: bursts up to the capacity, then {@code capacity / period} on average).
 *
 * <p>Written compactly wherever limits are configured: {@code 100/1m} (100 a minute), {@code 10/1s}; several
 * at once separated by commas, {@code "100/1m, 10/1s"} (a sustained limit and a burst limit, both enforced).
 * Units: {@code s}, {@code m}, {@code h}, {@code d}.
 *
 * @param capacity requests per period, 1 to 1 000 000 000
 * @param period the period, 1 second to 1 day
 */
public record Limit(long capacity, Duration period) {

  public Limit {
    if (capacity < 1 || capacity > 1_000_000_000L) {
      throw new IllegalArgumentException("a limit's capacity must be between 1 and 1000000000: " + capacity);
    }
    if (period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("a limit's period must be between 1s and 1d: " + period);
    }
  }

  /**
   * Parses {@code "100/1m, 10/1s"}.
   *
   * @param setting the name of the setting, for the message of a malformed value
   * @throws IllegalArgumentException naming the setting and the part that is malformed
   */
  public static List<Limit> parseAll(String spec, String setting) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException(setting + ": no limit given (write e.g. \"100/1m, 10/1s\")");
    }
    List<Limit> limits = new ArrayList<>();
    for (String part : spec.split(",")) {
      limits.add(parse(part.trim(), setting));
    }
    return List.copyOf(limits);
  }

  /** Parses one {@code N/<amount><unit>} limit. */
  public static Limit parse(String part, String setting) {
    int slash = part.indexOf('/');
    try {
      if (slash <= 0 || slash == part.length() - 1) {
        throw new IllegalArgumentException("expected N/<period>");
      }
      long capacity = Long.parseLong(part.substring(0, slash).trim());
      String period = part.substring(slash + 1).trim();
      char unit = period.charAt(period.length() - 1);
      String amountText = period.substring(0, period.length() - 1);
      long amount = amountText.isEmpty() ? 1 : Long.parseLong(amountText);
      Duration duration = switch (unit) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        case 'd' -> Duration.ofDays(amount);
        default -> throw new IllegalArgumentException("unknown unit '" + unit + "' (s, m, h, d)");
      };
      return new Limit(capacity, duration);
    } catch (IllegalArgumentException | ArithmeticException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(setting + ": malformed limit '" + part + "' (write e.g. 100/1m): "
          + e.getMessage(), e);
    }
  }

  /** The compact form, e.g. {@code 100/1m}. */
  @Override
  public String toString() {
    long s = period.toSeconds();
    String p = s % 86_400 == 0 ? s / 86_400 + "d" : s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
    return capacity + "/" + p;
  }
}
