package dev.lambdaguard.auth;

import static dev.lambdaguard.auth.JwtHarness.AUDIENCE;
import static dev.lambdaguard.auth.JwtHarness.ISSUER;
import static dev.lambdaguard.auth.JwtHarness.NOW;
import static dev.lambdaguard.auth.JwtHarness.RSA;
import static dev.lambdaguard.auth.JwtHarness.claims;
import static dev.lambdaguard.auth.JwtHarness.reasonOf;
import static dev.lambdaguard.auth.Tokens.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Cookie;
import dev.lambdaguard.Denial;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.MultiValueMap;
import dev.lambdaguard.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Route authorization, token placement, provider shapes, caching and replay. */
class JwtAuthorizationTest {

  static final RoutePolicy ROUTES = RoutePolicy.builder()
      .route("GET /orders/{id}", RouteRequirement.scopes("orders:read"))
      .route("POST /orders", RouteRequirement.scopes("orders:write"))
      .route("DELETE /orders/{id}", RouteRequirement.roles("admin"))
      .route("ANY /admin/{proxy+}", RouteRequirement.authenticated().amr("mfa").maxAuthAge(Duration.ofMinutes(5)))
      .denyUnlisted()
      .build();

  @ParameterizedTest(name = "{0} {1} with [{2}] -> {3}")
  @CsvSource(delimiter = '|', value = {
      "GET    | /orders/7        | orders:read                 | allowed",
      "GET    | /orders/7        | orders:write                | insufficient_scope",
      "POST   | /orders          | orders:read orders:write    | allowed",
      "POST   | /orders          | orders:read                 | insufficient_scope",
      "DELETE | /orders/7        | orders:write                | insufficient_scope",
      "PUT    | /orders/7        | orders:write                | route_not_allowed",
      "GET    | /orders/7/../..  | orders:read                 | route_not_allowed",
      "GET    | /admin/users     | orders:read                 | insufficient_user_authentication",
  })
  void theRouteMatrix(String method, String path, String scopes, String expected) {
    JwtHarness harness = new JwtHarness(JwtHarness.defaults().routes(ROUTES));
    String token = sign("RS256", RSA, claims("\"scope\":\"" + scopes + "\""));
    // No gateway route key (an ALB or a $default route): the policy matches by method and path.
    assertEquals(expected, reasonOf(harness.send("Bearer " + token, method, path, null)));
  }

  @Test
  void rolesFromCognitoGroupsOpenARoleRoute() {
    JwtHarness harness = new JwtHarness(JwtHarness.defaults().routes(ROUTES));
    String token = sign("RS256", RSA, claims("\"cognito:groups\":[\"admin\",\"staff\"]"));
    assertEquals("allowed", reasonOf(harness.send("Bearer " + token, "DELETE", "/orders/7", "DELETE /orders/{id}")));
    assertEquals(Set.of("admin", "staff"), harness.principal.get().roles());
  }

  @Test
  void rolesMayComeFromANestedClaimPath() {
    JwtHarness harness = new JwtHarness(JwtHarness.defaults().routes(ROUTES).roleClaims("realm_access.roles"));
    String token = sign("RS256", RSA, claims("\"realm_access\":{\"roles\":[\"admin\"]},\"roles\":[\"viewer\"]"));
    assertEquals("allowed", reasonOf(harness.send("Bearer " + token, "DELETE", "/orders/7", "DELETE /orders/{id}")));
    assertEquals(Set.of("admin"), harness.principal.get().roles());
  }

  @Test
  void stepUpIsSatisfiedByARecentMultiFactorLogin() {
    JwtHarness harness = new JwtHarness(JwtHarness.defaults().routes(ROUTES));
    String recentMfa = sign("RS256", RSA, claims("\"amr\":[\"pwd\",\"mfa\"],\"auth_time\":" + (NOW - 120)));
    assertEquals("allowed", reasonOf(harness.send("Bearer " + recentMfa, "POST", "/admin/users", null)));
    String oldMfa = sign("RS256", RSA, claims("\"amr\":[\"mfa\"],\"auth_time\":" + (NOW - 3600)));
    Denial denial = assertInstanceOf(Denial.class, harness.send("Bearer " + oldMfa, "POST", "/admin/users", null));
    assertEquals(401, denial.status());
    assertTrue(denial.headers().get("WWW-Authenticate").contains("error=\"insufficient_user_authentication\""));
    assertTrue(denial.headers().get("WWW-Authenticate").contains("max_age=300"));
  }

  @Test
  void insufficientScopeNamesTheScopesTheRouteNeeds() {
    JwtHarness harness = new JwtHarness(JwtHarness.defaults().routes(ROUTES));
    Denial denial = assertInstanceOf(Denial.class, harness.send("Bearer " + sign("RS256", RSA, claims()),
        "POST", "/orders", "POST /orders"));
    assertEquals(403, denial.status());
    assertEquals("Bearer realm=\"api\", error=\"insufficient_scope\", scope=\"orders:write\"",
        denial.headers().get("WWW-Authenticate"));
  }

