package dev.lambdaguard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Finding;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.Reason;
import dev.lambdaguard.Reasons;
import dev.lambdaguard.events.SecurityEvent.AllowEvent;
import dev.lambdaguard.events.SecurityEvent.DenyEvent;
import dev.lambdaguard.events.SecurityEvent.DetectionEvent;
import dev.lambdaguard.events.SecurityEvent.ErrorEvent;
import dev.lambdaguard.events.SecurityEvent.InitEvent;
import dev.lambdaguard.events.SecurityEvent.PassThroughEvent;
import dev.lambdaguard.json.JsonLimits;
import dev.lambdaguard.json.JsonParseResult;
import dev.lambdaguard.json.StrictJsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The JSON line format of events: field names, values, escaping, cutting, omission and redaction. */
class EventJsonTest {

  static final long NOW = 1_700_000_000_123L;
  static final String TIMESTAMP = "2023-11-14T22:13:20.123Z";
  static final FunctionEnvironment FUNCTION = new FunctionEnvironment("orders", "7", "on-demand", "eu-west-1");
  static final InvocationInfo INVOCATION =
      new InvocationInfo(FUNCTION, new Invocation("req-1", "Root=1-abc", "tenant-9"), true);
  static final RequestSummary REQUEST = new RequestSummary(
      "apigw-http-v2", "POST", "POST /orders/{id}", "/orders/42", "203.0.113.9", "curl/8.5", "alice");
  static final List<String> INVOCATION_FIELDS = List.of("function_name", "function_version", "init_type", "region",
      "function_request_id", "xray_trace_id", "tenant_id", "cold_start");
  static final List<String> REQUEST_FIELDS =
      List.of("event_source", "http_method", "route", "path", "source_ip", "user_agent", "principal",
          "caller_fingerprint");

  final Redactor redactor = new Redactor();
  final EventJson json = new EventJson(redactor);

  /** Formats the event, checks it is one line of strict JSON without repeated keys, and reads it back. */
  JsonNode line(SecurityEvent event) {
    String line = json.format(event);
    assertFalse(line.contains("\n") || line.contains("\r") || line.contains("\u2028") || line.contains("\u2029"),
        line);
    JsonParseResult strict = new StrictJsonParser(JsonLimits.defaults()).parse(line.getBytes(StandardCharsets.UTF_8));
    assertInstanceOf(JsonParseResult.Parsed.class, strict, () -> line + " -> " + strict);
    return new ObjectMapper().readTree(line);
  }

  static List<String> fields(JsonNode node) {
    return List.copyOf(node.propertyNames());
  }

  static List<String> concat(List<String> before, List<String> middle, List<String> after) {
    List<String> all = new ArrayList<>(before);
    all.addAll(middle);
    all.addAll(after);
    return all;
  }

  static List<String> withInvocationAndRequest(List<String> head, List<String> tail) {
    return concat(head, concat(INVOCATION_FIELDS, REQUEST_FIELDS, List.of()), tail);
  }

  @Test
  void anAllowEventHasTheDocumentedFieldsInOrder() {
    JsonNode node = line(new AllowEvent(NOW, INVOCATION, REQUEST, 2, 1_234_567));

    assertEquals(withInvocationAndRequest(
        List.of("timestamp", "level", "schema", "event_type", "decision"),
        List.of("findings", "latency_us", "ocsf_class_uid", "ocsf_category_uid")), fields(node));
    assertEquals(TIMESTAMP, node.get("timestamp").stringValue());
    assertEquals("INFO", node.get("level").stringValue());
    assertEquals("lambdaguard.security/1", node.get("schema").stringValue());
    assertEquals(EventJson.SCHEMA, node.get("schema").stringValue());
    assertEquals("allow", node.get("event_type").stringValue());
    assertEquals("allow", node.get("decision").stringValue());
    assertEquals(2, node.get("findings").intValue());
    assertEquals(1234, node.get("latency_us").longValue());
    assertEquals(4002, node.get("ocsf_class_uid").intValue());
    assertEquals(4, node.get("ocsf_category_uid").intValue());
  }

