package dev.lambdaguard.bench;

import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.SecurityContext;
import dev.lambdaguard.aws.ratelimit.RedisRateLimitBackend;
import dev.lambdaguard.ratelimit.RateLimitPolicy;
import dev.lambdaguard.ratelimit.RateLimitRule;
import dev.lambdaguard.ratelimit.RateProbe;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rate-limit checks against the real Redis on loopback ({@code GUARD_TEST_REDIS_URL}, by default
 * {@code redis://127.0.0.1:6379}); run with {@code -t 1}, {@code -t 4}, {@code -t 16} for concurrent
 * clients, {@code -bm sample} for p50/p99 and {@code -bm thrpt} for throughput.
 *
 * <ul>
 *   <li>{@code redisAdmitted}: an admitted check (each thread its own caller, so no contention on one key);
 *   <li>{@code redisFloodPlain}: a caller over its limit, every check a round trip to be refused;
 *   <li>{@code redisFloodHybrid}: the same caller with the local pre-check: refused without a round trip.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class RedisRateLimitBenchmark {

  RedisRateLimitBackend redis;
  RateLimitPolicy plain;
  RateLimitPolicy hybrid;
  RateLimitRule open;
  RateLimitRule tight;
  RateLimitRule tightHybrid;

  @State(Scope.Thread)
  public static class Caller {
    final String key = "anonymous:ip:bench-" + Thread.currentThread().getId() + "-" + System.nanoTime();
  }

  @Setup(Level.Trial)
  public void setUp() {
    String url = System.getenv().getOrDefault("GUARD_TEST_REDIS_URL", "redis://127.0.0.1:6379");
    String prefix = "lambdaguard-bench:" + Long.toHexString(System.nanoTime()) + ":";
    redis = RedisRateLimitBackend.builder(url).keyPrefix(prefix).commandTimeout(Duration.ofSeconds(1)).build();
    GuardRequest request = GuardRequest.builder("bench").sourceIp("192.0.2.1").build();
    open = RateLimitPolicy.builder().anonymous("1000000000/1s").build().ruleFor(request, SecurityContext.empty());
    plain = RateLimitPolicy.builder().anonymous("1/1h").backend(redis).build();
    hybrid = RateLimitPolicy.builder().anonymous("1/1h").backend(redis).localPreCheck().build();
    tight = plain.ruleFor(request, SecurityContext.empty());
    tightHybrid = hybrid.ruleFor(request, SecurityContext.empty());
    // Use up both flooding callers' single token, so that every measured check is a refusal.
    plain.backend().tryConsume("anonymous:ip:flood-plain", tight);
    hybrid.backend().tryConsume("anonymous:ip:flood-hybrid", tightHybrid);
    if (redis.tryConsume("anonymous:ip:probe", open) == null || !redis.tryConsume("anonymous:ip:probe", open).consumed()) {
      throw new IllegalStateException("Redis does not admit the open rule: is it running at " + url + "?");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    redis.close();
  }

  @Benchmark
  public RateProbe redisAdmitted(Caller caller) {
    return redis.tryConsume(caller.key, open);
  }

  @Benchmark
  public RateProbe redisFloodPlain() {
    return plain.backend().tryConsume("anonymous:ip:flood-plain", tight);
  }

  @Benchmark
  public RateProbe redisFloodHybrid() {
    return hybrid.backend().tryConsume("anonymous:ip:flood-hybrid", tightHybrid);
  }
}
