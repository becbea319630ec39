package dev.lambdaguard;

/**
 * One security concern in the guarded handler's chain.
 *
 * <p>An interceptor sees the normalized request and the security context built so far, and either
 * returns a {@link Denial} (the handler is never invoked) or calls {@link Chain#proceed} exactly once
 * and returns what it got, possibly with response headers added on the way out.
 *
 * <pre>{@code
 * Interceptor requireJson = chain -> chain.request().contentType().startsWith("application/json")
 *     ? chain.proceed()
 *     : Denial.of(415, Reasons.UNSUPPORTED_MEDIA_TYPE);
 * }</pre>
 *
 * <p>Implementations must be thread-safe: one execution environment may serve concurrent invocations.
 * Per-request state belongs in the {@link SecurityContext} passed down the chain, never in fields.
 * An interceptor must not catch exceptions thrown by {@code proceed}: they belong to the user's handler
 * and are rethrown unchanged by the guard. An exception thrown by the interceptor itself fails closed
 * with a 500 denial and an error event.
 */
@FunctionalInterface
public interface Interceptor {

  /**
   * Decides for one request.
   *
   * @param chain the request, the context so far, and the rest of the chain; never null
   * @return the outcome; never null (a null return is a contract violation and fails closed)
   */
  Outcome intercept(Chain chain);

  /** The name used in events and diagnostics; defaults to the simple class name. */
  default String name() {
    String simple = getClass().getSimpleName();
    return simple.isEmpty() ? getClass().getName() : simple;
  }
}
