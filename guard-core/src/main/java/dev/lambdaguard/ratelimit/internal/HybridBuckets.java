package dev.lambdaguard.ratelimit.internal;

import dev.lambdaguard.ratelimit.RateLimitBackend;
import dev.lambdaguard.ratelimit.RateLimitRule;
import dev.lambdaguard.ratelimit.RateProbe;

/**
 * A local pre-check in front of a shared store that keeps the global limit exact: a request is refused
 * locally, without a round trip, only when this environment's own bucket (same limits) is empty, which
 * means this environment alone has used the whole limit, so the fleet has too. Otherwise the shared store
 * decides; when it refuses, the local token is given back, so that the local bucket never runs emptier than
 * the shared one. It saves the round trips of a caller flooding one environment, the common attack.
 */
public final class HybridBuckets implements RateLimitBackend, dev.lambdaguard.SnapshotAware {

  private final LocalBuckets local;
  private final RateLimitBackend shared;

  public HybridBuckets(LocalBuckets local, RateLimitBackend shared) {
    this.local = local;
    this.shared = shared;
  }

  /** The local pre-check's windows are this copy's own; the shared store's are the fleet's and stay. */
  @Override
  public void afterRestore() {
    local.clear();
  }

  @Override
  public void charge(String key, RateLimitRule rule, long tokens) {
    // The shared store first: if it cannot take the charge, the local bucket must not have taken it either,
    // or it would run emptier than the shared one.
    shared.charge(key, rule, tokens);
    local.charge(key, rule, tokens);
  }

  @Override
  public RateProbe tryConsume(String key, RateLimitRule rule) {
    RateProbe pre = local.tryConsume(key, rule);
    if (!pre.consumed()) {
      return pre;
    }
    RateProbe decided;
    try {
      decided = shared.tryConsume(key, rule);
    } catch (RateLimitBackendException e) {
      local.refund(key, rule);
      throw e;
    }
    if (!decided.consumed()) {
      local.refund(key, rule);
    }
    return decided;
  }
}