  @Test
  void theInvocationAndRequestFieldsCarryTheirValues() {
    JsonNode node = line(new AllowEvent(NOW, INVOCATION, REQUEST, 0, 0));

    assertEquals("orders", node.get("function_name").stringValue());
    assertEquals("7", node.get("function_version").stringValue());
    assertEquals("on-demand", node.get("init_type").stringValue());
    assertEquals("eu-west-1", node.get("region").stringValue());
    assertEquals("req-1", node.get("function_request_id").stringValue());
    assertEquals("Root=1-abc", node.get("xray_trace_id").stringValue());
    assertEquals("tenant-9", node.get("tenant_id").stringValue());
    assertTrue(node.get("cold_start").isBoolean());
    assertTrue(node.get("cold_start").booleanValue());
    assertEquals("apigw-http-v2", node.get("event_source").stringValue());
    assertEquals("POST", node.get("http_method").stringValue());
    assertEquals("POST /orders/{id}", node.get("route").stringValue());
    assertEquals("/orders/42", node.get("path").stringValue());
    assertEquals("203.0.113.9", node.get("source_ip").stringValue());
    assertEquals("curl/8.5", node.get("user_agent").stringValue());
    assertEquals("alice", node.get("principal").stringValue());
  }

  @Test
  void aDenyEventCarriesReasonStatusAndInterceptor() {
    JsonNode node = line(new DenyEvent(NOW, INVOCATION, REQUEST, Reasons.BODY_TOO_LARGE, 413, "json_body", 5_000));

    assertEquals(withInvocationAndRequest(
        List.of("timestamp", "level", "schema", "event_type", "decision", "reason", "reason_kind", "status",
            "interceptor"),
        List.of("latency_us", "ocsf_class_uid", "ocsf_category_uid")), fields(node));
    assertEquals("WARN", node.get("level").stringValue());
    assertEquals("deny", node.get("event_type").stringValue());
    assertEquals("deny", node.get("decision").stringValue());
    assertEquals("body_too_large", node.get("reason").stringValue());
    assertEquals("input", node.get("reason_kind").stringValue());
    assertEquals(413, node.get("status").intValue());
    assertTrue(node.get("status").isInt());
    assertEquals("json_body", node.get("interceptor").stringValue());
    assertEquals(5, node.get("latency_us").longValue());
    assertEquals(4002, node.get("ocsf_class_uid").intValue());
    assertEquals(4, node.get("ocsf_category_uid").intValue());
  }

  @Test
  void anAuthenticationDenialIsClassifiedAsAnOcsfAuthenticationEvent() {
    Reason expired = Reason.of("token_expired", Reason.Kind.AUTHENTICATION);

    JsonNode node = line(new DenyEvent(NOW, INVOCATION, REQUEST, expired, 401, "jwt", 0));

    assertEquals("authentication", node.get("reason_kind").stringValue());
    assertEquals(3002, node.get("ocsf_class_uid").intValue());
    assertEquals(3, node.get("ocsf_category_uid").intValue());
  }

  @Test
  void anErrorEventNamesTheComponentAndTheErrorTypeOnly() {
    JsonNode node = line(new ErrorEvent(NOW, INVOCATION, REQUEST, Reasons.INTERNAL_ERROR, "tenant",
        "java.lang.IllegalStateException"));

    assertEquals(withInvocationAndRequest(
        List.of("timestamp", "level", "schema", "event_type", "decision", "reason", "reason_kind", "component",
            "error_type"),
        List.of("ocsf_class_uid", "ocsf_category_uid")), fields(node));
    assertEquals("ERROR", node.get("level").stringValue());
    assertEquals("error", node.get("event_type").stringValue());
    assertEquals("deny", node.get("decision").stringValue());
    assertEquals("internal_error", node.get("reason").stringValue());
    assertEquals("internal", node.get("reason_kind").stringValue());
    assertEquals("tenant", node.get("component").stringValue());
    assertEquals("java.lang.IllegalStateException", node.get("error_type").stringValue());
    assertEquals(6003, node.get("ocsf_class_uid").intValue());
    assertEquals(6, node.get("ocsf_category_uid").intValue());
  }

  @Test
  void anInitEventDescribesTheFunctionAndTheChain() {
    JsonNode node = line(new InitEvent(NOW, FUNCTION, List.of("json_body", "auth", "tenant")));

    assertEquals(List.of("timestamp", "level", "schema", "event_type", "function_name", "function_version",
        "init_type", "region", "interceptors", "chain", "ocsf_class_uid", "ocsf_category_uid"), fields(node));
    assertEquals("INFO", node.get("level").stringValue());
    assertEquals("init", node.get("event_type").stringValue());
    assertEquals(3, node.get("interceptors").intValue());
    assertEquals("json_body,auth,tenant", node.get("chain").stringValue());
    assertEquals(6003, node.get("ocsf_class_uid").intValue());
  }

