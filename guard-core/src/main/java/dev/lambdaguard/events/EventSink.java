package dev.lambdaguard.events;

/**
 * Where security events go.
 *
 * <p>Contract, as for OkHttp's {@code EventListener}: {@code emit} is fast, never throws, takes no lock
 * that an invocation could wait on for long, and does no network IO inline. A sink that writes text
 * should format with {@link EventJson}, which applies the redactor, so that no secret reaches any byte.
 */
@FunctionalInterface
public interface EventSink {

  void emit(SecurityEvent event);

  /**
   * Called once at the end of every invocation the guard served, after that invocation's events, on the
   * invocation's thread; also when its allow event was sampled out. A sink that aggregates per invocation
   * (metrics) flushes here. Same contract as {@link #emit}: fast, never throws. Does nothing by default.
   */
  default void endInvocation(InvocationSummary summary) {}

  /** A sink that drops everything. */
  static EventSink noop() {
    return event -> {};
  }
}
