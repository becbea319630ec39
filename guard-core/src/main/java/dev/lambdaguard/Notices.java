package dev.lambdaguard;

/** The library's notice codes: operational facts worth an event although nothing was refused. Documented in {@code docs/events.md}. */
public final class Notices {

  /** The shared rate-limit store did not answer; this environment's own buckets decided instead. */
  public static final String RATE_LIMIT_FALLBACK = "rate_limit_fallback";

  private Notices() {}
}
