package dev.lambdaguard.internal;

/**
 * Carries an exception of the user's handler through the chain, so that the guard can tell it from a
 * failure of an interceptor and rethrow it unchanged. Stackless: it is never shown to anyone.
 */
public final class HandlerFailure extends RuntimeException {

  public HandlerFailure(Throwable cause) {
    super(null, cause, false, false);
  }
}
