package dev.lambdaguard.aws.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import dev.lambdaguard.Cookie;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.aws.Fixtures;
import dev.lambdaguard.aws.GuardedRequestHandler;
import dev.lambdaguard.aws.RecordingSink;
import dev.lambdaguard.aws.TestContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every HTTP fixture, deserialized as the Lambda Java runtime does it and run through a guarded handler,
 * produces the request view that the raw JSON says it should. The generic test reads its expectations
 * from the raw JSON independently of the adapters; the named tests pin each tricky case.
 */
class HttpFixtureNormalizationTest {

  private static final ObjectMapper RAW = new ObjectMapper();

  static List<String> httpFixtures() {
    return Fixtures.all("apigw-rest-v1", "apigw-http-v2", "alb", "function-url");
  }

  /** Runs a fixture through a guarded handler and returns the request the chain saw. */
  static GuardRequest seen(String fixture) {
    String family = fixture.substring(0, fixture.indexOf('/'));
    String name = fixture.substring(fixture.indexOf('/') + 1);
    byte[] json = Fixtures.bytes(family, name);
    AtomicReference<GuardRequest> seen = new AtomicReference<>();
    Guard guard = Guard.builder().eventSink(new RecordingSink())
        .addInterceptor(chain -> {
          seen.set(chain.request());
          return chain.proceed();
        }).build();
    Object response = switch (family) {
      case "apigw-rest-v1" -> run(guard, APIGatewayProxyRequestEvent.class, json);
      case "alb" -> run(guard, ApplicationLoadBalancerRequestEvent.class, json);
      default -> run(guard, APIGatewayV2HTTPEvent.class, json);
    };
    assertEquals("handled", response);
    assertNotNull(seen.get(), "the chain saw no request for " + fixture);
    return seen.get();
  }

