package dev.lambdaguard.events;

import dev.lambdaguard.Invocation;

/**
 * Where an event happened: the function, the invocation's ids, and whether it was the environment's first.
 *
 * @param function the function's environment; never null
 * @param ids the invocation's ids; never null
 * @param coldStart whether this invocation was the first this guard served (or the first after a restore)
 * @param restored whether the execution environment was restored from a snapshot (SnapStart)
 */
public record InvocationInfo(FunctionEnvironment function, Invocation ids, boolean coldStart, boolean restored) {

  /** An invocation in an environment that was not restored from a snapshot. */
  public InvocationInfo(FunctionEnvironment function, Invocation ids, boolean coldStart) {
    this(function, ids, coldStart, false);
  }
}
