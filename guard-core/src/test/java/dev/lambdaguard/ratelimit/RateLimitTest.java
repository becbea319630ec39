package dev.lambdaguard.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Denial;
import dev.lambdaguard.FakeClock;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Interceptor;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.Principal;
import dev.lambdaguard.RecordingSink;
import dev.lambdaguard.events.SecurityEvent.DenyEvent;
import dev.lambdaguard.events.SecurityEvent.NoticeEvent;
import dev.lambdaguard.ratelimit.RateLimitBackend.RateLimitBackendException;
import dev.lambdaguard.ratelimit.internal.LocalBuckets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Per-caller limits through a real guard with a fake clock: who is limited, when, and what they are told. */
class RateLimitTest {

  private final FakeClock clock = new FakeClock(1_800_000_000_000L);
  private final RecordingSink sink = new RecordingSink();
  private final AtomicInteger handlerCalls = new AtomicInteger();

  private Guard guard(RateLimitPolicy.Builder policy) {
    return Guard.builder().clock(clock).eventSink(sink).environment(Map.of()).rateLimit(policy.clock(clock).build())
        .build();
  }

  private Outcome send(Guard guard, String ip, String routeKey) {
    GuardRequest.Builder request = GuardRequest.builder("apigw-http-v2").method(routeKey.substring(0, routeKey.indexOf(' ')))
        .path(routeKey.substring(routeKey.indexOf(' ') + 1)).routeKey(routeKey).sourceIp(ip);
    return guard.handle(request.build(), Invocation.NONE, context -> {
      handlerCalls.incrementAndGet();
      return "ok";
    });
  }

  /** Sends as an authenticated user: the rate limiter runs after jwt, so a principal is in the context. */
  private Outcome sendAs(RateLimitPolicy policy, String subject, Map<String, Object> claims, String routeKey) {
    Interceptor authenticate = chain -> chain.proceed(chain.context().withPrincipal(
        new Principal(subject, "iss", null, Set.of(), Set.of(), claims)));
    Guard guard = Guard.builder().clock(clock).eventSink(sink).environment(Map.of())
        .addInterceptor(authenticate).addInterceptor(new RateLimitInterceptor(policy)).build();
    GuardRequest request = GuardRequest.builder("apigw-http-v2").method("GET").path("/orders/1").routeKey(routeKey)
        .sourceIp("203.0.113.7").build();
    return guard.handle(request, Invocation.NONE, context -> {
      handlerCalls.incrementAndGet();
      return "ok";
    });
  }

  @Test
  void limitsParseFromTheCompactSyntaxAndRefuseMalformedOnes() {
    assertEquals(List.of(new Limit(100, Duration.ofMinutes(1)), new Limit(10, Duration.ofSeconds(1))),
        Limit.parseAll("100/1m, 10/1s", "x"));
    assertEquals(new Limit(5, Duration.ofHours(2)), Limit.parse("5/2h", "x"));
    assertEquals(new Limit(1000, Duration.ofDays(1)), Limit.parse("1000/d", "x"));
    for (String bad : new String[] {"", "100", "100/", "/1m", "x/1m", "100/1w", "0/1m", "100/0s", "100/2d", "-1/1m"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Limit.parseAll(bad, "rateLimit.authenticated"));
      assertTrue(e.getMessage().startsWith("rateLimit.authenticated: "), e.getMessage());
    }
    assertEquals("100/1m", new Limit(100, Duration.ofMinutes(1)).toString());
  }