  @Test
  void scopesMayComeAsAnScpArray() {
    JwtHarness harness = new JwtHarness(JwtHarness.defaults().routes(ROUTES));
    String token = sign("RS256", RSA, claims("\"scp\":[\"orders:read\"]"));
    assertEquals("allowed", reasonOf(harness.send("Bearer " + token, "GET", "/orders/1", "GET /orders/{id}")));
  }

  @Test
  void aMissingTokenIsChallengedWithoutAnErrorCode() {
    JwtHarness harness = new JwtHarness(JwtHarness.defaults());
    Denial denial = assertInstanceOf(Denial.class, harness.send((String) null));
    assertEquals("token_missing", denial.reason().code());
    assertEquals("Bearer realm=\"api\"", denial.headers().get("WWW-Authenticate"));
    Denial basic = assertInstanceOf(Denial.class, harness.send("Basic YWxpY2U6c2VjcmV0"));
    assertEquals("token_missing", basic.reason().code());
  }

  @Test
  void theBearerSchemeIsCaseInsensitive() {
    JwtHarness harness = new JwtHarness(JwtHarness.defaults());
    assertEquals("allowed", reasonOf(harness.send("bEaReR " + sign("RS256", RSA, claims()))));
  }

  @Test
  void tokensInTwoPlacesAreAmbiguous() {
    JwtHarness harness = new JwtHarness(JwtHarness.defaults()
        .tokenLocations(TokenLocation.authorizationHeader(), TokenLocation.cookie("session")));
    String token = sign("RS256", RSA, claims());
    GuardRequest both = GuardRequest.builder("alb").method("GET").path("/orders/1")
        .headers(MultiValueMap.headersBuilder().add("Authorization", "Bearer " + token).build())
        .cookies(List.of(new Cookie("session", token))).build();
    Denial denial = assertInstanceOf(Denial.class, harness.send(both));
    assertEquals(400, denial.status());
    assertEquals("token_ambiguous", denial.reason().code());

    GuardRequest twoHeaders = GuardRequest.builder("alb").method("GET").path("/orders/1")
        .headers(MultiValueMap.headersBuilder().add("Authorization", "Bearer " + token)
            .add("authorization", "Bearer " + token).build()).build();
    assertEquals("token_ambiguous", reasonOf(harness.send(twoHeaders)));

    GuardRequest cookieOnly = GuardRequest.builder("alb").method("GET").path("/orders/1")
        .cookies(List.of(new Cookie("session", token))).build();
    assertEquals("allowed", reasonOf(harness.send(cookieOnly)));
  }

  @Test
  void aTokenInTheQueryStringIsRefusedUnlessAllowed() {
    String token = sign("RS256", RSA, claims());
    GuardRequest inQuery = GuardRequest.builder("alb").method("GET").path("/orders/1")
        .query(MultiValueMap.queryBuilder().add("access_token", token).build()).build();
    assertEquals("token_ambiguous", reasonOf(new JwtHarness(JwtHarness.defaults()).send(inQuery)));
    assertEquals("allowed", reasonOf(new JwtHarness(JwtHarness.defaults().allowQueryToken()).send(inQuery)));
  }

  @Test
  void aBearerValueThatIsNoToken68IsMalformed() {
    JwtHarness harness = new JwtHarness(JwtHarness.defaults());
    assertEquals("token_malformed", reasonOf(harness.send("Bearer ")));
    assertEquals("token_malformed", reasonOf(harness.send("Bearer a b")));
    assertEquals("token_malformed", reasonOf(harness.send("Bearer tok\u00e9n")));
  }

