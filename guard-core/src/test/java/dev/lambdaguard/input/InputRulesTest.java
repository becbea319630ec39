package dev.lambdaguard.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Body;
import dev.lambdaguard.Denial;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.MultiValueMap;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.RecordingSink;
import dev.lambdaguard.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Limits, content type, parameter rules, JSON Schema and rich-text sanitization, through a guard. */
class InputRulesTest {

  final RecordingSink sink = new RecordingSink();
  final AtomicReference<SecurityContext> seen = new AtomicReference<>();

  Guard guard(InputPolicy policy) {
    return Guard.builder().environment(Map.of()).eventSink(sink).inputInspection(policy).build();
  }

  Outcome send(Guard guard, GuardRequest request) {
    return guard.handle(request, Invocation.NONE, context -> {
      seen.set(SecurityContext.current().orElseThrow());
      return "ok";
    });
  }

  static GuardRequest post(String path, String contentType, String body) {
    return GuardRequest.builder("apigw-http-v2").method("POST").path(path)
        .headers(MultiValueMap.headersBuilder().add("content-type", contentType).build())
        .body(Body.ofBytes(body.getBytes(StandardCharsets.UTF_8))).build();
  }

  static String reason(Outcome outcome) {
    return outcome instanceof Denial d ? d.status() + " " + d.reason().code() : "allowed";
  }

  @Test
  void oversizedRequestsAreRefusedBeforeAnythingIsParsed() {
    Guard guard = Guard.builder().environment(Map.of()).eventSink(sink)
        .requestLimits(RequestLimits.defaults().withMaxQueryParameters(2).withMaxBodyBytes(64).withMaxHeaders(3, 256))
        .build();
    MultiValueMap.Builder query = MultiValueMap.queryBuilder();
    for (int i = 0; i < 3; i++) {
      query.add("p" + i, "v");
    }
    assertEquals("400 parameters_too_large",
        reason(send(guard, GuardRequest.builder("apigw-http-v2").method("GET").path("/").query(query.build()).build())));
    MultiValueMap.Builder headers = MultiValueMap.headersBuilder();
    for (int i = 0; i < 4; i++) {
      headers.add("x-h" + i, "v");
    }
    assertEquals("431 headers_too_large",
        reason(send(guard, GuardRequest.builder("apigw-http-v2").method("GET").path("/").headers(headers.build()).build())));
    assertEquals("413 body_too_large", reason(send(guard, post("/", "text/plain", "x".repeat(65)))));
    assertEquals("allowed", reason(send(guard, post("/", "text/plain", "x".repeat(64)))));
    assertEquals("limits", guard.interceptorNames().get(0), "limits run first");
  }

  @Test
  void aJsonOnlyRouteRefusesOtherBodiesWith415() {
    Guard guard = guard(InputPolicy.builder().route("POST /orders", RouteInput.builder().jsonOnly().build()).build());
    assertEquals("415 unsupported_media_type", reason(send(guard, post("/orders", "text/plain", "item=tea"))));
    assertEquals("allowed", reason(send(guard, post("/orders", "application/json", "{\"item\":\"tea\"}"))));
  }