  @Test
  void anAnonymousCallerIsLimitedByIpAndToldWhenToComeBack() {
    Guard guard = guard(RateLimitPolicy.builder().anonymous("3/1m"));
    for (int i = 0; i < 3; i++) {
      Outcome allowed = send(guard, "198.51.100.1", "GET /orders/{id}");
      Outcome.Handled handled = assertInstanceOf(Outcome.Handled.class, allowed);
      assertEquals(List.of("RateLimit", "RateLimit-Policy"), handled.addedHeaders().stream().map(h -> h.name()).toList());
      assertEquals("\"anonymous\";r=" + (2 - i) + ";t=" + (20 * (i + 1)), handled.addedHeaders().get(0).value());
      assertEquals("\"anonymous\";q=3;w=60", handled.addedHeaders().get(1).value());
    }
    Denial denial = assertInstanceOf(Denial.class, send(guard, "198.51.100.1", "GET /orders/{id}"));
    assertEquals(429, denial.status());
    assertEquals("rate_limited", denial.reason().code());
    assertEquals("20", denial.headers().get("Retry-After"));
    assertEquals("\"anonymous\";r=0;t=60", denial.headers().get("RateLimit"));
    assertEquals(3, handlerCalls.get(), "a refused request never reaches the handler");
    // Another IP has its own bucket; the first one refills one token per 20 s.
    assertInstanceOf(Outcome.Handled.class, send(guard, "198.51.100.2", "GET /orders/{id}"));
    clock.setNanos(Duration.ofSeconds(20).toNanos());
    assertInstanceOf(Outcome.Handled.class, send(guard, "198.51.100.1", "GET /orders/{id}"));
  }

  @Test
  void burstAndSustainedLimitsAreBothEnforced() {
    Guard guard = guard(RateLimitPolicy.builder().anonymous("100/1m, 2/1s"));
    assertInstanceOf(Outcome.Handled.class, send(guard, "198.51.100.1", "GET /a"));
    assertInstanceOf(Outcome.Handled.class, send(guard, "198.51.100.1", "GET /a"));
    Denial burst = assertInstanceOf(Denial.class, send(guard, "198.51.100.1", "GET /a"));
    assertEquals("1", burst.headers().get("Retry-After"));
    assertEquals("\"anonymous-1\";q=100;w=60, \"anonymous-2\";q=2;w=1", burst.headers().get("RateLimit-Policy"));
  }

  @Test
  void authenticatedCallersAreLimitedBySubjectAndTiersGetTheirOwnLimits() {
    RateLimitPolicy policy = RateLimitPolicy.builder().authenticated("2/1m").tier("plan", "gold", "5/1m")
        .clock(clock).build();
    assertInstanceOf(Outcome.Handled.class, sendAs(policy, "alice", Map.of(), "GET /orders/{id}"));
    assertInstanceOf(Outcome.Handled.class, sendAs(policy, "alice", Map.of(), "GET /orders/{id}"));
    assertInstanceOf(Denial.class, sendAs(policy, "alice", Map.of(), "GET /orders/{id}"));
    // Same IP, another subject: another bucket.
    assertInstanceOf(Outcome.Handled.class, sendAs(policy, "bob", Map.of(), "GET /orders/{id}"));
    for (int i = 0; i < 5; i++) {
      assertInstanceOf(Outcome.Handled.class, sendAs(policy, "carol", Map.of("plan", "gold"), "GET /orders/{id}"));
    }
    assertInstanceOf(Denial.class, sendAs(policy, "carol", Map.of("plan", "gold"), "GET /orders/{id}"));
  }

  @Test
  void aRouteRuleKeepsItsOwnBucketsPerCaller() {
    RateLimitPolicy policy = RateLimitPolicy.builder().authenticated("100/1m").route("POST /orders", "1/1m")
        .clock(clock).build();
    assertInstanceOf(Outcome.Handled.class, sendAs(policy, "alice", Map.of(), "POST /orders"));
    assertInstanceOf(Denial.class, sendAs(policy, "alice", Map.of(), "POST /orders"));
    assertInstanceOf(Outcome.Handled.class, sendAs(policy, "alice", Map.of(), "GET /orders/{id}"));
    assertInstanceOf(Outcome.Handled.class, sendAs(policy, "bob", Map.of(), "POST /orders"));
  }

  @Test
  void theDenyEventNamesThePolicyAndAHashOfTheCallerNeverTheCaller() {
    Guard guard = guard(RateLimitPolicy.builder().anonymous("1/1m"));
    send(guard, "198.51.100.77", "GET /a");
    send(guard, "198.51.100.77", "GET /a");
    DenyEvent deny = sink.only(DenyEvent.class);
    assertEquals("rate_limit", deny.interceptor());
    assertEquals("anonymous", deny.details().get("policy"));
    assertEquals(16, deny.details().get("caller").length());
    assertFalse(deny.details().get("caller").contains("198.51.100.77"));
  }

