package dev.lambdaguard.internal;

/**
 * An interceptor threw or broke the chain contract; the guard fails closed. Names the interceptor for
 * the error event and diagnostics; the cause's message is never written anywhere.
 */
public final class InterceptorFault extends RuntimeException {

  private final String interceptor;

  public InterceptorFault(String interceptor, Throwable cause) {
    super(interceptor, cause, false, false);
    this.interceptor = interceptor;
  }

  public String interceptor() {
    return interceptor;
  }
}
