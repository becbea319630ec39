package dev.lambdaguard;

/** The library's notice codes: operational facts worth an event although nothing was refused. Documented in {@code docs/events.md}. */
public final class Notices {

  /** The shared rate-limit store did not answer; this environment's own buckets decided instead. */
  public static final String RATE_LIMIT_FALLBACK = "rate_limit_fallback";

  /**
   * A secret could not be refreshed (throttling, 5xx, timeout); its last good value is still served, until it
   * is older than the cache's maximum staleness. Details: {@code secret} (the id), {@code age_s}.
   */
  public static final String SECRET_STALE = "secret_stale";

  /**
   * The shared count of failed authentications (anomaly detection's {@code SharedFailures}) did not answer; this
   * environment counts them alone until it answers again. Once per outage, not per failure. Details:
   * {@code errors} (how many calls have failed in this environment so far).
   */
  public static final String ANOMALY_SHARED_FALLBACK = "anomaly_shared_fallback";

  private Notices() {}
}
