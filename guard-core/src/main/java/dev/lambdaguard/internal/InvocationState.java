package dev.lambdaguard.internal;

import dev.lambdaguard.Clock;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.SecurityContext;
import dev.lambdaguard.Terminal;

/**
 * What one invocation's chain links share: the terminal, and what the guard needs to know afterwards
 * (who denied, how long the handler took, the last context, the handler's own exception). Confined to the
 * invocation's thread; never shared between invocations.
 */
public final class InvocationState {

  private final Terminal terminal;
  private final Clock clock;
  SecurityContext lastContext = SecurityContext.empty();
  String deniedBy;
  Throwable handlerFailure;
  long handlerNanos;

  public InvocationState(Terminal terminal, Clock clock) {
    this.terminal = terminal;
    this.clock = clock;
  }

  Outcome invokeTerminal(SecurityContext context) {
    SecurityContext previous = CurrentContext.enter(context);
    long start = clock.nanoTime();
    try {
      return Outcome.Handled.of(terminal.invoke(context));
    } catch (Throwable t) {
      handlerFailure = t;
      throw new HandlerFailure(t);
    } finally {
      handlerNanos = clock.nanoTime() - start;
      CurrentContext.restore(previous);
    }
  }

  public SecurityContext lastContext() {
    return lastContext;
  }

  /** The interceptor that returned the denial, or null. */
  public String deniedBy() {
    return deniedBy;
  }

  /** What the handler threw, or null: rethrown even if an interceptor swallowed it. */
  public Throwable handlerFailure() {
    return handlerFailure;
  }

  public long handlerNanos() {
    return handlerNanos;
  }
}
