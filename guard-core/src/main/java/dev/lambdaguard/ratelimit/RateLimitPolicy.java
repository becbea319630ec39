package dev.lambdaguard.ratelimit;

import dev.lambdaguard.Clock;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Principal;
import dev.lambdaguard.SecurityContext;
import dev.lambdaguard.auth.internal.RoutePattern;
import dev.lambdaguard.internal.RouteTable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Who may call how often: limits per caller, per caller tier and per route, enforced by a backend (local
 * memory by default, Redis for a fleet-wide limit).
 *
 * <p>The caller is the authenticated principal (subject, else client id), else the API key, else the source
 * IP the gateway saw (never a client-supplied X-Forwarded-For). A request without a principal is in the
 * anonymous tier. For one request the first matching rule applies: a route rule, then a tier rule (a claim
 * value such as {@code plan=gold}), then the authenticated or anonymous default. Each rule keeps its own
 * buckets, so a route limit is per caller and route.
 *
 * <pre>{@code
 * RateLimitPolicy.builder()
 *     .authenticated("100/1m, 10/1s")
 *     .anonymous("20/1m")
 *     .tier("plan", "gold", "1000/1m, 50/1s")
 *     .route("POST /orders", "10/1m")
 *     .build();
 * }</pre>
 */
public final class RateLimitPolicy {

  /** What to do when the shared store cannot answer. */
  public enum BackendFailure {
    /** Check against this environment's own buckets instead (the default), and report it. */
    FALL_BACK_TO_LOCAL,
    /** Refuse the request with 503 {@code rate_limiter_unavailable}. */
    FAIL_CLOSED
  }

  public static final int DEFAULT_MAX_LOCAL_BUCKETS = 10_000;
  static final int MAX_KEY_LENGTH = 128;

  private final RateLimitRule authenticated;
  private final RateLimitRule anonymous;
  private final RouteTable<RateLimitRule> routes;
  private final String tierClaim;
  private final Map<String, RateLimitRule> tiers;
  private final RateLimitBackend backend;
  private final RateLimitBackend local;
  private final BackendFailure onFailure;
  private final CallerKey callerKey;
  private final RateLimitRule costBudget;
  private final Clock clock;

  private RateLimitPolicy(Builder b) {
    this.authenticated = b.authenticated;
    this.anonymous = b.anonymous;
    this.routes = b.routes.build();
    this.tierClaim = b.tierClaim;
    this.tiers = Map.copyOf(b.tiers);
    this.local = RateLimitBackend.local(b.maxLocalBuckets, b.clock);
    if (b.backend == null) {
      this.backend = local;
    } else if (b.localPreCheck) {
      this.backend = new dev.lambdaguard.ratelimit.internal.HybridBuckets(
          (dev.lambdaguard.ratelimit.internal.LocalBuckets) RateLimitBackend.local(b.maxLocalBuckets, b.clock), b.backend);
    } else {
      this.backend = b.backend;
    }
    this.onFailure = b.onFailure;
    this.callerKey = b.callerKey;
    this.costBudget = b.costBudget;
    this.clock = b.clock;
  }

  /** The clock buckets refill by and request durations are measured with. */
  public Clock clock() {
    return clock;
  }

  /**
   * Who the caller is, when the built-in order (principal, API key, source IP) does not fit: a tenant
   * header an authorizer set, a device id. Return null to fall back to the built-in order.
   */
  @FunctionalInterface
  public interface CallerKey {
    String of(dev.lambdaguard.GuardRequest request, SecurityContext context);
  }

  /** The compute budget rule (milliseconds of handler time per window), or null. */
  public RateLimitRule costBudget() {
    return costBudget;
  }

