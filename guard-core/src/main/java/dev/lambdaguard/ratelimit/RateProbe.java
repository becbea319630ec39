package dev.lambdaguard.ratelimit;

/**
 * The answer of a rate-limit check: whether the request may proceed, what is left, and how long to wait.
 *
 * @param consumed whether a token was taken (the request may proceed)
 * @param remaining tokens left after this request (0 when refused)
 * @param nanosToWait when refused, how long until a token is available; 0 otherwise
 * @param nanosToReset how long until the bucket is full again
 */
public record RateProbe(boolean consumed, long remaining, long nanosToWait, long nanosToReset) {

  public static RateProbe allowed(long remaining, long nanosToReset) {
    return new RateProbe(true, remaining, 0, nanosToReset);
  }

  public static RateProbe refused(long nanosToWait, long nanosToReset) {
    return new RateProbe(false, 0, nanosToWait, nanosToReset);
  }

  /** Whole seconds to wait, rounded up, at least 1: the value of {@code Retry-After}. */
  public long retryAfterSeconds() {
    return Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
  }

  /** Whole seconds until the bucket is full again, rounded up. */
  public long resetSeconds() {
    return (nanosToReset + 999_999_999L) / 1_000_000_000L;
  }
}