  private static <E> Object run(Guard guard, Class<E> type, byte[] json) {
    RequestHandler<E, Object> guarded = GuardedRequestHandler.wrap((event, context) -> "handled", guard);
    return guarded.handleRequest(RuntimeSerialization.fromJson(type, json), new TestContext("req-1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("httpFixtures")
  void everyFixtureNormalizesAsItsRawJsonSays(String fixture) throws Exception {
    JsonNode raw = RAW.readTree(Fixtures.path(fixture.substring(0, fixture.indexOf('/')),
        fixture.substring(fixture.indexOf('/') + 1)).toFile());
    GuardRequest request = seen(fixture);
    JsonNode rc = raw.path("requestContext");

    String expectedMethod = raw.has("httpMethod") ? raw.get("httpMethod").asString()
        : rc.path("http").path("method").asString();
    assertEquals(expectedMethod.toUpperCase(Locale.ROOT), request.method());

    String expectedPath = raw.has("rawPath") ? raw.get("rawPath").asString() : raw.get("path").asString();
    assertEquals(expectedPath, request.path());

    // Every header of the raw event can be found under any casing of its name, with every value.
    for (String header : List.of("headers", "multiValueHeaders")) {
      for (Map.Entry<String, JsonNode> e : raw.path(header).properties()) {
        List<String> values = request.headers().all(e.getKey().toUpperCase(Locale.ROOT));
        if (e.getValue().isArray()) {
          for (JsonNode v : e.getValue()) {
            assertTrue(values.contains(v.asString()), fixture + " header " + e.getKey());
          }
        } else {
          assertTrue(values.contains(e.getValue().asString()), fixture + " header " + e.getKey());
        }
        assertEquals(values, request.headers().all(e.getKey().toLowerCase(Locale.ROOT)));
      }
    }

    // Every query value the event carries is there (decoded for ALB, which does not decode).
    boolean alb = fixture.startsWith("alb/");
    for (String q : List.of("queryStringParameters", "multiValueQueryStringParameters")) {
      for (Map.Entry<String, JsonNode> e : raw.path(q).properties()) {
        List<JsonNode> values = new ArrayList<>();
        if (e.getValue().isArray()) {
          e.getValue().forEach(values::add);
        } else if (!raw.path("rawQueryString").asString("").contains(",") && !e.getValue().asString().contains(",")) {
          values.add(e.getValue());
        }
        for (JsonNode v : values) {
          String expected = alb ? QueryStrings.decode(v.asString()) : v.asString();
          assertTrue(request.query().all(alb ? QueryStrings.decode(e.getKey()) : e.getKey()).contains(expected),
              fixture + " query " + e.getKey());
        }
      }
    }

    // The body is decoded exactly.
    JsonNode body = raw.path("body");
    if (body.isString() && !body.asString().isEmpty()) {
      byte[] expected = raw.path("isBase64Encoded").asBoolean(false)
          ? Base64.getDecoder().decode(body.asString())
          : body.asString().getBytes(StandardCharsets.UTF_8);
      assertArrayEquals(expected, request.body().bytes());
    } else {
      assertTrue(request.body().isEmpty());
    }

    // The source IP is the gateway's, never a client-supplied X-Forwarded-For entry.
    String gatewayIp = rc.path("identity").path("sourceIp").asString(rc.path("http").path("sourceIp").asString(null));
    if (gatewayIp != null) {
      assertEquals(gatewayIp.replace("/32", ""), request.sourceIp());
    }
  }

  @Test
  void restApiReadsEveryValueOfRepeatedHeadersAndQueryParameters() {
    GuardRequest request = seen("apigw-rest-v1/multi-value-headers.json");
    assertEquals("apigw-rest-v1", request.source());
    assertEquals(List.of("value1", "value2"), request.headers().all("header2"));
    assertEquals(List.of("value1", "value2"), request.query().all("parameter1"));
    assertEquals("GET /my/path", request.routeKey());
    assertEquals("192.168.0.1", request.sourceIp());
    assertEquals("Hello from Lambda!", request.body().text());
  }

  @Test
  void restApiKeepsTheValueThatOnlyTheSingleValuedMapHolds() {
    // The SAM template's two Host headers disagree; both are inspected.
    GuardRequest request = seen("apigw-rest-v1/base64-body.json");
    assertEquals(2, request.headers().all("host").size());
    assertEquals("{\"test\":\"body\"}", request.body().text());
    assertTrue(request.body().wasBase64Encoded());
  }

  @Test
  void restApiConsoleTestInvokeWithNullHeadersStillNormalizes() {
    GuardRequest request = seen("apigw-rest-v1/console-test-invoke-api-key.json");
    assertTrue(request.headers().isEmpty());
    assertEquals("test-invoke-source-ip", request.sourceIp());
    assertEquals("test-invoke-api-key", request.apiKey());
    assertTrue(request.body().isEmpty());
  }

  @Test
  void restApiEdgeOptimizedUsesTheGatewaySourceIpNotForwardedFor() {
    GuardRequest request = seen("apigw-rest-v1/no-auth.json");
    assertEquals("15.248.3.126", request.sourceIp());
    assertEquals("/no-auth", request.path());
    assertEquals("POST /no-auth", request.routeKey());
  }

  @Test
  void restApiCognitoAuthorizerClaimsReachTheGatewayContext() {
    GuardRequest request = seen("apigw-rest-v1/cognito-user-pool-authorizer-claims.json");
    assertEquals("cognito", request.gateway().authorizerType());
    assertFalse(request.gateway().authorizerClaims().isEmpty());
    assertNotNull(request.gateway().apiId());
  }

  @Test
  void httpApiParsesTheRawQueryStringSoRepeatedParametersStaySeparate() {
    GuardRequest request = seen("apigw-http-v2/base64-body.json");
    assertEquals("apigw-http-v2", request.source());
    assertEquals(List.of("value1", "value2"), request.query().all("parameter1"));
    assertEquals("value1,value2", request.headers().firstOrNull("HEADER2"));
    assertEquals(List.of(new Cookie("cookie1", ""), new Cookie("cookie2", "")), request.cookies());
    assertEquals("{\"test\":\"body\"}", request.body().text());
    assertEquals("192.168.0.1", request.sourceIp());
  }

  @Test
  void httpApiJwtAuthorizerClaimsAndScopesReachTheGatewayContext() {
    GuardRequest request = seen("apigw-http-v2/jwt-authorizer-claims.json");
    assertEquals("jwt", request.gateway().authorizerType());
    assertFalse(request.gateway().authorizerClaims().isEmpty());
    assertFalse(request.gateway().authorizerScopes().isEmpty());
  }

  @Test
  void httpApiNoAuthorizerCapture() {
    GuardRequest request = seen("apigw-http-v2/no-authorizer.json");
    assertEquals("GET", request.method());
    assertEquals("/", request.path());
    assertEquals("1.2.3.4", request.sourceIp());
    assertEquals("curl/7.58.0", request.userAgent());
    assertEquals("$default", request.routeKey());
    assertNull(request.gateway().authorizerType());
    assertTrue(request.query().isEmpty());
  }

  @Test
  void functionUrlIsRecognisedAndItsTwoCookieFormsAreNotDoubled() {
    GuardRequest request = seen("function-url/cookies-and-text-body.json");
    assertEquals("function-url", request.source());
    assertEquals(List.of(new Cookie("foo", "bar"), new Cookie("hello", "hello")), request.cookies());
    assertEquals(List.of("world"), request.query().all("hello"));
    assertEquals("{\"hello\": \"world\"}", request.body().text());
    assertEquals("application/json", request.contentType());
  }

  @Test
  void functionUrlBase64BodyIsDecoded() {
    GuardRequest request = seen("function-url/base64-body.json");
    assertEquals("function-url", request.source());
    assertEquals("<idk/>", request.body().text());
    assertEquals("idk", request.contentType());
  }

  @Test
  void albSourceIpIsTheEntryTheLoadBalancerAppendedLast() {
    GuardRequest request = seen("alb/multi-value-headers.json");
    assertEquals("alb", request.source());
    assertEquals("72.21.198.67", request.sourceIp());
    assertEquals(List.of("hello"), request.query().all("key"));
    assertNull(request.routeKey());
  }

  @Test
  void albQueryIsUrlDecodedBecauseTheLoadBalancerDoesNot() {
    GuardRequest request = seen("alb/url-encoded-query-params.json");
    assertEquals(List.of("?showAll=true"), request.query().all("myKey"));
  }

  @Test
  void albMultiValueModeKeepsEveryValue() {
    GuardRequest request = seen("alb/multi-value-query-and-headers.json");
    assertEquals(List.of("value1", "value2"), request.headers().all("Header2"));
    assertEquals(List.of("value1", "value2"), request.query().all("parameter1"));
  }

  @Test
  void albCookieHeaderAndHealthCheck() {
    assertEquals(List.of(new Cookie("name", "value")), seen("alb/cookie-header.json").cookies());
    GuardRequest health = seen("alb/health-check.json");
    assertNull(health.sourceIp());
    assertEquals("ELB-HealthChecker/2.0", health.userAgent());
    assertTrue(health.body().isEmpty());
  }
}
