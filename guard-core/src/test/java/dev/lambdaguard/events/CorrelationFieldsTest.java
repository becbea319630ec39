package dev.lambdaguard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Invocation;
import dev.lambdaguard.events.SecurityEvent.AllowEvent;
import dev.lambdaguard.events.SecurityEvent.InitEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every event carries what joins it to the invocation's other logs and traces, under Powertools for AWS Lambda's
 * logging names where they overlap; the caller appears as a fingerprint that holds no credential.
 */
class CorrelationFieldsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:function:orders:live";
  private static final FunctionEnvironment FUNCTION = FunctionEnvironment.from(Map.of(
      "AWS_LAMBDA_FUNCTION_NAME", "orders", "AWS_LAMBDA_FUNCTION_VERSION", "7",
      "AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand", "AWS_REGION", "eu-west-1",
      "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512", "POWERTOOLS_SERVICE_NAME", "checkout"));
  private static final InvocationInfo INVOCATION =
      new InvocationInfo(FUNCTION, new Invocation("req-1", "Root=1-abc", null, ARN), true);

  private static JsonNode allow(RequestSummary request) {
    return JSON.readTree(new EventJson(new Redactor()).format(new AllowEvent(1L, INVOCATION, request, 0, 0)));
  }

  private static RequestSummary request(String ip, String principal) {
    return new RequestSummary("apigw-http-v2", "GET", "GET /orders/{id}", "/orders/1", ip, "curl/8", principal);
  }

  @Test
  void anInvocationEventCarriesThePowertoolsCorrelationFields() {
    JsonNode event = allow(request("203.0.113.9", null));
    assertEquals("req-1", event.get("function_request_id").stringValue());
    assertEquals("Root=1-abc", event.get("xray_trace_id").stringValue());
    assertEquals(ARN, event.get("function_arn").stringValue());
    assertEquals("orders", event.get("function_name").stringValue());
    assertEquals("7", event.get("function_version").stringValue());
    assertEquals(512, event.get("function_memory_size").intValue());
    assertEquals("checkout", event.get("service").stringValue());
    assertTrue(event.get("cold_start").booleanValue());
    assertEquals("GET /orders/{id}", event.get("route").stringValue());
  }

  @Test
  void theInitEventCarriesTheFunctionsFieldsButNoInvocationIds() {
    JsonNode init = JSON.readTree(new EventJson(new Redactor()).format(new InitEvent(1L, FUNCTION, List.of())));
    assertEquals("checkout", init.get("service").stringValue());
    assertEquals(512, init.get("function_memory_size").intValue());
    assertFalse(init.has("function_request_id"));
  }

  @Test
  void aMemorySizeThatIsNotANumberIsLeftOut() {
    FunctionEnvironment odd = new FunctionEnvironment("f", null, null, null, "lots", null);
    JsonNode init = JSON.readTree(new EventJson(new Redactor()).format(new InitEvent(1L, odd, List.of())));
    assertFalse(init.has("function_memory_size"));
  }

  @Test
  void theCallerFingerprintIsStableShortAndNeverTheRawValue() {
    String byIp = allow(request("203.0.113.9", null)).get("caller_fingerprint").stringValue();
    assertEquals(byIp, allow(request("203.0.113.9", null)).get("caller_fingerprint").stringValue());
    assertEquals(11, byIp.length());
    assertTrue(byIp.matches("[A-Za-z0-9_-]{11}"), byIp);
    assertNotEquals(byIp, allow(request("203.0.113.10", null)).get("caller_fingerprint").stringValue());
    assertFalse(byIp.contains("203"));
  }

  @Test
  void anAuthenticatedCallerIsFingerprintedByTheSubjectWhateverTheAddress() {
    String fromOne = allow(request("203.0.113.9", "alice")).get("caller_fingerprint").stringValue();
    String fromOther = allow(request("198.51.100.7", "alice")).get("caller_fingerprint").stringValue();
    assertEquals(fromOne, fromOther);
    assertNotEquals(fromOne, allow(request("203.0.113.9", null)).get("caller_fingerprint").stringValue());
  }

  @Test
  void aSubjectThatLooksLikeAnAddressDoesNotCollideWithTheAddress() {
    assertNotEquals(CallerFingerprint.of(request(null, "203.0.113.9")),
        CallerFingerprint.of(request("203.0.113.9", null)));
  }

  @Test
  void aRequestWithNeitherSubjectNorAddressHasNoFingerprint() {
    assertNull(CallerFingerprint.of(request(null, null)));
    assertFalse(allow(request(null, null)).has("caller_fingerprint"));
  }
}
