package dev.lambdaguard;

/**
 * The rest of the chain as one interceptor sees it: the request, the context so far, and {@code proceed}.
 *
 * <p>Each chain instance may be proceeded exactly once. The user's handler is the innermost link, so
 * {@code proceed} returns its result as {@link Outcome.Handled} unless a later interceptor denies.
 */
public interface Chain {

  /** The normalized, immutable request; never null. */
  GuardRequest request();

  /** The security context built by the interceptors before this one; never null. */
  SecurityContext context();

  /**
   * Passes the request on with an enriched context.
   *
   * @param context the context the next links see; never null
   * @return the outcome of the rest of the chain; never null
   * @throws IllegalStateException if called more than once on the same chain
   */
  Outcome proceed(SecurityContext context);

  /** Passes the request on with the context unchanged. */
  default Outcome proceed() {
    return proceed(context());
  }
}