  @Test
  void aFailingSharedStoreFallsBackToLocalBucketsAndSaysSo() {
    RateLimitBackend down = failing("connection refused");
    Guard guard = guard(RateLimitPolicy.builder().anonymous("1/1m").backend(down));
    assertInstanceOf(Outcome.Handled.class, send(guard, "198.51.100.1", "GET /a"));
    assertEquals("rate_limit_fallback", sink.only(NoticeEvent.class).notice());
    Denial denial = assertInstanceOf(Denial.class, send(guard, "198.51.100.1", "GET /a"));
    assertEquals("local_fallback", denial.eventFields().get("backend"));
  }

  @Test
  void aFailingSharedStoreFailsClosedWhenConfigured() {
    RateLimitBackend down = failing("timeout");
    Guard guard = guard(RateLimitPolicy.builder().anonymous("10/1m").backend(down)
        .onBackendFailure(RateLimitPolicy.BackendFailure.FAIL_CLOSED));
    Denial denial = assertInstanceOf(Denial.class, send(guard, "198.51.100.1", "GET /a"));
    assertEquals(503, denial.status());
    assertEquals("rate_limiter_unavailable", denial.reason().code());
    assertEquals(0, handlerCalls.get());
  }

  @Test
  void aMillionDistinctCallersKeepTheLocalBucketCountAtItsCap() {
    LocalBuckets buckets = new LocalBuckets(10_000, clock);
    RateLimitRule rule = new RateLimitRule("anonymous", Limit.parseAll("5/1m", "x"));
    for (int i = 0; i < 1_000_000; i++) {
      assertTrue(buckets.tryConsume("anonymous:ip:" + i, rule).consumed());
    }
    assertEquals(10_000, buckets.size());
  }

