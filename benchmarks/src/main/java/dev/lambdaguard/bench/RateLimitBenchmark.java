package dev.lambdaguard.bench;

import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.MultiValueMap;
import dev.lambdaguard.Principal;
import dev.lambdaguard.SecurityContext;
import dev.lambdaguard.ratelimit.RateLimitPolicy;
import dev.lambdaguard.ratelimit.RateLimitRule;
import dev.lambdaguard.ratelimit.RateProbe;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A local rate-limit check as the interceptor makes it: the rule for the request, the caller's key (here an
 * authenticated subject) and one token from its local bucket. Target (issue #5): at most 200 ns. The limit is
 * high enough that every check is admitted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class RateLimitBenchmark {

  RateLimitPolicy policy;
  GuardRequest request;
  SecurityContext context;

  @Setup(Level.Trial)
  public void setUp() {
    policy = RateLimitPolicy.builder().authenticated("1000000000/1s").anonymous("1000000000/1s").build();
    request = GuardRequest.builder("apigw-http-v2").method("GET").path("/orders/42").routeKey("GET /orders/{id}")
        .headers(MultiValueMap.headersBuilder().add("user-agent", "curl/8.5.0").build()).sourceIp("203.0.113.10").build();
    context = SecurityContext.empty().withPrincipal(
        new Principal("8f3a1c52-2d0e-4b7e-9a51-6c1f0d2e9b77", "https://issuer", "web", Set.of("orders:read"), Set.of(), Map.of()));
  }

  @Benchmark
  public RateProbe localCheckWithKeyExtraction(QuietMachine quiet) {
    RateLimitRule rule = policy.ruleFor(request, context);
    return policy.backend().tryConsume(RateLimitPolicy.callerKey(rule, request, context), rule);
  }

  @Benchmark
  public RateProbe localCheckAnonymousByIp(QuietMachine quiet) {
    RateLimitRule rule = policy.ruleFor(request, SecurityContext.empty());
    return policy.backend().tryConsume(RateLimitPolicy.callerKey(rule, request, SecurityContext.empty()), rule);
  }
}
