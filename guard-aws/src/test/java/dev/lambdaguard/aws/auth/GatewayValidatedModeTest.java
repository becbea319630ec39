package dev.lambdaguard.aws.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdaguard.Clock;
import dev.lambdaguard.Guard;
import dev.lambdaguard.SecurityContext;
import dev.lambdaguard.auth.GatewayTrust;
import dev.lambdaguard.auth.JwtAuthenticatorBuilder;
import dev.lambdaguard.auth.KeySource;
import dev.lambdaguard.aws.Fixtures;
import dev.lambdaguard.aws.GuardedRequestHandler;
import dev.lambdaguard.aws.RecordingSink;
import dev.lambdaguard.aws.TestContext;
import dev.lambdaguard.aws.events.RuntimeSerialization;
import dev.lambdaguard.events.SecurityEvent.DenyEvent;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * Gateway-validated mode on real captured events: the claims an HTTP API JWT authorizer and a REST
 * Cognito authorizer passed on are trusted only from the expected gateway; anything else is a bypass.
 */
class GatewayValidatedModeTest {

  private static final String POOL = "eu-west-1_y0bLG4i27";
  private static final String CLIENT = "3nkoep4151b7umeggnottc30u9";
  /** An hour after the captured login, within the captured tokens' lifetime. */
  private static final long CAPTURE_TIME_MILLIS = 1_718_640_000_000L;

  private final RecordingSink sink = new RecordingSink();
  private final AtomicReference<String> subject = new AtomicReference<>();

  private Guard guard(GatewayTrust trust) {
    Clock fixed = new Clock() {
      @Override public long currentTimeMillis() { return CAPTURE_TIME_MILLIS; }
      @Override public long nanoTime() { return 0; }
    };
    return Guard.builder().eventSink(sink).clock(fixed).jwt(JwtAuthenticatorBuilder.cognito("eu-west-1", POOL)
        // Never fetched in this mode: the gateway verified the signature.
        .keys(KeySource.staticJwks("{\"keys\":[]}"))
        .idTokensFor(CLIENT).trustGatewayAuthorizer(trust).clock(fixed).build()).build();
  }

  private int httpApi(GatewayTrust trust, String fixture) {
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> guarded = GuardedRequestHandler.wrap((e, c) -> {
      subject.set(SecurityContext.current().orElseThrow().principal().orElseThrow().subject());
      APIGatewayV2HTTPResponse ok = new APIGatewayV2HTTPResponse();
      ok.setStatusCode(200);
      return ok;
    }, guard(trust));
    return guarded.handleRequest(RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class,
        Fixtures.bytes("apigw-http-v2", fixture)), new TestContext("r")).getStatusCode();
  }

  @Test
  void theExpectedHttpApiAuthorizersClaimsAreTrusted() {
    assertEquals(200, httpApi(new GatewayTrust("123456789012", "lsw1ro4ipb", "$default"), "jwt-authorizer-cognito.json"));
    assertEquals("d2f50444-0041-7036-aea2-a955fca33d37", subject.get());
  }

  @Test
  void anotherApiIdOrStageIsAGatewayBypass() {
    assertEquals(401, httpApi(new GatewayTrust("123456789012", "otherapi01", "$default"), "jwt-authorizer-cognito.json"));
    assertEquals(401, httpApi(new GatewayTrust("123456789012", "lsw1ro4ipb", "prod"), "jwt-authorizer-cognito.json"));
    assertEquals("gateway_bypass", sink.eventsOf(DenyEvent.class).get(0).reason().code());
  }

  @Test
  void anEventWithoutAuthorizerClaimsIsAGatewayBypass() {
    assertEquals(401, httpApi(new GatewayTrust("123456789012", "aaaaaaaaaa", "$default"), "no-authorizer.json"));
    assertEquals("gateway_bypass", sink.eventsOf(DenyEvent.class).get(0).reason().code());
  }

  @Test
  void theRestCognitoAuthorizersDateFormatIsUnderstood() {
    RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> guarded = GuardedRequestHandler.wrap(
        (e, c) -> new APIGatewayProxyResponseEvent().withStatusCode(200),
        guard(new GatewayTrust("123456789012", "puhdx84jy9", "prod")));
    APIGatewayProxyResponseEvent response = guarded.handleRequest(RuntimeSerialization.fromJson(
        APIGatewayProxyRequestEvent.class, Fixtures.bytes("apigw-rest-v1", "cognito-user-pool-authorizer-claims.json")),
        new TestContext("r"));
    assertEquals(200, response.getStatusCode());
  }

  @Test
  void passedOnClaimsAreStillCheckedForExpiry() {
    Guard late = Guard.builder().eventSink(sink).clock(new Clock() {
      @Override public long currentTimeMillis() { return CAPTURE_TIME_MILLIS + 86_400_000L * 2; }
      @Override public long nanoTime() { return 0; }
    }).jwt(JwtAuthenticatorBuilder.cognito("eu-west-1", POOL).keys(KeySource.staticJwks("{\"keys\":[]}"))
        .idTokensFor(CLIENT).trustGatewayAuthorizer(new GatewayTrust("123456789012", "lsw1ro4ipb", "$default"))
        .clock(new Clock() {
          @Override public long currentTimeMillis() { return CAPTURE_TIME_MILLIS + 86_400_000L * 2; }
          @Override public long nanoTime() { return 0; }
        }).build()).build();
    APIGatewayV2HTTPResponse response = GuardedRequestHandler.<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>wrap(
        (e, c) -> null, late).handleRequest(RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class,
        Fixtures.bytes("apigw-http-v2", "jwt-authorizer-cognito.json")), new TestContext("r"));
    assertEquals(401, response.getStatusCode());
    assertEquals("token_expired", new ObjectMapper().readTree(response.getBody()).get("error").asString());
  }
}
