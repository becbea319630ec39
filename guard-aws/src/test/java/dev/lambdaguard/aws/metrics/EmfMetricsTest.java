package dev.lambdaguard.aws.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Denial;
import dev.lambdaguard.FakeClock;
import dev.lambdaguard.Finding;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Interceptor;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.Reason;
import dev.lambdaguard.SecurityContext;
import dev.lambdaguard.events.OcsfJson;
import dev.lambdaguard.events.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The metrics each kind of invocation produces, parsed back and checked against the EMF specification's
 * structure ({@link EmfSpec}): one write per invocation, counts exact whatever the event sampling.
 */
class EmfMetricsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long NOW = 1_795_000_000_000L;
  private static final Invocation IDS = new Invocation("req-1", "Root=1-abc", null);

  private final CountingOut out = new CountingOut();
  private final FakeClock clock = new FakeClock(NOW);

  private Guard guard(Interceptor... interceptors) {
    return guard(1.0, interceptors);
  }

  private Guard guard(double sampleRate, Interceptor... interceptors) {
    EmfMetrics metrics = EmfMetrics.namespace("LambdaGuard/Test").clock(clock).redactor(new Redactor())
        .output(() -> out.stream).build();
    Guard.Builder builder = Guard.builder().eventSink(metrics.aroundStdout()).clock(clock)
        .environment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders")).credentialCheck(false)
        .allowEventSampleRate(sampleRate);
    for (Interceptor i : interceptors) {
      builder.addInterceptor(i);
    }
    Guard guard = builder.build();
    out.reset();
    return guard;
  }

  private static GuardRequest get(String route) {
    return GuardRequest.builder("apigw-http-v2").method("GET").path("/orders/7").routeKey(route).build();
  }

  /** Every EMF document written since the last reset, each checked against the specification first. */
  private List<JsonNode> documents() {
    List<JsonNode> docs = new ArrayList<>();
    for (String line : out.text().split("\n")) {
      if (line.contains("\"_aws\"")) {
        JsonNode doc = JSON.readTree(line);
        assertEquals(List.of(), EmfSpec.violations(doc), line);
        docs.add(doc);
      }
    }
    return docs;
  }

  private static List<String> metricNames(JsonNode doc) {
    List<String> names = new ArrayList<>();
    for (JsonNode directive : doc.get("_aws").get("CloudWatchMetrics")) {
      for (JsonNode metric : directive.get("Metrics")) {
        names.add(metric.get("Name").asString());
      }
    }
    return names;
  }

  @Test
  void anAllowedRequestIsOneDocumentCountedByFunctionAndRoute() {
    Guard guard = guard();
    clock.setNanos(0);
    guard.handle(get("GET /orders/{id}"), IDS, context -> "ok");

    assertEquals(1, out.prints, "one write per invocation for the metrics, one for the allow event");
    List<JsonNode> docs = documents();
    assertEquals(1, docs.size());
    JsonNode doc = docs.get(0);
    assertEquals(NOW, doc.get("_aws").get("Timestamp").asLong());
    JsonNode directive = doc.get("_aws").get("CloudWatchMetrics").get(0);
    assertEquals("LambdaGuard/Test", directive.get("Namespace").asString());
    assertEquals("[[\"function\"],[\"function\",\"route\"]]", directive.get("Dimensions").toString());
    assertEquals(List.of("Requests", "Allowed", "Denied", "AuthFailures", "RateLimited", "GuardErrors",
        "Detections", "ChainLatency"), metricNames(doc));
    assertEquals("orders", doc.get("function").asString());
    assertEquals("GET /orders/{id}", doc.get("route").asString());
    assertEquals(1, doc.get("Requests").asInt());
    assertEquals(1, doc.get("Allowed").asInt());
    assertEquals(0, doc.get("Denied").asInt());
    assertEquals(0, doc.get("AuthFailures").asInt());
    assertEquals("req-1", doc.get("function_request_id").asString());
    assertEquals("Root=1-abc", doc.get("xray_trace_id").asString());
    assertFalse(doc.has("reason"));
  }

  @Test
  void anAuthenticationDenialCountsAsAuthFailureAndByReason() {
    Guard guard = guard(chain -> Denial.unauthorized(Reason.of("token_expired", Reason.Kind.AUTHENTICATION), "no"));
    guard.handle(get("GET /orders/{id}"), IDS, context -> "ok");

    JsonNode doc = documents().get(0);
    assertEquals(0, doc.get("Allowed").asInt());
    assertEquals(1, doc.get("Denied").asInt());
    assertEquals(1, doc.get("AuthFailures").asInt());
    assertEquals(0, doc.get("RateLimited").asInt());
    assertEquals(1, doc.get("DeniedByReason").asInt());
    assertEquals("token_expired", doc.get("reason").asString());
    JsonNode byReason = doc.get("_aws").get("CloudWatchMetrics").get(1);
    assertEquals("[[\"function\",\"reason\"]]", byReason.get("Dimensions").toString());
  }

  @Test
  void aRateLimitedCallCountsAsRateLimited() {
    Guard guard = guard(chain -> Denial.of(429, Reason.of("rate_limited", Reason.Kind.RATE_LIMIT)));
    guard.handle(get("GET /orders/{id}"), IDS, context -> "ok");

    JsonNode doc = documents().get(0);
    assertEquals(1, doc.get("RateLimited").asInt());
    assertEquals(0, doc.get("AuthFailures").asInt());
    assertEquals("rate_limited", doc.get("reason").asString());
  }

  @Test
  void detectionsAreCountedPerCategoryInADocumentEach() {
    Guard guard = guard(findings("sqli", "xss", "sqli"));
    guard.handle(get("POST /orders"), IDS, context -> "ok");

    assertEquals(1, out.prints, "all of the invocation's documents in one write");
    List<JsonNode> docs = documents();
    assertEquals(3, docs.size());
    assertEquals(3, docs.get(0).get("Detections").asInt());
    assertEquals("sqli", docs.get(1).get("category").asString());
    assertEquals(2, docs.get(1).get("DetectionsByCategory").asInt());
    assertEquals("xss", docs.get(2).get("category").asString());
    assertEquals(1, docs.get(2).get("DetectionsByCategory").asInt());
    assertEquals("[[\"function\",\"category\"]]",
        docs.get(1).get("_aws").get("CloudWatchMetrics").get(0).get("Dimensions").toString());
  }

  @Test
  void categoriesPastTheCapAreCountedAsOther() {
    String[] categories = new String[15];
    for (int i = 0; i < categories.length; i++) {
      categories[i] = "category_" + i;
    }
    Guard guard = guard(findings(categories));
    guard.handle(get("POST /orders"), IDS, context -> "ok");

    List<JsonNode> docs = documents();
    assertEquals(1 + EmfWriter.MAX_CATEGORIES, docs.size());
    JsonNode other = docs.get(docs.size() - 1);
    assertEquals("other", other.get("category").asString());
    assertEquals(15 - (EmfWriter.MAX_CATEGORIES - 1), other.get("DetectionsByCategory").asInt());
  }

  @Test
  void allowsAreCountedEvenWhenTheirEventsAreSampledOut() {
    Guard guard = guard(0.0);
    for (int i = 0; i < 3; i++) {
      guard.handle(get("GET /orders/{id}"), IDS, context -> "ok");
    }
    assertFalse(out.text().contains("\"event_type\":\"allow\""), "no allow event was written");
    List<JsonNode> docs = documents();
    assertEquals(3, docs.size());
    for (JsonNode doc : docs) {
      assertEquals(1, doc.get("Allowed").asInt());
    }
  }

  @Test
  void anInterceptorFailureCountsAsGuardError() {
    Guard guard = guard(chain -> {
      throw new IllegalStateException("bug");
    });
    guard.handle(get("GET /orders/{id}"), IDS, context -> "ok");

    JsonNode doc = documents().get(0);
    assertEquals(1, doc.get("GuardErrors").asInt());
    assertEquals(1, doc.get("Denied").asInt());
    assertEquals("internal_error", doc.get("reason").asString());
  }

  @Test
  void metricsSitBesideOcsfEventsToo() {
    EmfMetrics metrics = EmfMetrics.namespace("LambdaGuard/Test").clock(clock).redactor(new Redactor())
        .output(() -> out.stream).build();
    Guard guard = Guard.builder().eventSink(metrics.aroundStdout(new OcsfJson(new Redactor()))).clock(clock)
        .environment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders")).credentialCheck(false).build();
    out.reset();
    guard.handle(get("GET /orders/{id}"), IDS, context -> "ok");

    String[] lines = out.text().split("\n");
    assertEquals(2, lines.length);
    assertEquals(4002, JSON.readTree(lines[0]).get("class_uid").asInt(), "the allow event as OCSF HTTP Activity");
    assertEquals(1, documents().get(0).get("Allowed").asInt());
  }

  @Test
  void aPassThroughEventIsCountedByFunctionOnly() {
    Guard guard = guard();
    guard.passThrough("sqs", IDS);

    JsonNode doc = documents().get(0);
    assertEquals(1, doc.get("PassThrough").asInt());
    assertEquals("[[\"function\"]]", doc.get("_aws").get("CloudWatchMetrics").get(0).get("Dimensions").toString());
  }

  @Test
  void withoutARouteOnlyTheFunctionDimensionIsUsed() {
    Guard guard = guard();
    guard.handle(get(null), IDS, context -> "ok");

    JsonNode doc = documents().get(0);
    assertEquals("[[\"function\"]]", doc.get("_aws").get("CloudWatchMetrics").get(0).get("Dimensions").toString());
    assertFalse(doc.has("route"));
  }

  @Test
  void dimensionValuesAreAsciiBoundedAndRedacted() {
    String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2lnbmF0dXJl";
    Guard guard = guard();
    guard.handle(get("GET /é\u0000/" + jwt + "/" + "x".repeat(2000)), IDS, context -> "ok");

    JsonNode doc = documents().get(0);
    String route = doc.get("route").asString();
    assertTrue(route.startsWith("GET /??/[REDACTED]/xxx"), route);
    assertEquals(EmfWriter.MAX_DIMENSION_VALUE, route.length());
    assertFalse(out.text().contains(jwt));
  }

  @Test
  void aFunctionWithoutANameIsCountedAsUnknown() {
    EmfWriter writer = new EmfWriter("N", new Redactor());
    assertEquals("unknown", writer.dimensionValue(null));
    assertEquals("unknown", writer.dimensionValue(" \u00e9 ".replace('\u00e9', ' ')));
  }

  @Test
  void aNamespaceCloudWatchRefusesFailsAtConfiguration() {
    assertThrows(IllegalArgumentException.class, () -> EmfMetrics.namespace(""));
    assertThrows(IllegalArgumentException.class, () -> EmfMetrics.namespace("AWS/Lambda"));
    assertThrows(IllegalArgumentException.class, () -> EmfMetrics.namespace("x".repeat(256)));
    assertThrows(IllegalArgumentException.class, () -> EmfMetrics.namespace("caf\u00e9"));
  }

  @Test
  void theValidatorRejectsDocumentsThatBreakTheSpecification() {
    assertFalse(EmfSpec.violations(JSON.readTree("{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":"
        + "\"N\",\"Dimensions\":[[\"function\"]],\"Metrics\":[{\"Name\":\"M\",\"Unit\":\"Count\"}]}]},\"M\":1}"))
        .isEmpty(), "a dimension that is not a root member");
    assertFalse(EmfSpec.violations(JSON.readTree("{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":"
        + "\"N\",\"Dimensions\":[],\"Metrics\":[{\"Name\":\"M\",\"Unit\":\"Things\"}]}]},\"M\":1}"))
        .isEmpty(), "a unit that is not standard");
    assertFalse(EmfSpec.violations(JSON.readTree("{\"_aws\":{\"CloudWatchMetrics\":[]}}")).isEmpty(),
        "no timestamp");
    assertEquals(List.of(), EmfSpec.violations(JSON.readTree("{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":"
        + "[{\"Namespace\":\"N\",\"Dimensions\":[[\"d\"]],\"Metrics\":[{\"Name\":\"M\",\"Unit\":\"Count\"}]}]},"
        + "\"d\":\"v\",\"M\":[1,2]}")));
  }

  /** An interceptor that records one finding per category and lets the request through. */
  private static Interceptor findings(String... categories) {
    return chain -> {
      SecurityContext context = chain.context();
      for (String category : categories) {
        context = context.withFinding(new Finding(category, category + ".rule", "/body", 50));
      }
      return chain.proceed(context);
    };
  }

  /** Standard output stand-in that counts writes. */
  private static final class CountingOut {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int prints;
    final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8) {
      @Override
      public void print(String s) {
        if (s.contains("\"_aws\"")) {
          prints++;
        }
        super.print(s);
      }
    };

    void reset() {
      bytes.reset();
      prints = 0;
    }

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
