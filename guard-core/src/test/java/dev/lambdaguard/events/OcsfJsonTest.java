package dev.lambdaguard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Finding;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.Reason;
import dev.lambdaguard.events.SecurityEvent.AllowEvent;
import dev.lambdaguard.events.SecurityEvent.ConfigurationWarningEvent;
import dev.lambdaguard.events.SecurityEvent.DenyEvent;
import dev.lambdaguard.events.SecurityEvent.DetectionEvent;
import dev.lambdaguard.events.SecurityEvent.ErrorEvent;
import dev.lambdaguard.events.SecurityEvent.InitEvent;
import dev.lambdaguard.events.SecurityEvent.NoticeEvent;
import dev.lambdaguard.events.SecurityEvent.PassThroughEvent;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Events as OCSF objects: each class used carries every attribute OCSF 1.x requires of it, as listed (with its
 * source files and commits) in {@code ocsf/required-attributes.json}.
 */
class OcsfJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:function:orders";
  private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
  static final FunctionEnvironment FUNCTION = new FunctionEnvironment("orders", "7", "on-demand", "eu-west-1");
  static final InvocationInfo INVOCATION =
      new InvocationInfo(FUNCTION, new Invocation("req-1", "Root=1-abc", null, ARN), true);
  static final RequestSummary ANONYMOUS = new RequestSummary(
      "apigw-http-v2", "POST", "POST /orders", "/orders", "203.0.113.9", "curl/8 " + JWT, null);
  static final RequestSummary ALICE = new RequestSummary(
      "apigw-http-v2", "GET", "GET /orders/{id}", "/orders/42", "203.0.113.9", "curl/8", "alice");

  private final OcsfJson ocsf = new OcsfJson(new Redactor());

  /** One event of every type the guard emits, by name. */
  static Map<String, SecurityEvent> everyEvent() {
    Map<String, SecurityEvent> events = new LinkedHashMap<>();
    events.put("allow", new AllowEvent(1_000L, INVOCATION, ALICE, 0, 5_000));
    events.put("deny_auth", new DenyEvent(1_000L, INVOCATION, ANONYMOUS,
        Reason.of("token_expired", Reason.Kind.AUTHENTICATION), 401, "jwt", Map.of("token_fingerprint", "abc123"),
        4_000));
    events.put("deny_input", new DenyEvent(1_000L, INVOCATION, ANONYMOUS,
        Reason.of("injection_detected", Reason.Kind.INPUT), 400, "input", 4_000));
    events.put("deny_rate", new DenyEvent(1_000L, INVOCATION, ALICE,
        Reason.of("rate_limited", Reason.Kind.RATE_LIMIT), 429, "rate_limit", 4_000));
    events.put("detection", new DetectionEvent(1_000L, INVOCATION, ANONYMOUS,
        new Finding("sqli", "sqli.tautology", "/body/name", 90), true));
    events.put("config_warning", new ConfigurationWarningEvent(1_000L, FUNCTION, "credential_in_environment",
        "aws_long_term_access_key", "LEGACY_KEY"));
    events.put("init", new InitEvent(1_000L, FUNCTION, List.of("limits", "jwt")));
    events.put("error", new ErrorEvent(1_000L, INVOCATION, ANONYMOUS, Reason.of("internal_error",
        Reason.Kind.INTERNAL), "input", "java.lang.IllegalStateException"));
    events.put("notice", new NoticeEvent(1_000L, INVOCATION, ALICE, "rate_limit_fallback", Map.of()));
    events.put("pass_through", new PassThroughEvent(1_000L, INVOCATION, "sqs"));
    events.put("anomaly", new SecurityEvent.AnomalyEvent(1_000L, INVOCATION, ANONYMOUS, new dev.lambdaguard.anomaly.Anomaly(
        dev.lambdaguard.anomaly.AnomalyType.values()[0], "auth_failures", "source_ip", "203.0.113.9", 40, 20, 100, 0)));
    events.put("egress_blocked", new SecurityEvent.EgressEvent(1_000L, FUNCTION, "evil.example", 443, "https", true));
    events.put("egress_seen", new SecurityEvent.EgressEvent(1_000L, FUNCTION, "api.example", -1, "https", false));
    events.put("package_warning", new ConfigurationWarningEvent(1_000L, FUNCTION, "credential_in_package",
        "pem_private_key", "key", "medium", "application.properties"));
    return events;
  }

  private JsonNode ocsf(SecurityEvent event) {
    String line = ocsf.formatLine(event);
    assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "one line");
    return JSON.readTree(line);
  }

  private static JsonNode requirements() throws Exception {
    try (InputStream in = OcsfJsonTest.class.getResourceAsStream("/ocsf/required-attributes.json")) {
      return JSON.readTree(in);
    }
  }

  @Test
  void everyEmittedObjectCarriesTheAttributesItsClassRequires() throws Exception {
    JsonNode requirements = requirements();
    TreeSet<String> classesSeen = new TreeSet<>();
    for (Map.Entry<String, SecurityEvent> e : everyEvent().entrySet()) {
      JsonNode object = ocsf(e.getValue());
      String classUid = object.path("class_uid").asString();
      JsonNode spec = requirements.get("classes").get(classUid);
      assertTrue(spec != null, e.getKey() + " uses class " + classUid + ", which is not one of the listed classes");
      classesSeen.add(classUid);
      List<String> missing = new ArrayList<>();
      for (JsonNode path : requirements.get("base_event").get("required")) {
        check(object, path.asString(), missing);
      }
      for (JsonNode path : spec.get("required")) {
        check(object, path.asString(), missing);
      }
      for (JsonNode group : spec.get("at_least_one")) {
        atLeastOne(object, "", group, missing);
      }
      for (Map.Entry<String, JsonNode> objectRule : requirements.get("objects").properties()) {
        for (JsonNode found : object.findValues(objectRule.getKey())) {
          atLeastOne(found, objectRule.getKey() + ".", objectRule.getValue().get("at_least_one"), missing);
        }
      }
      assertEquals(List.of(), missing, e.getKey() + ": " + object);
      assertEquals(spec.get("category_uid").asInt(), object.get("category_uid").asInt(), e.getKey());
      assertEquals(object.get("class_uid").asLong() * 100 + object.get("activity_id").asLong(),
          object.get("type_uid").asLong(), e.getKey() + ": type_uid = class_uid * 100 + activity_id");
      assertTrue(object.get("metadata").get("version").asString().startsWith("1."), e.getKey());
      assertEquals(1_000L, object.get("time").asLong(), e.getKey() + ": time in epoch milliseconds");
      int severity = object.get("severity_id").asInt();
      assertTrue(severity >= 0 && severity <= 6 || severity == 99, e.getKey() + ": severity_id " + severity);
    }
    assertEquals(new TreeSet<>(List.of("2004", "3002", "4001", "4002", "6003")), classesSeen,
        "every listed class is used");
  }

  private static void check(JsonNode object, String path, List<String> missing) {
    for (String alternative : path.split("\\|")) {
      if (at(object, alternative) != null) {
        return;
      }
    }
    missing.add(path);
  }

  private static void atLeastOne(JsonNode object, String prefix, JsonNode group, List<String> missing) {
    for (JsonNode name : group) {
      if (object.has(name.asString())) {
        return;
      }
    }
    missing.add(prefix + "at_least_one" + group);
  }

  private static JsonNode at(JsonNode object, String dotted) {
    JsonNode node = object;
    for (String part : dotted.split("\\.")) {
      node = node.get(part);
      if (node == null || node.isNull()) {
        return null;
      }
    }
    return node;
  }

  @Test
  void eachEventMapsOntoTheClassItsOwnLineNames() {
    EventJson own = new EventJson(new Redactor());
    for (Map.Entry<String, SecurityEvent> e : everyEvent().entrySet()) {
      JsonNode line = JSON.readTree(own.format(e.getValue()));
      JsonNode object = ocsf(e.getValue());
      assertEquals(line.get("ocsf_class_uid").asInt(), object.get("class_uid").asInt(), e.getKey());
      assertEquals(line.get("ocsf_category_uid").asInt(), object.get("category_uid").asInt(), e.getKey());
    }
  }

  @Test
  void anAuthenticationFailureIsAFailedLogonOfAnUnknownUserWithTheTokenFingerprint() {
    JsonNode auth = ocsf(everyEvent().get("deny_auth"));
    assertEquals(300201, auth.get("type_uid").asInt());
    assertEquals(2, auth.get("status_id").asInt());
    assertEquals("token_expired", auth.get("status_detail").asString());
    assertEquals("unknown", auth.get("user").get("name").asString());
    assertEquals("abc123", auth.get("user").get("credential_uid").asString());
    assertEquals("orders", auth.get("service").get("name").asString());
    assertEquals("203.0.113.9", auth.get("src_endpoint").get("ip").asString());
    assertEquals(401, auth.get("http_response").get("code").asInt());
    assertEquals(2, auth.get("action_id").asInt(), "security control: denied");
  }

  @Test
  void anAllowIsHttpActivityNamedByTheMethodWithTheCorrelationFields() {
    JsonNode allow = ocsf(everyEvent().get("allow"));
    assertEquals(400203, allow.get("type_uid").asInt(), "HTTP Activity, Get");
    assertEquals(1, allow.get("status_id").asInt());
    assertEquals("alice", allow.get("actor").get("user").get("uid").asString());
    assertEquals("/orders/42", allow.get("http_request").get("url").get("path").asString());
    assertEquals(ARN, allow.get("dst_endpoint").get("uid").asString());
    assertEquals("req-1", allow.get("metadata").get("correlation_uid").asString());
    JsonNode unmapped = allow.get("unmapped");
    assertEquals("req-1", unmapped.get("function_request_id").asString());
    assertEquals("Root=1-abc", unmapped.get("xray_trace_id").asString());
    assertEquals(ARN, unmapped.get("function_arn").asString());
    assertTrue(unmapped.get("cold_start").asBoolean());
    assertEquals("GET /orders/{id}", unmapped.get("route").asString());
    assertEquals(11, unmapped.get("caller_fingerprint").asString().length());
    assertEquals("AWS", allow.get("cloud").get("provider").asString());
  }

  @Test
  void aBlockingDetectionIsAHighSeverityFindingThatNamesTheRuleNotTheValue() {
    JsonNode finding = ocsf(everyEvent().get("detection"));
    assertEquals(200401, finding.get("type_uid").asInt());
    assertEquals(4, finding.get("severity_id").asInt());
    assertEquals("sqli", finding.get("finding_info").get("types").get(0).asString());
    assertEquals("sqli.tautology", finding.get("finding_info").get("analytic").get("uid").asString());
    assertEquals(2, finding.get("disposition_id").asInt(), "blocked");
    assertEquals("/body/name", finding.get("unmapped").get("location").asString());
  }

  @Test
  void aBlockedEgressIsARefusedConnectionToTheHost() {
    JsonNode egress = ocsf(everyEvent().get("egress_blocked"));
    assertEquals(400105, egress.get("type_uid").asInt(), "Network Activity, Refuse");
    assertEquals("evil.example", egress.get("dst_endpoint").get("hostname").asString());
    assertEquals(443, egress.get("dst_endpoint").get("port").asInt());
    assertEquals(2, egress.get("disposition_id").asInt());
    assertFalse(ocsf(everyEvent().get("egress_seen")).get("dst_endpoint").has("port"));
  }

  @Test
  void anAnomalyIsAFindingNamingTheFeatureAndTheKey() {
    JsonNode anomaly = ocsf(everyEvent().get("anomaly"));
    assertEquals(200401, anomaly.get("type_uid").asInt());
    assertEquals(4, anomaly.get("severity_id").asInt());
    assertEquals("auth_failures", anomaly.get("finding_info").get("analytic").get("uid").asString());
    assertEquals(40, anomaly.get("unmapped").get("observed").asInt());
    assertEquals("source_ip", anomaly.get("unmapped").get("key_kind").asString());
  }

  @Test
  void findingIdsDifferPerFindingAndRepeatForTheSameOne() {
    String one = ocsf(everyEvent().get("detection")).get("finding_info").get("uid").asString();
    String same = ocsf(everyEvent().get("detection")).get("finding_info").get("uid").asString();
    String other = ocsf(new DetectionEvent(1_000L, INVOCATION, ANONYMOUS,
        new Finding("sqli", "sqli.tautology", "/body/other", 90), true)).get("finding_info").get("uid").asString();
    assertEquals(one, same);
    assertFalse(one.equals(other));
  }

  @Test
  void credentialsNeverReachAnOcsfObject() {
    Redactor redactor = new Redactor();
    String secret = "s3cr3t-value-registered";
    redactor.register(secret);
    OcsfJson format = new OcsfJson(redactor);
    RequestSummary leaky = new RequestSummary("apigw-http-v2", "GET", "GET /x", "/x/" + secret, "203.0.113.9",
        "Bearer " + JWT, null);
    for (SecurityEvent event : List.of(new AllowEvent(1L, INVOCATION, leaky, 0, 0),
        new DenyEvent(1L, INVOCATION, leaky, Reason.of("token_missing", Reason.Kind.AUTHENTICATION), 401, "jwt",
            Map.of("note", secret), 0))) {
      String line = format.formatLine(event);
      assertFalse(line.contains(secret), line);
      assertFalse(line.contains(JWT), line);
    }
  }

  @Test
  void theGuardsDefaultSinkWritesOcsfWhenAskedTo() {
    java.io.PrintStream original = System.out;
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      dev.lambdaguard.Guard guard = dev.lambdaguard.Guard.builder().ocsfEvents().credentialCheck(false)
          .environment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders")).build();
      guard.handle(dev.lambdaguard.Requests.get("/orders"), new Invocation("req-9", null, null), context -> "ok");
    } finally {
      System.setOut(original);
    }
    String[] lines = bytes.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n");
    assertEquals(2, lines.length, "init and allow");
    assertEquals(6003, JSON.readTree(lines[0]).get("class_uid").asInt());
    JsonNode allow = JSON.readTree(lines[1]);
    assertEquals(4002, allow.get("class_uid").asInt());
    assertEquals("req-9", allow.get("unmapped").get("function_request_id").asString());
  }

  @Test
  void httpActivityIdsFollowTheMethods() {
    assertEquals(3, OcsfJson.httpActivity("GET"));
    assertEquals(6, OcsfJson.httpActivity("POST"));
    assertEquals(9, OcsfJson.httpActivity("PATCH"));
    assertEquals(99, OcsfJson.httpActivity("PROPFIND"));
    assertEquals(0, OcsfJson.httpActivity(null));
  }
}
