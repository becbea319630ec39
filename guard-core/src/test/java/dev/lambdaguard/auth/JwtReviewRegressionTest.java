package dev.lambdaguard.auth;

import static dev.lambdaguard.auth.JwtHarness.ISSUER;
import static dev.lambdaguard.auth.JwtHarness.NOW;
import static dev.lambdaguard.auth.JwtHarness.RSA;
import static dev.lambdaguard.auth.JwtHarness.claims;
import static dev.lambdaguard.auth.JwtHarness.reasonOf;
import static dev.lambdaguard.auth.Tokens.b64;
import static dev.lambdaguard.auth.Tokens.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import dev.lambdaguard.Denial;
import dev.lambdaguard.FakeClock;
import dev.lambdaguard.GatewayContext;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.MultiValueMap;
import dev.lambdaguard.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each finding of the security review, as a test that failed before its fix. */
class JwtReviewRegressionTest {

  static final ECKey CLIENT = TestKeys.ec("client", Curve.P_256);

  static String jkt(ECKey k) throws Exception {
    return k.toPublicJWK().computeThumbprint().toString();
  }

  static String ath(String t) throws Exception {
    return b64(MessageDigest.getInstance("SHA-256").digest(t.getBytes(StandardCharsets.US_ASCII)));
  }

  static String proof(String htu, String iatJson, String token, String jtiJson) throws Exception {
    String header = "{\"typ\":\"dpop+jwt\",\"alg\":\"ES256\",\"jwk\":" + CLIENT.toPublicJWK().toJSONString() + "}";
    String payload = "{\"jti\":" + jtiJson + ",\"htm\":\"GET\",\"htu\":\"" + htu + "\",\"iat\":" + iatJson
        + ",\"ath\":\"" + ath(token) + "\"}";
    return sign("ES256", CLIENT, header, payload);
  }

  static GuardRequest dpopRequest(String token, String proof) {
    return GuardRequest.builder("apigw-http-v2").method("GET").path("/orders/1")
        .headers(MultiValueMap.headersBuilder().add("Authorization", "DPoP " + token).add("DPoP", proof).build())
        .gateway(new GatewayContext("123456789012", "api1", "$default", "api.example.com", null, Map.of(), List.of(), null))
        .build();
  }

  static String detail(Outcome o) {
    return o instanceof Denial d ? d.status() + " " + d.reason().code() : "allowed";
  }

  static String bound() throws Exception {
    return sign("RS256", RSA, claims("\"cnf\":{\"jkt\":\"" + jkt(CLIENT) + "\"}"));
  }

  @Test
  void gatewayModeCannotBeCombinedWithSenderConstraintsOrIntrospection() {
    GatewayTrust trust = new GatewayTrust("123456789012", "api1", "prod");
    assertThrows(IllegalStateException.class,
        () -> JwtHarness.defaults().trustGatewayAuthorizer(trust).dpop(DpopPolicy.required()).build());
    assertThrows(IllegalStateException.class,
        () -> JwtHarness.defaults().trustGatewayAuthorizer(trust).certificateBoundTokens(true).build());
  }

  @Test
  void gatewayModeStillRefusesAReplayedJti() {
    FakeClock clock = new FakeClock(NOW * 1000);
    JwtHarness h = new JwtHarness(JwtHarness.defaults().trustGatewayAuthorizer(new GatewayTrust("123456789012", "api1", "prod"))
        .replayProtection(ReplayStore.local(100, clock)));
    Map<String, Object> c = Map.of("iss", ISSUER, "sub", "alice", "aud", "orders-api", "exp", String.valueOf(NOW + 600),
        "jti", "j-gw");
    GuardRequest req = GuardRequest.builder("apigw-http-v2").method("GET").path("/orders/1").build()
        .withGateway(new GatewayContext("123456789012", "api1", "prod", "d", "jwt", c, List.of(), null));
    assertEquals("allowed", reasonOf(h.send(req)));
    assertEquals("token_replayed", reasonOf(h.send(req)));
  }

  @Test
  void aBoundTokenIsRefusedWhereItsBindingIsNotChecked() throws Exception {
    JwtHarness plain = new JwtHarness(JwtHarness.defaults());
    assertEquals("dpop_proof_invalid", reasonOf(plain.bearer(bound())));
    assertEquals("certificate_mismatch", reasonOf(plain.bearer(sign("RS256", RSA, claims("\"cnf\":{\"x5t#S256\":\"abc\"}")))));
    assertEquals("token_malformed", reasonOf(plain.bearer(sign("RS256", RSA, claims("\"cnf\":{\"kid\":\"k\"}")))));
  }

