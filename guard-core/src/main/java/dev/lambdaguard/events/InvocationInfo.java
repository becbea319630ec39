package dev.lambdaguard.events;

import dev.lambdaguard.Invocation;

/**
 * Where an event happened: the function, the invocation's ids, and whether it was the environment's first.
 *
 * @param function the function's environment; never null
 * @param ids the invocation's ids; never null
 * @param coldStart whether this invocation was the first this guard served
 */
public record InvocationInfo(FunctionEnvironment function, Invocation ids, boolean coldStart) {}
