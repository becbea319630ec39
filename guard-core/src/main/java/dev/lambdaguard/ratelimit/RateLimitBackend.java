package dev.lambdaguard.ratelimit;

/**
 * Where buckets live: in this execution environment's memory, or in a store the whole fleet shares
 * (Redis). The algorithm is bucket4j's in both; a backend only keeps the state.
 */
public interface RateLimitBackend {

  /**
   * Takes one token from the bucket of {@code key} under {@code rule}.
   *
   * @throws RateLimitBackendException when the store cannot answer (timeout, connection refused)
   */
  RateProbe tryConsume(String key, RateLimitRule rule);

  /**
   * Takes {@code tokens} from the bucket of {@code key} whether or not they are there (the balance may go
   * below zero): a cost charged after the fact, such as the milliseconds a request took. The next
   * {@link #tryConsume} then waits until the debt is paid back.
   *
   * @throws RateLimitBackendException when the store cannot answer
   */
  void charge(String key, RateLimitRule rule, long tokens);

  /** Bounded buckets in this environment's memory. */
  static RateLimitBackend local(int maxBuckets, dev.lambdaguard.Clock clock) {
    return new dev.lambdaguard.ratelimit.internal.LocalBuckets(maxBuckets, clock);
  }

  /** A store that cannot answer. Its message never contains a caller key. */
  final class RateLimitBackendException extends RuntimeException {
    public RateLimitBackendException(String message, Throwable cause) {
      super(message, cause, false, false);
    }
  }
}
