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

  /** A sink that drops everything. */
  static EventSink noop() {
    return event -> {};
  }
}
