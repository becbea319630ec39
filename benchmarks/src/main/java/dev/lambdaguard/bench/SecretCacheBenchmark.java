package dev.lambdaguard.bench;

import dev.lambdaguard.secrets.SecretCache;
import dev.lambdaguard.secrets.SecretValue;
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
 * A cached secret read as a handler makes it on every invocation after the first: the whole value, and one field
 * of a JSON secret. The provider answers from memory, so this measures the cache alone (the TTL is long enough that
 * no refresh happens during a run). Target (issue #6): a cached get costs nanoseconds, not a network call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class SecretCacheBenchmark {

  SecretCache cache;

  @Setup(Level.Trial)
  public void setUp() {
    cache = SecretCache.builder((id, stage) -> switch (id) {
      case "prod/api-key" -> SecretValue.text("k-3c1f9a7e5d2b4c6a8e0f1a2b3c4d5e6f", "v1");
      case "prod/db" -> SecretValue.text("{\"username\":\"orders\",\"password\":\"p-9f8e7d6c5b4a3928\"}", "v1");
      default -> throw new IllegalArgumentException(id);
    }).build();
    cache.get("prod/api-key");
    cache.get("prod/db#password");
  }

  @Benchmark
  public String cachedGet(QuietMachine quiet) {
    return cache.get("prod/api-key");
  }

  @Benchmark
  public String cachedJsonField(QuietMachine quiet) {
    return cache.get("prod/db#password");
  }
}