  @Test
  void parameterRulesCheckTypeRangeAndPatternAndNameTheParameterNotTheValue() {
    Guard guard = guard(InputPolicy.builder().route("GET /orders/{id}", RouteInput.builder()
        .pathParameter("id", ParameterRule.pattern("[a-z0-9-]{1,12}", 12))
        .query("page", ParameterRule.integer(1, 100))
        .query("sort", ParameterRule.oneOf("asc", "desc"))
        .header("x-tenant", ParameterRule.pattern("[a-z]+", 16).required())
        .build()).build());
    GuardRequest.Builder ok = GuardRequest.builder("apigw-http-v2").method("GET").path("/orders/a-1")
        .routeKey("GET /orders/{id}").pathParameters(Map.of("id", "a-1"))
        .headers(MultiValueMap.headersBuilder().add("x-tenant", "acme").build());
    assertEquals("allowed", reason(send(guard, ok.query(MultiValueMap.queryBuilder().add("page", "3").build()).build())));
    Outcome badPage = send(guard, ok.query(MultiValueMap.queryBuilder().add("page", "101").build()).build());
    assertEquals("400 parameter_invalid", reason(badPage));
    assertEquals("query.page", ((Denial) badPage).eventFields().get("location"));
    assertEquals("400 parameter_invalid", reason(send(guard,
        ok.query(MultiValueMap.queryBuilder().add("sort", "random()").build()).build())));
    Outcome longId = send(guard, ok.query(MultiValueMap.emptyQuery()).pathParameters(Map.of("id", "x".repeat(5000))).build());
    assertEquals("400 parameter_invalid", reason(longId));
    assertFalse(((Denial) longId).message().contains("xxxx"));
    Outcome noTenant = send(guard, GuardRequest.builder("apigw-http-v2").method("GET").path("/orders/a-1")
        .routeKey("GET /orders/{id}").pathParameters(Map.of("id", "a-1")).build());
    assertEquals("required", ((Denial) noTenant).eventFields().get("rule"));
  }

