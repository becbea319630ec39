package dev.lambdaguard.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import dev.lambdaguard.Denial;
import dev.lambdaguard.Guard;
import dev.lambdaguard.Interceptor;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.Reason;
import dev.lambdaguard.aws.events.RuntimeSerialization;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A denial becomes each HTTP event type's own response, and the wrapped handler never runs. */
class DenialMappingTest {

  private static final Reason TOKEN_EXPIRED = Reason.of("token_expired", Reason.Kind.AUTHENTICATION);
  private static final Interceptor DENY_401 = chain -> Denial.unauthorized(TOKEN_EXPIRED, "The token has expired.")
      .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");

  private final AtomicInteger handlerCalls = new AtomicInteger();
  private final Guard guard = Guard.builder().eventSink(new RecordingSink()).addInterceptor(DENY_401).build();

  private <E, O> RequestHandler<E, O> guarded(O handlerResponse) {
    return GuardedRequestHandler.wrap((event, context) -> {
      handlerCalls.incrementAndGet();
      return handlerResponse;
    }, guard);
  }

  private static void assertErrorBody(String body, String requestId) {
    JsonNode json = new ObjectMapper().readTree(body);
    assertEquals("token_expired", json.get("error").asString());
    assertEquals("The token has expired.", json.get("message").asString());
    assertEquals(requestId, json.get("request_id").asString());
    assertEquals(3, json.size());
  }