  @Test
  void aPolicyWithoutLimitsIsAConfigurationError() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> RateLimitPolicy.builder().build());
    assertEquals("rateLimit: no limit is configured", e.getMessage());
  }

  @Test
  void aLocalPreCheckKeepsTheSharedLimitExactAndSavesTheRoundTripsOfAFlood() {
    RateLimitRule rule = new RateLimitRule("anonymous", Limit.parseAll("10/1h", "x"));
    LocalBuckets fleet = new LocalBuckets(100, clock);
    AtomicInteger sharedCalls = new AtomicInteger();
    RateLimitBackend shared = new RateLimitBackend() {
      @Override
      public RateProbe tryConsume(String key, RateLimitRule r) {
        sharedCalls.incrementAndGet();
        return fleet.tryConsume(key, r);
      }

      @Override
      public void charge(String key, RateLimitRule r, long tokens) {
        fleet.charge(key, r, tokens);
      }
    };
    dev.lambdaguard.ratelimit.internal.HybridBuckets environmentA =
        new dev.lambdaguard.ratelimit.internal.HybridBuckets(new LocalBuckets(100, clock), shared);
    dev.lambdaguard.ratelimit.internal.HybridBuckets environmentB =
        new dev.lambdaguard.ratelimit.internal.HybridBuckets(new LocalBuckets(100, clock), shared);
    int admitted = 0;
    for (int i = 0; i < 6; i++) {
      admitted += environmentB.tryConsume("k", rule).consumed() ? 1 : 0;
    }
    for (int i = 0; i < 100; i++) {
      admitted += environmentA.tryConsume("k", rule).consumed() ? 1 : 0;
    }
    assertEquals(10, admitted, "the fleet admits exactly its limit");
    // A got 4; its local bucket still holds 6 tokens (refused requests were refunded), so every one of its
    // 96 refused requests went to the shared store: refusals are local only when A alone used the limit.
    assertEquals(106, sharedCalls.get());
    sharedCalls.set(0);
    for (int i = 0; i < 100; i++) {
      environmentB.tryConsume("flood", rule);
    }
    assertEquals(10, sharedCalls.get(), "a caller flooding one environment costs round trips only up to the limit");
  }

  private static RateLimitBackend failing(String why) {
    return new RateLimitBackend() {
      @Override
      public RateProbe tryConsume(String key, RateLimitRule rule) {
        throw new RateLimitBackendException(why, null);
      }

      @Override
      public void charge(String key, RateLimitRule rule, long tokens) {
        throw new RateLimitBackendException(why, null);
      }
    };
  }

  @Test
  void slowRequestsSpendTheCallersComputeBudgetEvenUnderTheRequestLimit() {
    RateLimitPolicy policy = RateLimitPolicy.builder().authenticated("1000/1m").costBudget("1000/1h").clock(clock).build();
    Guard guard = Guard.builder().clock(clock).eventSink(sink).environment(Map.of())
        .addInterceptor(chain -> chain.proceed(chain.context().withPrincipal(
            new Principal("wallet-drainer", "iss", null, Set.of(), Set.of(), Map.of()))))
        .addInterceptor(new RateLimitInterceptor(policy)).build();
    GuardRequest request = GuardRequest.builder("apigw-http-v2").method("GET").path("/report").routeKey("GET /report").build();
    // Each request runs 400 ms of handler time: the third one overdraws the 1000 ms budget.
    for (int i = 0; i < 3; i++) {
      Outcome ok = guard.handle(request, Invocation.NONE, context -> {
        clock.setNanos(clock.nanoTime() + Duration.ofMillis(400).toNanos());
        return "slow";
      });
      assertInstanceOf(Outcome.Handled.class, ok, "request " + i);
    }
    Denial spent = assertInstanceOf(Denial.class, guard.handle(request, Invocation.NONE, context -> "never"));
    assertEquals("cost_budget_exceeded", spent.reason().code());
    assertEquals(429, spent.status());
    assertTrue(Long.parseLong(spent.headers().get("Retry-After")) > 0);
  }

  @Test
  void aCustomCallerKeyDecidesWhoIsLimited() {
    RateLimitPolicy policy = RateLimitPolicy.builder().anonymous("1/1m")
        .callerKey((request, context) -> request.headers().firstOrNull("x-tenant")).clock(clock).build();
    Guard guard = Guard.builder().clock(clock).eventSink(sink).environment(Map.of()).rateLimit(policy).build();
    GuardRequest tenantA = GuardRequest.builder("alb").method("GET").path("/a").sourceIp("192.0.2.1")
        .headers(dev.lambdaguard.MultiValueMap.headersBuilder().add("X-Tenant", "a").build()).build();
    GuardRequest tenantAOtherIp = GuardRequest.builder("alb").method("GET").path("/a").sourceIp("192.0.2.2")
        .headers(dev.lambdaguard.MultiValueMap.headersBuilder().add("X-Tenant", "a").build()).build();
    assertInstanceOf(Outcome.Handled.class, guard.handle(tenantA, Invocation.NONE, c -> "ok"));
    assertInstanceOf(Denial.class, guard.handle(tenantAOtherIp, Invocation.NONE, c -> "ok"));
  }

  @Test
  void anUnvalidatedApiKeyHeaderDoesNotGiveAnAnonymousCallerFreshBuckets() {
    Guard guard = guard(RateLimitPolicy.builder().anonymous("2/1h"));
    int admitted = 0;
    for (int i = 0; i < 50; i++) {
      GuardRequest junk = GuardRequest.builder("apigw-http-v2").method("GET").path("/a").sourceIp("198.51.100.7")
          .apiKey("junk-" + i).build();
      admitted += guard.handle(junk, Invocation.NONE, c -> "ok") instanceof Outcome.Handled ? 1 : 0;
    }
    assertEquals(2, admitted);
  }

  @Test
  void aRewrittenPathDoesNotEscapeARouteLimit() {
    Guard guard = guard(RateLimitPolicy.builder().route("POST /login", "1/1h"));
    int admitted = 0;
    for (String path : List.of("/login", "/./login", "/%6Cogin", "/login/.", "/x/../login", "//login")) {
      GuardRequest request = GuardRequest.builder("alb").method("POST").path(path).sourceIp("198.51.100.7").build();
      admitted += guard.handle(request, Invocation.NONE, c -> "ok") instanceof Outcome.Handled ? 1 : 0;
    }
    assertEquals(1, admitted);
  }

  @Test
  void ipv6CallersCountByTheirSlash64() {
    Guard guard = guard(RateLimitPolicy.builder().anonymous("1/1h"));
    int admitted = 0;
    for (int i = 1; i <= 5; i++) {
      GuardRequest request = GuardRequest.builder("alb").method("GET").path("/a").sourceIp("2001:db8:1:2::" + i).build();
      admitted += guard.handle(request, Invocation.NONE, c -> "ok") instanceof Outcome.Handled ? 1 : 0;
    }
    assertEquals(1, admitted);
    GuardRequest otherSubnet = GuardRequest.builder("alb").method("GET").path("/a").sourceIp("2001:db8:1:3::1").build();
    assertInstanceOf(Outcome.Handled.class, guard.handle(otherSubnet, Invocation.NONE, c -> "ok"));
  }

  @Test
  void theLimitersOwnTimeIsNotChargedToTheBudget() {
    // A shared store that takes 100 ms per call (a Redis brownout) and a handler that takes none.
    LocalBuckets fleet = new LocalBuckets(100, clock);
    RateLimitBackend slow = new RateLimitBackend() {
      @Override
      public RateProbe tryConsume(String key, RateLimitRule rule) {
        clock.setNanos(clock.nanoTime() + Duration.ofMillis(100).toNanos());
        return fleet.tryConsume(key, rule);
      }

      @Override
      public void charge(String key, RateLimitRule rule, long tokens) {
        fleet.charge(key, rule, tokens);
      }
    };
    Guard guard = guard(RateLimitPolicy.builder().anonymous("1000/1m").costBudget("1000/1h").backend(slow));
    int admitted = 0;
    for (int i = 0; i < 30; i++) {
      GuardRequest request = GuardRequest.builder("alb").method("GET").path("/a").sourceIp("198.51.100.7").build();
      admitted += guard.handle(request, Invocation.NONE, c -> "fast") instanceof Outcome.Handled ? 1 : 0;
    }
    assertEquals(30, admitted);
  }

  @Test
  void theBudgetCheckHonoursFailClosed() {
    Guard guard = guard(RateLimitPolicy.builder().costBudget("1000/1h").backend(failing("down"))
        .onBackendFailure(RateLimitPolicy.BackendFailure.FAIL_CLOSED));
    GuardRequest request = GuardRequest.builder("alb").method("GET").path("/a").sourceIp("198.51.100.7").build();
    assertEquals(503, assertInstanceOf(Denial.class, guard.handle(request, Invocation.NONE, c -> "ok")).status());
  }

  @Test
  void theHybridChargesTheSharedStoreFirst() {
    RateLimitRule budget = new RateLimitRule("cost", Limit.parseAll("1000/1h", "x"));
    LocalBuckets local = new LocalBuckets(10, clock);
    dev.lambdaguard.ratelimit.internal.HybridBuckets hybrid =
        new dev.lambdaguard.ratelimit.internal.HybridBuckets(local, failing("down"));
    assertThrows(RateLimitBackendException.class, () -> hybrid.charge("alice", budget, 5_000));
    assertTrue(local.tryConsume("alice", budget).consumed(), "the local bucket took no charge the shared one refused");
  }

  @Test
  void headersAndNamesStayConsistent() {
    RateLimitRule rule = new RateLimitRule("anonymous", Limit.parseAll("100/1m, 10/1s", "x"));
    String header = rule.rateLimitHeader(RateProbe.allowed(9, 1_000_000_000L));
    assertEquals("\"anonymous-1\";r=9;t=1, \"anonymous-2\";r=9;t=1", header);
    assertThrows(IllegalArgumentException.class,
        () -> RateLimitPolicy.builder().tier("plan", "Gold", "1/1m").tier("plan", "gold", "2/1m"));
  }
}