  @Test
  void cognitoAccessTokensAreCheckedByClientIdAndTokenUse() {
    String issuer = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123";
    JwtAuthenticatorBuilder cognito = JwtAuthenticatorBuilder.cognito("eu-west-1", "eu-west-1_AbCdEf123")
        .keys(KeySource.staticJwks(JwtHarness.JWKS)).accessTokensFor("client-abc")
        .routes(RoutePolicy.builder().route("GET /orders/{id}", RouteRequirement.scopes("orders/read")).build());
    JwtHarness harness = new JwtHarness(cognito);
    String access = "{\"sub\":\"8f3a\",\"cognito:groups\":[\"staff\"],\"iss\":\"" + issuer + "\",\"client_id\":\"client-abc\","
        + "\"origin_jti\":\"o1\",\"event_id\":\"e1\",\"token_use\":\"access\",\"scope\":\"orders/read\",\"auth_time\":"
        + (NOW - 100) + ",\"exp\":" + (NOW + 3000) + ",\"iat\":" + (NOW - 100) + ",\"jti\":\"j1\",\"username\":\"alice\"}";
    assertEquals("allowed", reasonOf(harness.bearer(sign("RS256", RSA, access))));
    assertEquals("client-abc", harness.principal.get().clientId());
    assertEquals(Set.of("staff"), harness.principal.get().roles());
    assertEquals("audience_mismatch", reasonOf(harness.bearer(sign("RS256", RSA,
        access.replace("client-abc", "client-other")))));
    String id = access.replace("\"token_use\":\"access\"", "\"token_use\":\"id\"");
    assertEquals("token_type_invalid", reasonOf(harness.bearer(sign("RS256", RSA, id))));

    JwtHarness idTokens = new JwtHarness(JwtAuthenticatorBuilder.cognito("eu-west-1", "eu-west-1_AbCdEf123")
        .keys(KeySource.staticJwks(JwtHarness.JWKS)).idTokensFor("client-abc"));
    String idToken = "{\"sub\":\"8f3a\",\"aud\":\"client-abc\",\"email_verified\":true,\"token_use\":\"id\","
        + "\"auth_time\":" + (NOW - 100) + ",\"iss\":\"" + issuer + "\",\"cognito:username\":\"alice\",\"exp\":"
        + (NOW + 3000) + ",\"iat\":" + (NOW - 100) + "}";
    assertEquals("allowed", reasonOf(idTokens.bearer(sign("RS256", RSA, idToken))));
    assertEquals("token_type_invalid", reasonOf(idTokens.bearer(sign("RS256", RSA,
        idToken.replace("\"token_use\":\"id\"", "\"token_use\":\"access\"")))));
  }

  @Test
  void presetsRefuseMalformedSettingsAtInit() {
    assertThrows(IllegalArgumentException.class, () -> JwtAuthenticatorBuilder.cognito("eu-west-1", "../evil"));
    assertThrows(IllegalArgumentException.class, () -> JwtAuthenticatorBuilder.cognito("EU", "eu-west-1_x"));
    assertThrows(IllegalArgumentException.class, () -> JwtAuthenticatorBuilder.auth0("evil.com/x?", "api"));
    IllegalStateException noAudience = assertThrows(IllegalStateException.class,
        () -> JwtAuthenticator.builder().issuer(ISSUER).keys(KeySource.staticJwks(JwtHarness.JWKS)).build());
    assertTrue(noAudience.getMessage().contains("audiences or clientIds"));
    IllegalArgumentException badAlg = assertThrows(IllegalArgumentException.class,
        () -> JwtAuthenticator.builder().algorithms("RS256", "none"));
    assertTrue(badAlg.getMessage().startsWith("algorithms: unsupported algorithm 'none'"));
    assertThrows(IllegalStateException.class, () -> JwtHarness.defaults().algorithms("HS256").build());
  }

  @Test
  void presetsNameTheProvidersIssuers() {
    assertEquals("https://dev-1.eu.auth0.com/", issuerOf(JwtAuthenticatorBuilder.auth0("dev-1.eu.auth0.com", "api")));
    assertEquals("https://acme.okta.com/oauth2/default",
        issuerOf(JwtAuthenticatorBuilder.okta("acme.okta.com", "default", "api://orders")));
    assertEquals("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0",
        issuerOf(JwtAuthenticatorBuilder.entraId("72f988bf-86f1-41af-91ab-2d7cd011db47", "api://orders")));
    assertEquals("https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/",
        issuerOf(JwtAuthenticatorBuilder.entraIdV1("72f988bf-86f1-41af-91ab-2d7cd011db47", "api://orders")));
  }

  private static String issuerOf(JwtAuthenticatorBuilder builder) {
    return builder.issuer;
  }

  @Test
  void hmacKeysComeFromASecretAndRefuseEverythingElse() {
    byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    JwtHarness harness = new JwtHarness(JwtAuthenticator.builder().issuer(ISSUER).audiences(AUDIENCE)
        .keys(KeySource.hmac(() -> secret)));
    String header = "{\"alg\":\"HS256\"}";
    assertEquals("allowed", reasonOf(harness.bearer(Tokens.hmac("HS256", secret, header, claims()))));
    byte[] wrong = "0123456789abcdef0123456789abcdeX".getBytes(StandardCharsets.US_ASCII);
    assertEquals("signature_invalid", reasonOf(harness.bearer(Tokens.hmac("HS256", wrong, header, claims()))));
    assertEquals("alg_not_allowed", reasonOf(harness.bearer(sign("RS256", RSA, claims()))));

    byte[] shortSecret = "too-short-secret".getBytes(StandardCharsets.US_ASCII);
    JwtHarness weak = new JwtHarness(JwtAuthenticator.builder().issuer(ISSUER).audiences(AUDIENCE)
        .keys(KeySource.hmac(() -> shortSecret)));
    assertEquals("key_not_found", reasonOf(weak.bearer(Tokens.hmac("HS256", shortSecret, header, claims()))));
  }