  @Test
  void aDetectionEventDescribesTheFindingWithoutTheValue() {
    Finding finding = new Finding("sql_injection", "sqli-001", "/query/q", 80);

    JsonNode monitored = line(new DetectionEvent(NOW, INVOCATION, REQUEST, finding, false));
    JsonNode blocked = line(new DetectionEvent(NOW, INVOCATION, REQUEST, finding, true));

    assertEquals(withInvocationAndRequest(
        List.of("timestamp", "level", "schema", "event_type", "decision", "category", "rule_id", "location", "score"),
        List.of("ocsf_class_uid", "ocsf_category_uid")), fields(monitored));
    assertEquals("WARN", monitored.get("level").stringValue());
    assertEquals("detection", monitored.get("event_type").stringValue());
    assertEquals("monitor", monitored.get("decision").stringValue());
    assertEquals("deny", blocked.get("decision").stringValue());
    assertEquals("sql_injection", monitored.get("category").stringValue());
    assertEquals("sqli-001", monitored.get("rule_id").stringValue());
    assertEquals("/query/q", monitored.get("location").stringValue());
    assertEquals(80, monitored.get("score").intValue());
    assertEquals(2004, monitored.get("ocsf_class_uid").intValue());
    assertEquals(2, monitored.get("ocsf_category_uid").intValue());
  }

  @Test
  void aPassThroughEventNamesTheEventSource() {
    JsonNode node = line(new PassThroughEvent(NOW, INVOCATION, "sqs"));

    assertEquals(concat(List.of("timestamp", "level", "schema", "event_type", "decision", "event_source"),
        INVOCATION_FIELDS, List.of("ocsf_class_uid", "ocsf_category_uid")), fields(node));
    assertEquals("pass_through", node.get("event_type").stringValue());
    assertEquals("pass_through", node.get("decision").stringValue());
    assertEquals("sqs", node.get("event_source").stringValue());
    assertEquals("INFO", node.get("level").stringValue());
  }

  @Test
  void absentValuesAreLeftOutRatherThanWrittenAsNull() {
    InvocationInfo bare = new InvocationInfo(
        new FunctionEnvironment(null, null, null, null), Invocation.NONE, false);
    RequestSummary minimal = new RequestSummary("alb", "GET", null, "/", null, null, null);

    JsonNode node = line(new AllowEvent(NOW, bare, minimal, 0, 0));

    assertEquals(List.of("timestamp", "level", "schema", "event_type", "decision", "cold_start", "event_source",
        "http_method", "path", "findings", "latency_us", "ocsf_class_uid", "ocsf_category_uid"), fields(node));
    assertEquals(false, node.get("cold_start").booleanValue());
  }

  @Test
  void controlCharactersLineSeparatorsAndLoneSurrogatesAreEscaped() {
    String hostile = "a\u0000b\u001fc\u007fd\u2028e\u2029f\ud800g\"h\\i\nj\rk\tl\udc00";
    RequestSummary request = new RequestSummary("apigw-http-v2", "GET", null, "/", null, hostile, null);
    AllowEvent event = new AllowEvent(NOW, INVOCATION, request, 0, 0);

    String line = json.format(event);

    assertTrue(line.contains(
        "\"user_agent\":\"a\\u0000b\\u001fc\\u007fd\\u2028e\\u2029f\\ud800g\\\"h\\\\i\\nj\\rk\\tl\\udc00\""), line);
    for (char c : line.toCharArray()) {
      assertFalse(c < 0x20 || Character.isSurrogate(c), () -> "raw character " + (int) c + " in " + line);
    }
    assertEquals(hostile, line(event).get("user_agent").stringValue());
  }

  @Test
  void aValidSurrogatePairIsWrittenAsIs() {
    RequestSummary request = new RequestSummary("apigw-http-v2", "GET", null, "/😀", null, null, null);

    String line = json.format(new AllowEvent(NOW, INVOCATION, request, 0, 0));

    assertTrue(line.contains("\"path\":\"/😀\""), line);
  }