  @Test
  void httpApiDenialIsAnHttpApiResponse() {
    APIGatewayV2HTTPEvent event = RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class,
        Fixtures.bytes("apigw-http-v2", "no-authorizer.json"));
    APIGatewayV2HTTPResponse response = this.<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>guarded(null)
        .handleRequest(event, new TestContext("req-v2"));
    assertEquals(401, response.getStatusCode());
    assertEquals("Bearer error=\"invalid_token\"", response.getHeaders().get("WWW-Authenticate"));
    assertEquals("application/json", response.getHeaders().get("Content-Type"));
    assertEquals("no-store", response.getHeaders().get("Cache-Control"));
    assertFalse(response.getIsBase64Encoded());
    assertErrorBody(response.getBody(), "req-v2");
    assertEquals(0, handlerCalls.get());
  }

  @Test
  void functionUrlDenialIsAnHttpApiResponse() {
    APIGatewayV2HTTPEvent event = RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class,
        Fixtures.bytes("function-url", "cookies-and-text-body.json"));
    APIGatewayV2HTTPResponse response = this.<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>guarded(null)
        .handleRequest(event, new TestContext("req-url"));
    assertEquals(401, response.getStatusCode());
    assertErrorBody(response.getBody(), "req-url");
    assertEquals(0, handlerCalls.get());
  }

  @Test
  void restApiDenialIsAProxyResponse() {
    APIGatewayProxyRequestEvent event = RuntimeSerialization.fromJson(APIGatewayProxyRequestEvent.class,
        Fixtures.bytes("apigw-rest-v1", "no-auth.json"));
    APIGatewayProxyResponseEvent response =
        this.<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>guarded(null)
            .handleRequest(event, new TestContext("req-v1"));
    assertEquals(401, response.getStatusCode());
    assertEquals("Bearer error=\"invalid_token\"", response.getHeaders().get("WWW-Authenticate"));
    assertEquals(Boolean.FALSE, response.getIsBase64Encoded());
    assertErrorBody(response.getBody(), "req-v1");
    assertEquals(0, handlerCalls.get());
  }

  @Test
  void albSingleValueDenialUsesHeadersAndAStatusDescription() {
    ApplicationLoadBalancerRequestEvent event = RuntimeSerialization.fromJson(
        ApplicationLoadBalancerRequestEvent.class, Fixtures.bytes("alb", "single-value-headers.json"));
    ApplicationLoadBalancerResponseEvent response =
        this.<ApplicationLoadBalancerRequestEvent, ApplicationLoadBalancerResponseEvent>guarded(null)
            .handleRequest(event, new TestContext("req-alb"));
    assertEquals(401, response.getStatusCode());
    assertEquals("401 Unauthorized", response.getStatusDescription());
    assertEquals("Bearer error=\"invalid_token\"", response.getHeaders().get("WWW-Authenticate"));
    assertNull(response.getMultiValueHeaders());
    assertErrorBody(response.getBody(), "req-alb");
    assertEquals(0, handlerCalls.get());
  }

  @Test
  void albMultiValueDenialUsesMultiValueHeadersOnly() {
    ApplicationLoadBalancerRequestEvent event = RuntimeSerialization.fromJson(
        ApplicationLoadBalancerRequestEvent.class, Fixtures.bytes("alb", "multi-value-query-and-headers.json"));
    ApplicationLoadBalancerResponseEvent response =
        this.<ApplicationLoadBalancerRequestEvent, ApplicationLoadBalancerResponseEvent>guarded(null)
            .handleRequest(event, new TestContext("req-alb-mv"));
    assertEquals(401, response.getStatusCode());
    assertEquals("401 Unauthorized", response.getStatusDescription());
    assertNull(response.getHeaders());
    assertEquals(List.of("Bearer error=\"invalid_token\""), response.getMultiValueHeaders().get("WWW-Authenticate"));
    assertEquals(List.of("application/json"), response.getMultiValueHeaders().get("Content-Type"));
    assertErrorBody(response.getBody(), "req-alb-mv");
  }

  @Test
  void denialResponsesSerializeAsTheRuntimeWouldWriteThem() {
    ApplicationLoadBalancerRequestEvent event = RuntimeSerialization.fromJson(
        ApplicationLoadBalancerRequestEvent.class, Fixtures.bytes("alb", "multi-value-headers.json"));
    Object response = this.<ApplicationLoadBalancerRequestEvent, Object>guarded(null)
        .handleRequest(event, new TestContext("req-ser"));
    JsonNode json = new ObjectMapper().readTree(RuntimeSerialization.toJson(response));
    assertEquals(401, json.get("statusCode").asInt());
    assertEquals("401 Unauthorized", json.get("statusDescription").asString());
    assertTrue(json.get("multiValueHeaders").has("WWW-Authenticate"));
  }

  @Test
  void headersAddedOnTheWayOutReachEachResponseType() {
    Interceptor stamp = chain -> ((Outcome.Handled) chain.proceed()).withHeader("RateLimit", "limit=10, remaining=9");
    Guard stamping = Guard.builder().eventSink(new RecordingSink()).addInterceptor(stamp).build();

    APIGatewayV2HTTPResponse v2 = new APIGatewayV2HTTPResponse();
    v2.setStatusCode(200);
    v2.setHeaders(Map.of("Content-Type", "text/plain"));
    APIGatewayV2HTTPResponse out = GuardedRequestHandler.<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>wrap(
            (e, c) -> v2, stamping)
        .handleRequest(RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class,
            Fixtures.bytes("apigw-http-v2", "no-authorizer.json")), new TestContext("r"));
    assertEquals("limit=10, remaining=9", out.getHeaders().get("RateLimit"));
    assertEquals("text/plain", out.getHeaders().get("Content-Type"));

    ApplicationLoadBalancerResponseEvent alb = new ApplicationLoadBalancerResponseEvent();
    alb.setStatusCode(200);
    ApplicationLoadBalancerResponseEvent albOut =
        GuardedRequestHandler.<ApplicationLoadBalancerRequestEvent, ApplicationLoadBalancerResponseEvent>wrap(
                (e, c) -> alb, stamping)
            .handleRequest(RuntimeSerialization.fromJson(ApplicationLoadBalancerRequestEvent.class,
                Fixtures.bytes("alb", "multi-value-headers.json")), new TestContext("r"));
    assertEquals(List.of("limit=10, remaining=9"), albOut.getMultiValueHeaders().get("RateLimit"));

    APIGatewayProxyResponseEvent v1 = new APIGatewayProxyResponseEvent().withStatusCode(200);
    APIGatewayProxyResponseEvent v1Out =
        GuardedRequestHandler.<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>wrap((e, c) -> v1, stamping)
            .handleRequest(RuntimeSerialization.fromJson(APIGatewayProxyRequestEvent.class,
                Fixtures.bytes("apigw-rest-v1", "no-auth.json")), new TestContext("r"));
    assertEquals("limit=10, remaining=9", v1Out.getHeaders().get("RateLimit"));
  }

  @Test
  void aFailingInterceptorFailsClosedWithA500AndNoStackTrace() {
    Guard failing = Guard.builder().eventSink(new RecordingSink())
        .addInterceptor(chain -> {
          throw new IllegalStateException("secret internals: db password hunter2");
        }).build();
    APIGatewayV2HTTPResponse response = GuardedRequestHandler.<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>wrap(
            (e, c) -> {
              handlerCalls.incrementAndGet();
              return null;
            }, failing)
        .handleRequest(RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class,
            Fixtures.bytes("apigw-http-v2", "no-authorizer.json")), new TestContext("req-500"));
    assertEquals(500, response.getStatusCode());
    assertFalse(response.getBody().contains("hunter2"));
    assertFalse(response.getBody().contains("IllegalStateException"));
    assertEquals("internal_error", new ObjectMapper().readTree(response.getBody()).get("error").asString());
    assertEquals(0, handlerCalls.get());
  }

  @Test
  void theHandlersOwnExceptionPropagatesUnchanged() {
    IllegalArgumentException thrown = new IllegalArgumentException("user bug");
    RequestHandler<APIGatewayV2HTTPEvent, Object> guarded = GuardedRequestHandler.wrap((e, c) -> {
      throw thrown;
    }, Guard.builder().eventSink(new RecordingSink()).build());
    APIGatewayV2HTTPEvent event = RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class,
        Fixtures.bytes("apigw-http-v2", "no-authorizer.json"));
    IllegalArgumentException caught = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> guarded.handleRequest(event, new TestContext("r")));
    org.junit.jupiter.api.Assertions.assertSame(thrown, caught);
  }
}