  @Test
  void anUnreadableHmacSecretDeniesWith503() {
    JwtHarness harness = new JwtHarness(JwtAuthenticator.builder().issuer(ISSUER).audiences(AUDIENCE)
        .keys(KeySource.hmac(() -> {
          throw new IllegalStateException("secret store down");
        })));
    byte[] secret = new byte[32];
    assertEquals("jwks_unavailable", reasonOf(harness.bearer(Tokens.hmac("HS256", secret, "{\"alg\":\"HS256\"}", claims()))));
  }

  @Test
  void aCachedTokenIsStillCheckedForExpiryAndRoute() {
    JwtHarness harness = new JwtHarness(JwtHarness.defaults().routes(ROUTES));
    String token = sign("RS256", RSA, claims("\"scope\":\"orders:read\""));
    assertEquals("allowed", reasonOf(harness.send("Bearer " + token, "GET", "/orders/1", "GET /orders/{id}")));
    assertEquals("insufficient_scope", reasonOf(harness.send("Bearer " + token, "POST", "/orders", "POST /orders")));
    harness.clock.setMillis((NOW + 601 + 60) * 1000);
    assertEquals("token_expired", reasonOf(harness.send("Bearer " + token, "GET", "/orders/1", "GET /orders/{id}")));
  }

  @Test
  void replayProtectionRefusesTheSecondUseOfAJti() {
    JwtHarness harness = new JwtHarness(JwtHarness.defaults()
        .replayProtection(ReplayStore.local(100, new dev.lambdaguard.FakeClock(NOW * 1000))));
    String token = sign("RS256", RSA, claims("\"jti\":\"once-only\""));
    assertEquals("allowed", reasonOf(harness.bearer(token)));
    assertEquals("token_replayed", reasonOf(harness.bearer(token)));
    assertEquals("claim_missing", reasonOf(harness.bearer(sign("RS256", RSA, claims()))));
  }

  @Test
  void aReplayStoreThatCannotAnswerRefusesTheTokenWith503() {
    JwtHarness harness = new JwtHarness(JwtHarness.defaults().replayProtection((jti, until) -> {
      throw new IllegalStateException("redis down");
    }));
    Denial denial = assertInstanceOf(Denial.class, harness.bearer(sign("RS256", RSA, claims("\"jti\":\"x\""))));
    assertEquals(503, denial.status());
    assertEquals("replay_check_unavailable", denial.reason().code());
    assertEquals(0, harness.handlerCalls.get());
  }

  @Test
  void accessTokenTypePolicyRequiresAtJwt() {
    JwtHarness harness = new JwtHarness(JwtHarness.defaults().accessTokenType());
    assertEquals("allowed", reasonOf(harness.bearer(sign("RS256", RSA,
        "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":\"at+jwt\"}", claims()))));
    assertEquals("allowed", reasonOf(harness.bearer(sign("RS256", RSA,
        "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":\"application/AT+JWT\"}", claims()))));
    assertEquals("token_type_invalid", reasonOf(harness.bearer(sign("RS256", RSA,
        "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":\"JWT\"}", claims()))));
    assertEquals("token_type_invalid", reasonOf(harness.bearer(sign("RS256", RSA, claims()))));
  }

  @Test
  void maxTokenAgeRefusesOldTokens() {
    JwtHarness harness = new JwtHarness(JwtHarness.defaults().maxTokenAge(Duration.ofMinutes(10)));
    assertEquals("allowed", reasonOf(harness.bearer(sign("RS256", RSA, claims()))));
    String old = claims().replace("\"iat\":" + (NOW - 60), "\"iat\":" + (NOW - 3600));
    assertEquals("token_expired", reasonOf(harness.bearer(sign("RS256", RSA, old))));
  }

  @Test
  void theHandlerSeesThePrincipalWithAllClaims() {
    JwtHarness harness = new JwtHarness(JwtHarness.defaults());
    Outcome outcome = harness.bearer(sign("RS256", RSA, claims("\"client_id\":\"web\",\"scope\":\"a b\",\"tenant\":\"t1\"")));
    assertInstanceOf(Outcome.Handled.class, outcome);
    assertEquals("alice", harness.principal.get().subject());
    assertEquals("web", harness.principal.get().clientId());
    assertEquals(Set.of("a", "b"), harness.principal.get().scopes());
    assertEquals("t1", harness.principal.get().claims().get("tenant"));
    assertEquals("alice", harness.sink.only(dev.lambdaguard.events.SecurityEvent.AllowEvent.class).request().principal());
  }
}
