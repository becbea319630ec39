package dev.lambdaguard.aws.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Denial;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.MultiValueMap;
import dev.lambdaguard.Reasons;
import dev.lambdaguard.anomaly.SharedFailures;
import dev.lambdaguard.aws.RecordingSink;
import dev.lambdaguard.aws.anomaly.RedisSharedFailures;
import dev.lambdaguard.config.GuardConfig;
import dev.lambdaguard.events.SecurityEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GUARD_METRICS_NAMESPACE writes EMF metrics beside the events, and GUARD_ANOMALY_REDIS_URL makes execution
 * environments count failed authentications together in the real Redis, as the code builders do.
 */
class TelemetryFromConfigurationTest {

  static final class Handler {}

  private static GuardRequest guess(String sourceIp, int i) {
    return GuardRequest.builder("apigw-http-v2").method("GET").path("/orders/1").routeKey("GET /orders/{id}")
        .sourceIp(sourceIp).headers(MultiValueMap.headersBuilder().add("Authorization", "Bearer guess-" + i).build())
        .build();
  }

  /** A guard configured from {@code env}, refusing every token as a token check would. */
  private static Guard.Builder refusingEveryToken(Map<String, String> env) {
    return GuardConfig.load(Handler.class, env, Handler.class.getClassLoader()).guardBuilder().credentialCheck(false)
        .addInterceptor(chain -> Denial.unauthorized(Reasons.SIGNATURE_INVALID, "The token is not valid."));
  }

  /** What the guard {@code builder} builds writes on standard output for one refused request. */
  private static String stdoutOf(Guard.Builder builder) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      builder.build().handle(guess("198.51.100.9", 1), Invocation.NONE, c -> "ok");
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theMetricsNamespaceWritesEmfDocumentsBesideTheEventLines() {
    String out = stdoutOf(refusingEveryToken(Map.of("GUARD_METRICS_NAMESPACE", "Orders/Security")));
    assertTrue(out.contains("\"event_type\":\"deny\""), "the events are still written: " + out);
    assertTrue(out.contains("\"_aws\"") && out.contains("\"Namespace\":\"Orders/Security\""),
        "an EMF document under the namespace: " + out);
  }

  @Test
  void theMetricsSinkTakesTheFormatTheBuilderEndsUpWith() {
    String out = stdoutOf(refusingEveryToken(Map.of("GUARD_METRICS_NAMESPACE", "Orders/Security")).ocsfEvents());
    assertTrue(out.contains("\"class_uid\":3002") && out.contains("\"Namespace\":\"Orders/Security\""),
        "ocsfEvents() in code after the configured metrics: OCSF objects beside the EMF documents: " + out);
  }

  @Test
  void environmentsConfiguredWithTheAnomalyRedisUrlReportStuffingTheyEachSawOnlyAQuarterOf() {
    String redis = RedisFromConfigurationTest.redisUrl();
    // The first command of a cold JVM loads the client's classes, longer than the default 100 ms timeout allows;
    // load them here so that the configured environments' first calls are shared, not counted alone.
    try (RedisSharedFailures warm = RedisSharedFailures.builder(redis).commandTimeout(Duration.ofSeconds(2))
        .keyPrefix("lambdaguard-test:warm:").build()) {
      warm.recordAuthFailure("warm", null, 0, new SharedFailures.Rule(60_000, 60_000, 8, 4, 1), false);
    }
    Map<String, String> env = Map.of("GUARD_ANOMALY_DETECTION", "credential_stuffing", "GUARD_ANOMALY_REDIS_URL", redis);
    List<RecordingSink> sinks = new ArrayList<>();
    List<Guard> environments = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      RecordingSink sink = new RecordingSink();
      sinks.add(sink);
      environments.add(refusingEveryToken(env).eventSink(sink).build());
    }
    // An address of its own in each run (documentation range, varied), so that earlier runs' counts do not add up.
    long n = System.nanoTime();
    String caller = "2001:db8:" + Long.toHexString(n & 0xffff) + ":" + Long.toHexString((n >> 16) & 0xffff) + "::7";
    for (int i = 0; i < 20; i++) {
      environments.get(i % 4).handle(guess(caller, i), Invocation.NONE, c -> "ok");
    }
    List<SecurityEvent.AnomalyEvent> anomalies = new ArrayList<>();
    sinks.forEach(sink -> anomalies.addAll(sink.eventsOf(SecurityEvent.AnomalyEvent.class)));
    assertEquals(1, anomalies.size(), "five failures each, twenty together: reported once, by one environment");
    sinks.forEach(sink -> assertTrue(sink.eventsOf(SecurityEvent.NoticeEvent.class).isEmpty(),
        "no fallback to counting alone: " + sink.lines()));
  }
}