  @Test
  void aOneTimeTokenCannotBeReplayedInTheSkewWindowAfterExpiry() {
    FakeClock store = new FakeClock(NOW * 1000);
    JwtHarness h = new JwtHarness(JwtHarness.defaults().replayProtection(ReplayStore.local(100, store)));
    String t = sign("RS256", RSA, "{\"iss\":\"" + ISSUER + "\",\"sub\":\"a\",\"aud\":\"orders-api\",\"jti\":\"j1\",\"exp\":"
        + (NOW + 10) + "}");
    assertEquals("allowed", reasonOf(h.bearer(t)));
    assertEquals("token_replayed", reasonOf(h.bearer(t)));
    store.setMillis((NOW + 30) * 1000);
    h.clock.setMillis((NOW + 30) * 1000);
    assertEquals("token_replayed", reasonOf(h.bearer(t)));
  }

  @Test
  void aProofCannotBeReplayedInTheLastSecondOfItsWindow() throws Exception {
    JwtHarness h = new JwtHarness(JwtHarness.defaults().dpop(DpopPolicy.optional()));
    String t = bound();
    String p = proof("https://api.example.com/orders/1", String.valueOf(NOW - 60), t, "\"edge\"");
    assertEquals("allowed", reasonOf(h.send(dpopRequest(t, p))));
    assertEquals("token_replayed", reasonOf(h.send(dpopRequest(t, p))));
  }

  @Test
  void proofTimesThatOverflowOrExceedALongAreRefusedNot500() throws Exception {
    JwtHarness h = new JwtHarness(JwtHarness.defaults().dpop(DpopPolicy.optional()));
    String t = bound();
    assertEquals("401 dpop_proof_invalid", detail(h.send(dpopRequest(t,
        proof("https://api.example.com/orders/1", String.valueOf(NOW + Long.MIN_VALUE), t, "\"ovf\"")))));
    assertEquals("401 dpop_proof_invalid", detail(h.send(dpopRequest(t,
        proof("https://api.example.com/orders/1", "99999999999999999999999", t, "\"huge\"")))));
    assertEquals("401 dpop_proof_invalid", detail(h.send(dpopRequest(t,
        proof("https://api.example.com/orders/1", String.valueOf(NOW), t, "123")))));
    assertEquals("401 dpop_proof_invalid", detail(h.send(dpopRequest(t,
        proof("https://user@api.example.com/orders/1", String.valueOf(NOW), t, "\"ui\"")))));
  }

  @Test
  void theMostSpecificRouteWinsWithoutARouteKey() {
    RoutePolicy r = RoutePolicy.builder().route("GET /orders/{id}", RouteRequirement.scopes("orders:read"))
        .route("GET /orders/export", RouteRequirement.roles("admin")).denyUnlisted().build();
    JwtHarness h = new JwtHarness(JwtHarness.defaults().routes(r));
    String reader = "Bearer " + sign("RS256", RSA, claims("\"scope\":\"orders:read\""));
    assertEquals("insufficient_scope", reasonOf(h.send(reader, "GET", "/orders/export", null)));
    assertEquals("allowed", reasonOf(h.send(reader, "GET", "/orders/7", null)));
  }

  @Test
  void pathsThatNormalizeElsewhereAreRefusedEvenWithoutDenyUnlisted() {
    JwtHarness h = new JwtHarness(JwtHarness.defaults().routes(RoutePolicy.builder()
        .route("ANY /admin/{proxy+}", RouteRequirement.roles("admin")).build()));
    String token = "Bearer " + sign("RS256", RSA, claims());
    for (String path : List.of("/x/../admin/users", "/x/%2e%2E/admin/users", "/admin%2fusers", "/a\\..\\admin")) {
      assertEquals("route_not_allowed", reasonOf(h.send(token, "GET", path, null)), path);
    }
    assertEquals("allowed", reasonOf(h.send(token, "GET", "/orders/1", null)));
  }

  @Test
  void anHmacTokenWithAKidIsVerifiedWithTheOneSecret() {
    byte[] s = new byte[32];
    JwtHarness h = new JwtHarness(JwtAuthenticator.builder().issuer(ISSUER).audiences("orders-api")
        .keys(KeySource.hmac(() -> s)));
    assertEquals("allowed", reasonOf(h.bearer(Tokens.hmac("HS256", s, "{\"alg\":\"HS256\",\"kid\":\"k1\"}", claims()))));
    byte[] other = new byte[32];
    other[0] = 1;
    assertEquals("signature_invalid",
        reasonOf(h.bearer(Tokens.hmac("HS256", other, "{\"alg\":\"HS256\",\"kid\":\"k1\"}", claims()))));
  }
}