  @Test
  void aMalformedParameterRuleFailsAtInitNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterRule.pattern("[a-z", 10));
    assertTrue(e.getMessage().contains("[a-z"));
    assertThrows(IllegalArgumentException.class, () -> ParameterRule.integer(5, 1));
  }

  @Test
  void bodiesAreValidatedAgainstTheRouteSchemaAndFailuresNamePointersAndKeywordsNeverValues() {
    Guard guard = guard(InputPolicy.builder()
        .route("POST /orders", RouteInput.builder().schema("schemas/order.json").build()).build());
    assertEquals("allowed", reason(send(guard, post("/orders", "application/json", "{\"item\":\"tea\",\"quantity\":2}"))));
    Outcome bad = send(guard, post("/orders", "application/json",
        "{\"item\":\"\",\"quantity\":999,\"<img src=x onerror=alert(1)>\":\"secret-value-1\"}"));
    assertEquals("400 schema_invalid", reason(bad));
    String message = ((Denial) bad).message();
    assertTrue(message.contains("/quantity (maximum)"), message);
    assertTrue(message.contains("/item (minLength)"), message);
    assertTrue(message.contains("(additionalProperties)"), message);
    assertFalse(message.contains("img") || message.contains("secret-value-1") || message.contains("999"), message);
    assertEquals("400 schema_invalid", reason(send(guard, post("/orders", "application/json", "[1,2]"))));
  }

  @Test
  void draft07SchemasAreHonouredByTheirSchemaKeyword() {
    Guard guard = guard(InputPolicy.builder()
        .route("POST /orders", RouteInput.builder().schema("schemas/order-draft7.json").build()).build());
    assertEquals("allowed", reason(send(guard, post("/orders", "application/json", "{\"item\":\"tea\",\"tags\":[\"a\"]}"))));
    Outcome tooMany = send(guard, post("/orders", "application/json", "{\"item\":\"tea\",\"tags\":[\"a\",\"b\",\"c\",\"d\"]}"));
    assertTrue(((Denial) tooMany).message().contains("/tags (maxItems)"), ((Denial) tooMany).message());
  }

  @Test
  void anUnknownSchemaFailsAtInitNamingTheResource() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RouteInput.builder().schema("schemas/missing.json"));
    assertTrue(e.getMessage().contains("schemas/missing.json"), e.getMessage());
  }

  @Test
  void aBrokenSchemaIsCompiledAtItsFirstBodyAndThenFailsClosedOrAtInitWhenAskedTo() {
    BodySchema broken = BodySchema.classpath("schemas/broken.json"); // found; compiled later
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, broken::compiled);
    assertTrue(e.getMessage().contains("schemas/broken.json"), e.getMessage());
    assertSame(e, assertThrows(IllegalArgumentException.class, broken::compiled), "compiled once, not per call");
    Guard guard = guard(InputPolicy.builder()
        .route("POST /orders", RouteInput.builder().schema("schemas/broken.json").build()).build());
    Outcome outcome = send(guard, post("/orders", "application/json", "{\"item\":\"tea\"}"));
    assertEquals("500 internal_error", reason(outcome), "never let through unvalidated");
    assertEquals(null, seen.get(), "the handler did not run");
  }

  @Test
  void richTextFieldsReachTheHandlerSanitizedAndTheChangeIsRecorded() {
    Guard guard = guard(InputPolicy.builder()
        .route("POST /pages", RouteInput.builder().richText("body/content").build()).build());
    Outcome outcome = send(guard, post("/pages", "application/json",
        "{\"title\":\"Hello\",\"content\":\"<p>Hi <b>there</b><script>alert(1)</script><a href=\\\"javascript:alert(2)\\\">x</a></p>\"}"));
    assertEquals("allowed", reason(outcome));
    String content = seen.get().jsonBody().orElseThrow().get("content").asString();
    assertEquals("<p>Hi <b>there</b>x</p>", content);
    assertEquals(content, seen.get().sanitizedFields().get("body/content"));
    assertEquals("html.sanitized", seen.get().findings().get(0).ruleId());
    assertThrows(IllegalArgumentException.class, () -> RouteInput.builder().richText("form.comment"),
        "a field that is not rewritten must not be allowed markup");
  }

  @Test
  void aPrivateClientAddressInAForwardingHeaderIsNoSsrfButOtherAttacksThereStillAre() {
    Guard guard = guard(InputPolicy.defaults());
    for (String header : InputPolicy.CLIENT_ADDRESS_HEADERS) {
      assertEquals("allowed", reason(send(guard, get(header, "10.0.1.23"))), header + " from an internal ALB");
    }
    assertEquals("allowed", reason(send(guard, get("x-forwarded-for", "203.0.113.7, 10.0.1.23"))));
    assertEquals("400 injection_detected", reason(send(guard, get("x-forwarded-for", "1' OR '1'='1"))));
    assertEquals("400 injection_detected", reason(send(guard, get("x-forwarded-host", "169.254.169.254"))),
        "a host header is still a host to fetch");
  }

  static GuardRequest get(String header, String value) {
    return GuardRequest.builder("apigw-http-v2").method("GET").path("/orders")
        .headers(MultiValueMap.headersBuilder().add(header, value).build()).build();
  }

  @Test
  void aRequestWithMoreTextThanTheScanBudgetIsRefusedNotPassedUnscanned() {
    Guard guard = guard(InputPolicy.builder().maxScanChars(2048).build());
    assertEquals("413 input_too_large",
        reason(send(guard, post("/notes", "application/json", "{\"a\":\"" + "x".repeat(1500) + "\",\"b\":\"" + "y".repeat(1500) + "\"}"))));
  }

  @Test
  void aSureFindingEndsTheValuesScanOnlyWhenItRefusesTheRequest() {
    // this reads as command injection (90, scanned first) and as path traversal (95, surer): without the stop the
    // surer reading would be reported
    String body = "{\"note\":\"`cat ../../../etc/passwd`\"}";
    Guard monitorCommands = guard(InputPolicy.builder().mode(Category.CMDI, InspectionMode.MONITOR).build());
    Outcome refused = send(monitorCommands, post("/notes", "application/json", body));
    assertEquals("400 injection_detected", reason(refused), "a monitored sure finding does not end the scan");
    assertEquals("path", ((Denial) refused).eventFields().get("category"));
    Guard allowCommands = guard(InputPolicy.builder().allow("body/note", Category.CMDI).build());
    assertEquals("path", ((Denial) send(allowCommands, post("/notes", "application/json", body))).eventFields()
        .get("category"), "nor does one the field is allowed to carry");
    Guard blockAll = guard(InputPolicy.defaults());
    assertEquals("cmdi", ((Denial) send(blockAll, post("/notes", "application/json", body))).eventFields()
        .get("category"), "a blocking sure finding ends it: the first category that reads it is reported");
  }
}
