package dev.lambdaguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The normalized request: defaults, derived values, and what printing it reveals. */
class GuardRequestTest {

  @Test
  void anEmptyBuilderGivesAGetOfTheRootWithNothingElse() {
    GuardRequest request = GuardRequest.builder("alb").build();

    assertEquals("alb", request.source());
    assertEquals("GET", request.method());
    assertEquals("/", request.path());
    assertNull(request.routeKey());
    assertSame(MultiValueMap.emptyHeaders(), request.headers());
    assertSame(MultiValueMap.emptyQuery(), request.query());
    assertEquals(Map.of(), request.pathParameters());
    assertEquals(List.of(), request.cookies());
    assertSame(Body.empty(), request.body());
    assertEquals("", request.contentType());
    assertNull(request.sourceIp());
    assertNull(request.userAgent());
    assertSame(GatewayContext.NONE, request.gateway());
  }

  @Test
  void theMethodIsUpperCased() {
    assertEquals("PATCH", GuardRequest.builder("alb").method("patch").build().method());
  }

  @Test
  void theUserAgentAndContentTypeComeFromTheHeadersUnlessGivenExplicitly() {
    MultiValueMap headers = MultiValueMap.headersBuilder()
        .add("user-agent", "curl/8.5")
        .add("Content-Type", "application/json")
        .add("Content-Type", "text/plain")
        .build();

    GuardRequest fromHeaders = GuardRequest.builder("alb").headers(headers).build();
    GuardRequest explicit = GuardRequest.builder("alb").headers(headers).userAgent("from-context").build();

    assertEquals("curl/8.5", fromHeaders.userAgent());
    assertEquals("application/json", fromHeaders.contentType(), "the first Content-Type counts");
    assertEquals("from-context", explicit.userAgent());
  }

  @Test
  void pathParametersAreCopiedWithoutNulls() {
    Map<String, String> parameters = new HashMap<>();
    parameters.put("id", "42");
    parameters.put("empty", null);

    GuardRequest request = GuardRequest.builder("alb").pathParameters(parameters).build();
    parameters.put("id", "43");

    assertEquals(Map.of("id", "42"), request.pathParameters());
  }

  @Test
  void printingRevealsOnlySourceAndMethod() {
    GuardRequest request = GuardRequest.builder("apigw-http-v2").method("POST").path("/reset/secret-token")
        .headers(MultiValueMap.headersBuilder().add("Authorization", "Bearer secret-token").build())
        .build();

    assertEquals("GuardRequest[apigw-http-v2 POST]", request.toString());
  }
}
