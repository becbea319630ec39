package dev.lambdaguard.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.lambdaguard.Denial;
import dev.lambdaguard.Guard;
import dev.lambdaguard.Interceptor;
import dev.lambdaguard.Reason;
import dev.lambdaguard.aws.events.RuntimeSerialization;
import dev.lambdaguard.events.EventJson;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.events.StdoutJsonSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Authorization headers, cookies, API keys and registered secrets pushed through allow, deny and error
 * paths never appear in any byte the guard writes: events on the default sink, or response bodies.
 */
class RedactionEndToEndTest {

  private static final String SECRET = "s3cr3t-db-password-9f8e7d";
  private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJlLWJ5dGVz";
  private static final String API_KEY = "ak_live_7f3c9b2e41d0a8f6";
  private static final String COOKIE_VALUE = "sess-4b1f9e0c7a2d";

  @Test
  void noCredentialOrRegisteredSecretReachesAnyOutputOnAllowDenyOrErrorPaths() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Redactor redactor = new Redactor();
    assertTrue(redactor.register(SECRET));
    assertTrue(redactor.register(API_KEY));
    assertTrue(redactor.register(COOKIE_VALUE));
    StdoutJsonSink sink = new StdoutJsonSink(new EventJson(redactor), () -> out);

    Interceptor byPath = chain -> switch (chain.request().query().firstOrNull("mode")) {
      case "deny" -> Denial.forbidden(Reason.of("blocked_for_test", Reason.Kind.POLICY), "Not allowed.");
      case "error" -> throw new IllegalStateException("failure mentioning " + SECRET + " and " + JWT);
      default -> chain.proceed();
    };
    Guard guard = Guard.builder().eventSink(sink).redactor(redactor).addInterceptor(byPath).build();
    RequestHandler<APIGatewayV2HTTPEvent, Object> v2 = GuardedRequestHandler.wrap((e, c) -> "ok", guard);
    RequestHandler<APIGatewayProxyRequestEvent, Object> v1 = GuardedRequestHandler.wrap((e, c) -> "ok", guard);

    StringBuilder responses = new StringBuilder();
    for (String mode : List.of("allow", "deny", "error")) {
      APIGatewayV2HTTPEvent event = RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class,
          Fixtures.bytes("apigw-http-v2", "no-authorizer.json"));
      Map<String, String> headers = new HashMap<>(event.getHeaders());
      headers.put("authorization", "Bearer " + JWT);
      headers.put("x-api-key", API_KEY);
      headers.put("cookie", "session=" + COOKIE_VALUE);
      // Attacker-controlled fields that do reach events: the user agent and the path.
      headers.put("user-agent", "curl/8 " + SECRET + " Bearer " + JWT);
      event.setHeaders(headers);
      event.getRequestContext().getHttp().setUserAgent("curl/8 " + SECRET + " Bearer " + JWT);
      event.setRawPath("/orders/" + SECRET + "/" + JWT);
      event.setRawQueryString("mode=" + mode + "&token=" + JWT);
      event.setCookies(List.of("session=" + COOKIE_VALUE));
      Object v2Response = v2.handleRequest(event, new TestContext("r-" + mode));
      responses.append(new String(RuntimeSerialization.toJson(v2Response), StandardCharsets.UTF_8));

      APIGatewayProxyRequestEvent rest = RuntimeSerialization.fromJson(APIGatewayProxyRequestEvent.class,
          Fixtures.bytes("apigw-rest-v1", "cognito-user-pool-authorizer-claims.json"));
      rest.setQueryStringParameters(Map.of("mode", mode));
      rest.setMultiValueQueryStringParameters(null);
      rest.setPath("/cognito/" + API_KEY);
      Object response = v1.handleRequest(rest, new TestContext("r1-" + mode));
      responses.append(new String(RuntimeSerialization.toJson(response), StandardCharsets.UTF_8));
    }

    String written = bytes.toString(StandardCharsets.UTF_8) + responses;
    assertTrue(written.contains("\"event_type\":\"allow\""));
    assertTrue(written.contains("\"event_type\":\"deny\""));
    assertTrue(written.contains("\"event_type\":\"error\""));
    for (String forbidden : List.of(SECRET, JWT, API_KEY, COOKIE_VALUE, "eyJraWQiOiJadVlaXC9Kdm")) {
      assertFalse(written.contains(forbidden), "leaked: " + forbidden);
    }
    // The redacted fields are still there, masked, so investigators see that something was removed.
    assertTrue(written.contains("[REDACTED]"));
    assertEquals(6, bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("\"function_request_id\"")).count());
  }
}