  /** The bucket key of the caller under a rule, with this policy's own caller key when it has one. */
  public String keyFor(RateLimitRule rule, GuardRequest request, SecurityContext context) {
    if (callerKey != null) {
      String custom = callerKey.of(request, context);
      if (custom != null && !custom.isEmpty()) {
        return custom.length() > MAX_KEY_LENGTH
            ? rule.name() + ":custom#h:" + dev.lambdaguard.ratelimit.internal.KeyHash.of(custom)
            : rule.name() + ":custom:" + custom;
      }
    }
    return callerKey(rule, request, context);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The rule for this request, or null when no rule applies. */
  public RateLimitRule ruleFor(GuardRequest request, SecurityContext context) {
    RateLimitRule exact = routes.byRouteKey(request.routeKey());
    if (exact != null) {
      return exact;
    }
    // Limits must not be escaped by a path the handler will read as another one: match the path as it
    // normalizes (unreserved characters decoded, dot segments removed), unlike authorization, which refuses it.
    if (!routes.isEmpty()) {
      String path = RoutePattern.normalize(request.path());
      RateLimitRule matched = RoutePattern.isAmbiguous(path) ? null
          : routes.byPath(request.method(), RoutePattern.segmentsOf(path));
      if (matched != null) {
        return matched;
      }
    }
    Principal principal = context.principal().orElse(null);
    if (principal == null) {
      return anonymous;
    }
    if (tierClaim != null && principal.claims().get(tierClaim) instanceof String tier) {
      RateLimitRule rule = tiers.get(tier);
      if (rule != null) {
        return rule;
      }
    }
    return authenticated;
  }

  /**
   * The bucket key of the caller under a rule: {@code rule:kind:id}. The caller is the principal (an
   * authenticated subject, or a caller an API-key check established), else the source IP the gateway saw;
   * an IPv6 address counts by its /64, which one subscriber usually holds whole. A header the client sets
   * (an unvalidated X-Api-Key) never names the caller: each new value would be a new full bucket. Long ids
   * are shortened to a hash, in a kind of their own so that no short id can collide with one.
   */
  public static String callerKey(RateLimitRule rule, GuardRequest request, SecurityContext context) {
    Principal principal = context.principal().orElse(null);
    String kind;
    String id;
    if (principal != null) {
      kind = "sub";
      id = principal.subject();
    } else {
      kind = "ip";
      id = request.sourceIp() != null ? dev.lambdaguard.ratelimit.internal.IpPrefix.of(request.sourceIp()) : "unknown";
    }
    if (id.length() > MAX_KEY_LENGTH) {
      kind = kind + "#h";
      id = dev.lambdaguard.ratelimit.internal.KeyHash.of(id);
    }
    return rule.name() + ":" + kind + ":" + id;
  }

  /** Whether every decision is taken in this environment's memory, with no shared store to call. */
  public boolean isLocalOnly() {
    return backend == local;
  }

  public RateLimitBackend backend() {
    return backend;
  }

  /** This environment's own buckets: the backend when none is configured, the fallback otherwise. */
  public RateLimitBackend localBackend() {
    return local;
  }

  public BackendFailure onBackendFailure() {
    return onFailure;
  }

  /** Builds a policy; limits are parsed and checked as they are set, naming the setting when malformed. */
  public static final class Builder {
    private RateLimitRule authenticated;
    private RateLimitRule anonymous;
    private final RouteTable.Builder<RateLimitRule> routes = RouteTable.builder("rateLimit.route");
    private final java.util.Set<String> usedNames = new java.util.HashSet<>();
    private String tierClaim;
    private final Map<String, RateLimitRule> tiers = new LinkedHashMap<>();
    private RateLimitBackend backend;
    private BackendFailure onFailure = BackendFailure.FALL_BACK_TO_LOCAL;
    private int maxLocalBuckets = DEFAULT_MAX_LOCAL_BUCKETS;
    private boolean localPreCheck;
    private CallerKey callerKey;
    private RateLimitRule costBudget;
    private Clock clock = Clock.system();

    private Builder() {}

    /** Limits for each authenticated caller, e.g. {@code "100/1m, 10/1s"}. */
    public Builder authenticated(String limits) {
      this.authenticated = new RateLimitRule("caller", Limit.parseAll(limits, "rateLimit.authenticated"));
      return this;
    }

    /** Limits for each anonymous caller, keyed by API key or source IP, e.g. {@code "20/1m"}. */
    public Builder anonymous(String limits) {
      this.anonymous = new RateLimitRule("anonymous", Limit.parseAll(limits, "rateLimit.anonymous"));
      return this;
    }

    /** Limits for authenticated callers whose claim {@code claim} has {@code value} (a plan, a tier). */
    public Builder tier(String claim, String value, String limits) {
      if (tierClaim != null && !tierClaim.equals(claim)) {
        throw new IllegalArgumentException("rateLimit.tier: all tiers must use one claim, '" + tierClaim + "'");
      }
      if (!value.matches("[A-Za-z0-9_-]{1,24}")) {
        throw new IllegalArgumentException("rateLimit.tier: tier values are short words: " + value);
      }
      this.tierClaim = Objects.requireNonNull(claim, "claim");
      String name = "tier-" + value.toLowerCase(java.util.Locale.ROOT);
      if (!usedNames.add(name)) {
        throw new IllegalArgumentException("rateLimit.tier: tier '" + value + "' is listed twice (tier names ignore case)");
      }
      tiers.put(value, new RateLimitRule(name, Limit.parseAll(limits, "rateLimit.tier." + value)));
      return this;
    }

    /** Limits per caller on one route ({@code POST /orders}, {@code ANY /admin/{proxy+}}). */
    public Builder route(String route, String limits) {
      routes.put(route, new RateLimitRule(ruleName(route), Limit.parseAll(limits, "rateLimit.route " + route)));
      return this;
    }

    /** A readable rule name from a route, for the RateLimit headers: {@code POST /orders/{id}} becomes {@code post-orders-id}. */
    private String ruleName(String route) {
      StringBuilder name = new StringBuilder();
      for (char c : route.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
        boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (word) {
          name.append(c);
        } else if (name.length() > 0 && name.charAt(name.length() - 1) != '-') {
          name.append('-');
        }
      }
      String base = name.toString().replaceAll("-$", "");
      base = base.isEmpty() || !Character.isLetter(base.charAt(0)) ? "route-" + base : base;
      base = base.length() > 28 ? base.substring(0, 28) : base;
      String unique = base;
      for (int i = 2; usedNames.contains(unique); i++) {
        unique = base + "-" + i;
      }
      usedNames.add(unique);
      return unique;
    }

    /** Identifies callers yourself (see {@link CallerKey}). */
    public Builder callerKey(CallerKey key) {
      this.callerKey = Objects.requireNonNull(key, "callerKey");
      return this;
    }

    /**
     * A budget of billed compute per caller against denial of wallet: milliseconds of handler time per
     * window, e.g. {@code "60000/1h"} (one minute of handler time an hour). Each request is charged the time
     * it took, after it ran; a caller whose budget is spent is refused (429 {@code cost_budget_exceeded})
     * until it refills, even within the request-count limits.
     */
    public Builder costBudget(String millisecondsPerWindow) {
      this.costBudget = new RateLimitRule("cost", Limit.parseAll(millisecondsPerWindow, "rateLimit.costBudget"));
      return this;
    }

    /** Where buckets live; by default this environment's memory. */
    public Builder backend(RateLimitBackend backend) {
      this.backend = Objects.requireNonNull(backend, "backend");
      return this;
    }

    /**
     * With a shared backend, refuses locally, without a round trip, a caller who has used the whole limit in
     * this environment alone; the global limit stays exact (see the benchmarks for what it saves).
     */
    public Builder localPreCheck() {
      this.localPreCheck = true;
      return this;
    }

    public Builder onBackendFailure(BackendFailure failure) {
      this.onFailure = Objects.requireNonNull(failure, "onBackendFailure");
      return this;
    }

    /** How many local buckets are kept at most (least recently used go first); default 10 000. */
    public Builder maxLocalBuckets(int max) {
      if (max < 1 || max > 10_000_000) {
        throw new IllegalArgumentException("rateLimit.maxLocalBuckets must be between 1 and 10000000: " + max);
      }
      this.maxLocalBuckets = max;
      return this;
    }

    /** The clock local buckets refill by; for tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public RateLimitPolicy build() {
      if (authenticated == null && anonymous == null && routes.isEmpty() && tiers.isEmpty() && costBudget == null) {
        throw new IllegalStateException("rateLimit: no limit is configured");
      }
      return new RateLimitPolicy(this);
    }
  }
}