  @Test
  void aLineBreakInAValueCannotForgeASecondLogLine() {
    String forged = "curl\n{\"event_type\":\"allow\",\"decision\":\"allow\"}";
    RequestSummary request = new RequestSummary("apigw-http-v2", "GET", null, "/", null, forged, null);

    JsonNode node = line(new DenyEvent(NOW, INVOCATION, request, Reasons.JSON_MALFORMED, 400, "json_body", 0));

    assertEquals("deny", node.get("decision").stringValue());
    assertEquals(forged, node.get("user_agent").stringValue());
  }

  @Test
  void valuesLongerThan256CharactersAreCut() {
    RequestSummary longPath = new RequestSummary("apigw-http-v2", "GET", null, "/" + "a".repeat(999), null,
        "b".repeat(256), null);

    JsonNode node = line(new AllowEvent(NOW, INVOCATION, longPath, 0, 0));

    assertEquals("/" + "a".repeat(255) + "...", node.get("path").stringValue());
    assertEquals("b".repeat(256), node.get("user_agent").stringValue(), "exactly 256 characters are kept whole");
  }

  @Test
  void aSecretStraddlingTheCutIsRedactedBeforeTheValueIsCut() {
    redactor.register("sk_live_9f8e7d6c5b4a");
    RequestSummary request = new RequestSummary("apigw-http-v2", "GET", null,
        "/" + "a".repeat(249) + "sk_live_9f8e7d6c5b4a", null, null, null);

    String line = json.format(new AllowEvent(NOW, INVOCATION, request, 0, 0));

    assertFalse(line.contains("sk_live"), line);
    assertEquals("/" + "a".repeat(249) + "[REDAC...", line(new AllowEvent(NOW, INVOCATION, request, 0, 0))
        .get("path").stringValue());
  }

  @Test
  void everyStringValueGoesThroughTheRedactor() {
    String secret = "s3cr3t-4f9a";
    redactor.register(secret);
    InvocationInfo invocation = new InvocationInfo(
        new FunctionEnvironment("fn-" + secret, "v-" + secret, "it-" + secret, "r-" + secret),
        new Invocation("id-" + secret, "tr-" + secret, "tn-" + secret), false);
    RequestSummary request = new RequestSummary("es-" + secret, "M" + secret, "rt-" + secret, "/p/" + secret,
        "ip-" + secret, "ua-" + secret, "pr-" + secret);
    Reason reason = Reason.of("r", Reason.Kind.POLICY);
    List<SecurityEvent> events = List.of(
        new InitEvent(NOW, invocation.function(), List.of("in-" + secret)),
        new AllowEvent(NOW, invocation, request, 0, 0),
        new DenyEvent(NOW, invocation, request, reason, 403, "in-" + secret, 0),
        new ErrorEvent(NOW, invocation, request, reason, "co-" + secret, "et-" + secret),
        new DetectionEvent(NOW, invocation, request,
            new Finding("ca-" + secret, "ru-" + secret, "lo-" + secret, 1), true),
        new PassThroughEvent(NOW, invocation, "es-" + secret));

    for (SecurityEvent event : events) {
      String line = json.format(event);
      assertFalse(line.contains(secret), line);
      assertTrue(line.contains("[REDACTED]"), line);
      line(event);
    }
  }

  @Test
  void redactionDoesNotTouchFieldNames() {
    redactor.register("path");
    RequestSummary request = new RequestSummary("apigw-http-v2", "GET", null, "/a/path", null, null, null);

    JsonNode node = line(new AllowEvent(NOW, INVOCATION, request, 0, 0));

    assertEquals("/a/[REDACTED]", node.get("path").stringValue());
  }

  @Test
  void denyDetailsAreANestedRedactedObjectThatCannotCollideWithStandardFields() {
    Redactor redactor = new Redactor();
    redactor.register("planted-secret-value");
    JsonNode node = new tools.jackson.databind.ObjectMapper().readTree(new EventJson(redactor).format(new DenyEvent(
        NOW, INVOCATION, REQUEST, Reasons.TOKEN_EXPIRED, 401, "jwt",
        java.util.Map.of("status", "999", "token_fingerprint", "abc planted-secret-value"), 0)));
    assertEquals(401, node.get("status").intValue());
    assertEquals("999", node.get("details").get("status").stringValue());
    assertEquals("abc [REDACTED]", node.get("details").get("token_fingerprint").stringValue());
  }
}
