package dev.lambdaguard.ratelimit;

import dev.lambdaguard.Chain;
import dev.lambdaguard.Denial;
import dev.lambdaguard.Interceptor;
import dev.lambdaguard.Notices;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.Reasons;
import dev.lambdaguard.ratelimit.RateLimitBackend.RateLimitBackendException;
import dev.lambdaguard.ratelimit.internal.KeyHash;

/**
 * Takes one token from the caller's bucket. A refused request gets 429 with {@code Retry-After},
 * {@code RateLimit} and {@code RateLimit-Policy} (IETF httpapi rate-limit headers); an allowed one gets the
 * same two fields on its response. When the shared store cannot answer, the policy decides: this
 * environment's own buckets (reported as {@code rate_limit_fallback}), or 503.
 */
public final class RateLimitInterceptor implements Interceptor, dev.lambdaguard.SnapshotAware {

  private final RateLimitPolicy policy;

  public RateLimitInterceptor(RateLimitPolicy policy) {
    this.policy = policy;
  }

  /** Whether a request can pass through this step without a network call (no shared store). */
  public boolean isLocalOnly() {
    return policy.isLocalOnly();
  }

  /**
   * Forgets this environment's windows: restored copies would otherwise each grant the tokens left in the
   * snapshot. A shared store's windows are the fleet's, correct in every copy, and stay.
   */
  @Override
  public void afterRestore() {
    for (RateLimitBackend backend : new RateLimitBackend[] {policy.backend(), policy.localBackend()}) {
      if (backend instanceof dev.lambdaguard.SnapshotAware held) {
        held.afterRestore();
      }
    }
  }

  @Override
  public String name() {
    return "rate_limit";
  }

  @Override
  public Outcome intercept(Chain chain) {
    RateLimitRule budget = policy.costBudget();
    String budgetKey = null;
    if (budget != null) {
      budgetKey = policy.keyFor(budget, chain.request(), chain.context());
      Checked available = check(budgetKey, budget);
      if (available.denial != null) {
        return available.denial;
      }
      if (!available.probe.consumed()) {
        return Denial.of(429, Reasons.COST_BUDGET_EXCEEDED, "The caller's compute budget is spent.")
            .withHeader("Retry-After", Long.toString(available.probe.retryAfterSeconds()))
            .withEventField("caller", KeyHash.of(budgetKey)).withEventField("policy", budget.name());
      }
    }
    RateLimitRule rule = policy.ruleFor(chain.request(), chain.context());
    RateProbe probe = null;
    boolean fellBack = false;
    if (rule != null) {
      String key = policy.keyFor(rule, chain.request(), chain.context());
      Checked checked = check(key, rule);
      if (checked.denial != null) {
        return checked.denial;
      }
      probe = checked.probe;
      fellBack = checked.fellBack;
      if (!probe.consumed()) {
        Denial denial = Denial.of(429, Reasons.RATE_LIMITED, "Too many requests.")
            .withHeader("Retry-After", Long.toString(probe.retryAfterSeconds()))
            .withHeader("RateLimit", rule.rateLimitHeader(probe))
            .withHeader("RateLimit-Policy", rule.policyHeader())
            .withEventField("caller", KeyHash.of(key))
            .withEventField("policy", rule.name());
        return fellBack ? denial.withEventField("backend", "local_fallback") : denial;
      }
    }
    // Only the rest of the chain and the handler are timed for the cost budget: the limiter's own Redis
    // round trips (or timeouts) are not the caller's cost.
    long start = policy.clock().nanoTime();
    Outcome outcome;
    try {
      outcome = chain.proceed(fellBack ? chain.context().withNotice(Notices.RATE_LIMIT_FALLBACK) : chain.context());
    } finally {
      if (budget != null) {
        charge(budgetKey, budget, (policy.clock().nanoTime() - start) / 1_000_000 - 1);
      }
    }
    if (rule != null && outcome instanceof Outcome.Handled handled) {
      return handled.withHeader("RateLimit", rule.rateLimitHeader(probe))
          .withHeader("RateLimit-Policy", rule.policyHeader());
    }
    return outcome;
  }

  /** A check against the backend, with the policy's answer to a backend that cannot answer. */
  private record Checked(RateProbe probe, boolean fellBack, Denial denial) {}

  private Checked check(String key, RateLimitRule rule) {
    try {
      return new Checked(policy.backend().tryConsume(key, rule), false, null);
    } catch (RateLimitBackendException e) {
      if (policy.onBackendFailure() == RateLimitPolicy.BackendFailure.FAIL_CLOSED) {
        return new Checked(null, false, Denial.of(503, Reasons.RATE_LIMITER_UNAVAILABLE,
            "The request could not be checked right now.").withHeader("Retry-After", "1")
            .withEventField("policy", rule.name()));
      }
      return new Checked(policy.localBackend().tryConsume(key, rule), true, null);
    }
  }

  /** Charges the time a request took beyond the one millisecond its check took (the cost is never refunded). */
  private void charge(String key, RateLimitRule budget, long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      policy.backend().charge(key, budget, millis);
    } catch (RateLimitBackendException e) {
      policy.localBackend().charge(key, budget, millis);
    }
  }
}
