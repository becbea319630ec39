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
public final class RateLimitInterceptor implements Interceptor {

  private final RateLimitPolicy policy;

  public RateLimitInterceptor(RateLimitPolicy policy) {
    this.policy = policy;
  }

  @Override
  public String name() {
    return "rate_limit";
  }

  @Override
  public Outcome intercept(Chain chain) {
    RateLimitRule budget = policy.costBudget();
    if (budget == null) {
      return limited(chain);
    }
    String budgetKey = policy.keyFor(budget, chain.request(), chain.context());
    RateProbe available;
    try {
      available = policy.backend().tryConsume(budgetKey, budget);
    } catch (RateLimitBackendException e) {
      available = policy.localBackend().tryConsume(budgetKey, budget);
    }
    if (!available.consumed()) {
      return Denial.of(429, Reasons.COST_BUDGET_EXCEEDED, "The caller's compute budget is spent.")
          .withHeader("Retry-After", Long.toString(available.retryAfterSeconds()))
          .withEventField("caller", KeyHash.of(budgetKey)).withEventField("policy", budget.name());
    }
    long start = policy.clock().nanoTime();
    try {
      return limited(chain);
    } finally {
      // The millisecond taken to check is part of the charge; the rest is what the request cost.
      long millis = (policy.clock().nanoTime() - start) / 1_000_000;
      if (millis > 1) {
        try {
          policy.backend().charge(budgetKey, budget, millis - 1);
        } catch (RateLimitBackendException e) {
          policy.localBackend().charge(budgetKey, budget, millis - 1);
        }
      }
    }
  }

  private Outcome limited(Chain chain) {
    RateLimitRule rule = policy.ruleFor(chain.request(), chain.context());
    if (rule == null) {
      return chain.proceed();
    }
    String key = policy.keyFor(rule, chain.request(), chain.context());
    RateProbe probe;
    boolean fellBack = false;
    try {
      probe = policy.backend().tryConsume(key, rule);
    } catch (RateLimitBackendException e) {
      if (policy.onBackendFailure() == RateLimitPolicy.BackendFailure.FAIL_CLOSED) {
        return Denial.of(503, Reasons.RATE_LIMITER_UNAVAILABLE, "The request could not be checked right now.")
            .withHeader("Retry-After", "1").withEventField("policy", rule.name());
      }
      probe = policy.localBackend().tryConsume(key, rule);
      fellBack = true;
    }
    if (!probe.consumed()) {
      Denial denial = Denial.of(429, Reasons.RATE_LIMITED, "Too many requests.")
          .withHeader("Retry-After", Long.toString(probe.retryAfterSeconds()))
          .withHeader("RateLimit", rule.rateLimitHeader(probe))
          .withHeader("RateLimit-Policy", rule.policyHeader())
          .withEventField("caller", KeyHash.of(key))
          .withEventField("policy", rule.name());
      return fellBack ? denial.withEventField("backend", "local_fallback") : denial;
    }
    Outcome outcome = chain.proceed(fellBack ? chain.context().withNotice(Notices.RATE_LIMIT_FALLBACK) : chain.context());
    if (outcome instanceof Outcome.Handled handled) {
      return handled.withHeader("RateLimit", rule.rateLimitHeader(probe))
          .withHeader("RateLimit-Policy", rule.policyHeader());
    }
    return outcome;
  }
}
