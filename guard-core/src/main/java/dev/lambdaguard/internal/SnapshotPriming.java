package dev.lambdaguard.internal;

import dev.lambdaguard.Body;
import dev.lambdaguard.Clock;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Interceptor;
import dev.lambdaguard.MultiValueMap;
import dev.lambdaguard.SecurityContext;
import dev.lambdaguard.SnapshotAware;
import dev.lambdaguard.auth.ApiKeyAuthenticator;
import dev.lambdaguard.auth.JwtAuthenticator;
import dev.lambdaguard.auth.internal.CredentialChoice;
import dev.lambdaguard.input.InputInspector;
import dev.lambdaguard.input.RequestLimitsInterceptor;
import dev.lambdaguard.json.JsonBodyInterceptor;
import dev.lambdaguard.ratelimit.RateLimitInterceptor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The guard's warm-up before a SnapStart checkpoint, with no network call: each part primes itself, then
 * synthetic requests run through the chain, so that the first request of every restored copy meets loaded
 * classes, compiled schemas and JIT-warmed code. Nothing is reported: these requests are not the function's.
 *
 * <p>Which steps a synthetic request may pass is decided here, once: an authenticator only sees a request
 * without credentials (its refusal needs no key); rate limits only when they are held in memory; the
 * user's own interceptors never, since nothing says they work offline.
 */
public final class SnapshotPriming {

  /** The event source synthetic requests carry, so that no one mistakes them for traffic. */
  public static final String SOURCE = "snapshot-priming";

  /** How often each synthetic request runs: enough for the JIT's first tier to compile the hot paths. */
  static final int ROUNDS = 200;

  private SnapshotPriming() {}

  /** Primes the chain; returns how many synthetic requests ran. */
  public static int prime(List<Interceptor> chain, Clock clock) {
    for (Interceptor step : chain) {
      if (step instanceof SnapshotAware aware) {
        aware.prime();
      }
    }
    int runs = 0;
    GuardRequest anonymous = GuardRequest.builder(SOURCE).method("GET").path("/priming").build();
    List<Interceptor> offline = new ArrayList<>();
    for (Interceptor step : chain) {
      if (isAuthenticator(step)) {
        runs += run(List.of(step), List.of(anonymous), clock);
      } else if (isOffline(step)) {
        offline.add(step);
      }
    }
    if (!offline.isEmpty()) {
      runs += run(List.copyOf(offline), samples(), clock);
    }
    for (Interceptor step : offline) {
      if (step instanceof RateLimitInterceptor limits) {
        limits.afterRestore(); // the tokens the synthetic requests took are not the function's
      }
    }
    return runs;
  }

  private static boolean isAuthenticator(Interceptor step) {
    return step instanceof JwtAuthenticator || step instanceof ApiKeyAuthenticator || step instanceof CredentialChoice;
  }

  private static boolean isOffline(Interceptor step) {
    return step instanceof RequestLimitsInterceptor || step instanceof JsonBodyInterceptor
        || step instanceof InputInspector || (step instanceof RateLimitInterceptor limits && limits.isLocalOnly());
  }

  private static int run(List<Interceptor> steps, List<GuardRequest> requests, Clock clock) {
    int runs = 0;
    for (int round = 0; round < ROUNDS; round++) {
      for (GuardRequest request : requests) {
        try {
          new RealChain(steps, 0, request, SecurityContext.empty(), new InvocationState(context -> null, clock)).proceed();
        } catch (RuntimeException e) {
          // Best effort: a step that fails here fails closed at its first real request, as without priming.
        }
        runs++;
      }
    }
    return runs;
  }

  /** A plain query, a JSON body like an API's, and one carrying attacks, so that detections are warmed too. */
  private static List<GuardRequest> samples() {
    MultiValueMap query = MultiValueMap.queryBuilder().add("q", "orders placed last week").add("page", "2").build();
    MultiValueMap headers = MultiValueMap.headersBuilder().add("user-agent", "Mozilla/5.0 (priming)")
        .add("content-type", "application/json").build();
    return List.of(
        GuardRequest.builder(SOURCE).method("GET").path("/priming").query(query).headers(headers)
            .sourceIp("192.0.2.10").build(),
        post(headers, "{\"name\":\"O'Brien\",\"items\":[{\"sku\":\"A-1\",\"qty\":2}],"
            + "\"note\":\"select the best plan from our offers\",\"site\":\"https://example.com/a?b=c&d=%20\"}"),
        post(headers, "{\"q\":\"' OR 1=1 --\",\"bio\":\"<script>alert(1)</script>\","
            + "\"u\":\"http://169.254.169.254/latest/meta-data/\",\"f\":\"../../etc/passwd\",\"c\":\"; cat /etc/hosts\"}"));
  }

  private static GuardRequest post(MultiValueMap headers, String json) {
    return GuardRequest.builder(SOURCE).method("POST").path("/priming").headers(headers).sourceIp("192.0.2.10")
        .body(Body.ofBytes(json.getBytes(StandardCharsets.UTF_8))).build();
  }
}
