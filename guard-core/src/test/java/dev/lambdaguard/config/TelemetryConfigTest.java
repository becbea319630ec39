package dev.lambdaguard.config;

import static dev.lambdaguard.config.ConfigRequests.decide;
import static dev.lambdaguard.config.ConfigRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Guard;
import dev.lambdaguard.RecordingSink;
import dev.lambdaguard.anomaly.AnomalyType;
import dev.lambdaguard.annotation.Guarded;
import dev.lambdaguard.events.SecurityEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The event format, metrics and anomaly detection are set by configuration as by code: from GUARD_* variables and
 * from {@code @Guarded}, with bad values refused at load naming the variable and setting.
 */
class TelemetryConfigTest {

  static final class PlainHandler {}

  /** The function package: the issuer's keys packaged as a resource. */
  static final ClassLoader PACKAGE = Resources.with("keys/cfg-jwks.json", ConfigRequests.JWKS);

  @Guarded(anomalyDetection = "credential_stuffing")
  static final class AnnotatedHandler {}

  private static Map<String, String> environment(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_LAMBDA_FUNCTION_NAME", "orders");
    env.put("GUARD_JWT_ISSUER", "https://idp.example.com/");
    env.put("GUARD_JWT_JWKS_RESOURCE", "keys/cfg-jwks.json");
    env.put("GUARD_JWT_AUDIENCE", ConfigRequests.AUDIENCE);
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  /** Twelve requests with twelve different unverifiable tokens from one address: credential stuffing. */
  private static List<SecurityEvent.AnomalyEvent> stuff(Class<?> handler, Map<String, String> env) {
    RecordingSink sink = new RecordingSink();
    Guard guard = GuardConfig.load(handler, env, PACKAGE).guardBuilder().eventSink(sink)
        .credentialCheck(false).build();
    for (int i = 0; i < 12; i++) {
      assertTrue(decide(guard, request("GET", "/orders/1", "GET /orders/{id}", "a.b" + i + ".c", null)).startsWith("401"));
    }
    return sink.events(SecurityEvent.AnomalyEvent.class);
  }

  @Test
  void anomalyDetectionIsTurnedOnByAVariableOrAnAnnotation() {
    List<SecurityEvent.AnomalyEvent> byVariable =
        stuff(PlainHandler.class, environment("GUARD_ANOMALY_DETECTION", "credential_stuffing,scanning"));
    assertEquals(1, byVariable.size());
    assertEquals(AnomalyType.CREDENTIAL_STUFFING, byVariable.get(0).anomaly().type());
    assertEquals(1, stuff(PlainHandler.class, environment("GUARD_ANOMALY_DETECTION", "on")).size());
    assertEquals(1, stuff(AnnotatedHandler.class, environment()).size(), "@Guarded(anomalyDetection)");
    assertEquals(List.of(), stuff(PlainHandler.class, environment("GUARD_ANOMALY_DETECTION", "off")));
    assertEquals(List.of(), stuff(PlainHandler.class, environment()), "off unless configured");
    assertEquals(List.of(), stuff(PlainHandler.class, environment("GUARD_ANOMALY_DETECTION", "scanning")),
        "only the detectors named run");
  }

  @Test
  void theOcsfFormatIsWhatTheDefaultSinkWrites() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      Guard guard = GuardConfig.load(PlainHandler.class, environment("GUARD_EVENTS_FORMAT", "ocsf"), PACKAGE)
          .guardBuilder().credentialCheck(false).build();
      decide(guard, request("GET", "/orders/1", "GET /orders/{id}", null, null));
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("\"class_uid\":3002"), "a refused token is an OCSF Authentication object: " + out);
    assertFalse(out.contains("\"event_type\":\"deny\""), "not the library's own line: " + out);
  }

  @Test
  void badTelemetrySettingsFailAtLoadNamingTheVariableAndTheSetting() {
    assertFails(environment("GUARD_EVENTS_FORMAT", "xml"),
        "environment variable GUARD_EVENTS_FORMAT (events.format): expected json or ocsf");
    assertFails(environment("GUARD_ANOMALY_DETECTION", "scanning,bogus"),
        "environment variable GUARD_ANOMALY_DETECTION (anomaly.detection): unknown detector 'bogus' (on, off, or "
            + "credential_stuffing, scanning, token_theft, volume_spike)");
    assertFails(environment("GUARD_ANOMALY_REDIS_URL", "redis://127.0.0.1:6379"),
        "environment variable GUARD_ANOMALY_REDIS_URL (anomaly.redisUrl): anomaly detection is not on");
    // guard-core alone has neither: guard-aws brings them.
    assertFails(environment("GUARD_METRICS_NAMESPACE", "Orders/Security"),
        "environment variable GUARD_METRICS_NAMESPACE (metrics.namespace): no EMF metrics writer on the class path");
    assertFails(environment("GUARD_ANOMALY_DETECTION", "on", "GUARD_ANOMALY_REDIS_URL", "redis://127.0.0.1:6379"),
        "environment variable GUARD_ANOMALY_REDIS_URL (anomaly.redisUrl): no Redis store on the class path");
  }

  private static void assertFails(Map<String, String> env, String expected) {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> GuardConfig.load(PlainHandler.class, env, PACKAGE));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
