package dev.lambdaguard.bench;

import dev.lambdaguard.Denial;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Interceptor;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.MultiValueMap;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.Principal;
import dev.lambdaguard.Reasons;
import dev.lambdaguard.SecurityContext;
import dev.lambdaguard.Terminal;
import dev.lambdaguard.anomaly.AnomalyDetector;
import dev.lambdaguard.anomaly.AnomalyPolicy;
import dev.lambdaguard.events.EventSink;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * The per-invocation cost of anomaly detection: the same guard with and without it, in the same run, on a stream
 * of 4096 prebuilt requests from 512 addresses with 1024 distinct 600-character bearer tokens, 2048 paths and 256
 * principals, one in twenty refused as an authentication failure, so that every table is exercised with hits,
 * misses and evictions (the policy holds 1024 keys a table, fewer than the stream has).
 *
 * <ul>
 *   <li>{@code guardWithoutDetection}: {@link Guard#handle} with one interceptor that authenticates or refuses
 *       (a stand-in for the token check, the same in both), a sink that drops events;
 *   <li>{@code guardWithDetection}: the same guard with {@code anomalyDetection}; the difference is the cost;
 *   <li>{@code observeOnly}: {@link AnomalyDetector#observe} alone on the same stream.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class AnomalyDetectionBenchmark {

  private static final int STREAM = 4096;
  private static final Outcome OK = Outcome.Handled.of("ok");
  private static final Outcome REFUSED = Denial.unauthorized(Reasons.SIGNATURE_INVALID, "The token is not valid.");

  GuardRequest[] requests;
  SecurityContext[] contexts;
  Outcome[] outcomes;
  Guard without;
  Guard with;
  AnomalyDetector detector;
  Terminal terminal;
  int next;

  @Setup(Level.Trial)
  public void setUp() {
    Random random = new Random(42);
    String[] tokens = new String[1024];
    for (int i = 0; i < tokens.length; i++) {
      StringBuilder token = new StringBuilder("Bearer eyJhbGciOiJSUzI1NiJ9.");
      while (token.length() < 600) {
        token.append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
      }
      tokens[i] = token.toString();
    }
    requests = new GuardRequest[STREAM];
    contexts = new SecurityContext[STREAM];
    outcomes = new Outcome[STREAM];
    for (int i = 0; i < STREAM; i++) {
      boolean refused = random.nextInt(20) == 0;
      requests[i] = GuardRequest.builder("apigw-http-v2").method("GET")
          .path("/orders/" + (100_000 + random.nextInt(2048))).routeKey("GET /orders/{id}")
          .sourceIp("81." + random.nextInt(8) + "." + random.nextInt(8) + "." + random.nextInt(8))
          .headers(MultiValueMap.headersBuilder().add("Authorization", tokens[random.nextInt(tokens.length)])
              .add("x-bench", refused ? "refuse" : "user-" + random.nextInt(256)).build())
          .build();
      contexts[i] = refused ? SecurityContext.empty()
          : SecurityContext.empty().withPrincipal(new Principal("user-" + random.nextInt(256), null, null, null, null,
              null));
      outcomes[i] = refused ? REFUSED : OK;
    }
    Interceptor authenticate = chain -> {
      String who = chain.request().headers().firstOrNull("x-bench");
      return who.equals("refuse") ? REFUSED
          : chain.proceed(chain.context().withPrincipal(new Principal(who, null, null, null, null, null)));
    };
    AnomalyPolicy policy = AnomalyPolicy.builder().maxTrackedKeys(1024).build();
    Map<String, String> env = GuardOverheadBenchmark.lambdaEnvironment();
    without = Guard.builder().environment(env).eventSink(EventSink.noop()).addInterceptor(authenticate).build();
    with = Guard.builder().environment(env).eventSink(EventSink.noop()).addInterceptor(authenticate)
        .anomalyDetection(policy).build();
    detector = new AnomalyDetector(policy);
    terminal = context -> "ok";
  }

  @Benchmark
  public Outcome guardWithoutDetection(QuietMachine quiet) {
    return without.handle(requests[next++ & (STREAM - 1)], Invocation.NONE, terminal);
  }

  @Benchmark
  public Outcome guardWithDetection(QuietMachine quiet) {
    return with.handle(requests[next++ & (STREAM - 1)], Invocation.NONE, terminal);
  }

  @Benchmark
  public List<?> observeOnly(QuietMachine quiet) {
    int i = next++ & (STREAM - 1);
    return detector.observe(requests[i], outcomes[i], contexts[i], System.currentTimeMillis());
  }
}
