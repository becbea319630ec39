package dev.lambdaguard.auth;

import static dev.lambdaguard.auth.JwtHarness.NOW;
import static dev.lambdaguard.auth.JwtHarness.RSA;
import static dev.lambdaguard.auth.JwtHarness.claims;
import static dev.lambdaguard.auth.JwtHarness.reasonOf;
import static dev.lambdaguard.auth.Tokens.b64;
import static dev.lambdaguard.auth.Tokens.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import dev.lambdaguard.Denial;
import dev.lambdaguard.GatewayContext;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.MultiValueMap;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DPoP proof-of-possession (RFC 9449) and certificate-bound tokens (RFC 8705). */
class SenderConstrainedTokensTest {

  private static final ECKey CLIENT_KEY = TestKeys.ec("client", Curve.P_256);
  private static final ECKey OTHER_CLIENT_KEY = TestKeys.ec("other", Curve.P_256);

  private static String thumbprint(ECKey key) {
    try {
      return key.toPublicJWK().computeThumbprint().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String boundToken(ECKey key) {
    return sign("RS256", RSA, claims("\"cnf\":{\"jkt\":\"" + thumbprint(key) + "\"}"));
  }

  private static String ath(String token) throws Exception {
    return b64(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String proof(ECKey key, String method, String htu, long iat, String token, String jti) throws Exception {
    String header = "{\"typ\":\"dpop+jwt\",\"alg\":\"ES256\",\"jwk\":" + key.toPublicJWK().toJSONString() + "}";
    String payload = "{\"jti\":\"" + jti + "\",\"htm\":\"" + method + "\",\"htu\":\"" + htu + "\",\"iat\":" + iat
        + ",\"ath\":\"" + ath(token) + "\"}";
    return sign("ES256", key, header, payload);
  }

  private static String proof(String token) throws Exception {
    return proof(CLIENT_KEY, "GET", "https://api.example.com/orders/1", NOW, token, UUID.randomUUID().toString());
  }

  private static GuardRequest request(String authorization, String... proofs) {
    MultiValueMap.Builder headers = MultiValueMap.headersBuilder().add("Host", "api.example.com")
        .add("Authorization", authorization);
    for (String proof : proofs) {
      headers.add("DPoP", proof);
    }
    return GuardRequest.builder("apigw-http-v2").method("GET").path("/orders/1").headers(headers.build())
        .gateway(new GatewayContext("123456789012", "api1", "$default", "api.example.com", null, Map.of(), List.of(), null))
        .build();
  }

  private final JwtHarness optional = new JwtHarness(JwtHarness.defaults().dpop(DpopPolicy.optional()));

  @Test
  void aBoundTokenWithAValidProofIsAcceptedOnceProofIdsAreFresh() throws Exception {
    String token = boundToken(CLIENT_KEY);
    String proof = proof(token);
    assertEquals("allowed", reasonOf(optional.send(request("DPoP " + token, proof))));
    assertEquals("token_replayed", reasonOf(optional.send(request("DPoP " + token, proof))));
    assertEquals("allowed", reasonOf(optional.send(request("DPoP " + token, proof(token)))));
  }

  @Test
  void everyProofMismatchIsRefused() throws Exception {
    String token = boundToken(CLIENT_KEY);
    String id = "p";
    assertEquals("dpop_proof_invalid", reasonOf(optional.send(request("DPoP " + token,
        proof(CLIENT_KEY, "POST", "https://api.example.com/orders/1", NOW, token, id + 1)))));
    assertEquals("dpop_proof_invalid", reasonOf(optional.send(request("DPoP " + token,
        proof(CLIENT_KEY, "GET", "https://evil.example.com/orders/1", NOW, token, id + 2)))));
    assertEquals("dpop_proof_invalid", reasonOf(optional.send(request("DPoP " + token,
        proof(CLIENT_KEY, "GET", "https://api.example.com/orders/2", NOW, token, id + 3)))));
    assertEquals("dpop_proof_invalid", reasonOf(optional.send(request("DPoP " + token,
        proof(CLIENT_KEY, "GET", "https://api.example.com/orders/1", NOW - 300, token, id + 4)))));
    assertEquals("dpop_proof_invalid", reasonOf(optional.send(request("DPoP " + token,
        proof(CLIENT_KEY, "GET", "https://api.example.com/orders/1", NOW, token + "x", id + 5)))));
    assertEquals("dpop_proof_invalid", reasonOf(optional.send(request("DPoP " + token,
        proof(OTHER_CLIENT_KEY, "GET", "https://api.example.com/orders/1", NOW, token, id + 6)))));
    // Equivalent URIs are the same URI: default port, host case.
    assertEquals("allowed", reasonOf(optional.send(request("DPoP " + token,
        proof(CLIENT_KEY, "GET", "https://API.example.com:443/orders/1", NOW, token, id + 7)))));
  }

  @Test
  void aProofSignedByAnotherKeyThanItsJwkIsRefused() throws Exception {
    String token = boundToken(CLIENT_KEY);
    String header = "{\"typ\":\"dpop+jwt\",\"alg\":\"ES256\",\"jwk\":" + CLIENT_KEY.toPublicJWK().toJSONString() + "}";
    String payload = "{\"jti\":\"x1\",\"htm\":\"GET\",\"htu\":\"https://api.example.com/orders/1\",\"iat\":" + NOW
        + ",\"ath\":\"" + ath(token) + "\"}";
    assertEquals("dpop_proof_invalid", reasonOf(optional.send(request("DPoP " + token,
        sign("ES256", OTHER_CLIENT_KEY, header, payload)))));
  }

  @Test
  void aProofWithAPrivateKeyASymmetricAlgorithmOrTheWrongTypeIsRefused() throws Exception {
    String token = boundToken(CLIENT_KEY);
    String payload = "{\"jti\":\"y\",\"htm\":\"GET\",\"htu\":\"https://api.example.com/orders/1\",\"iat\":" + NOW
        + ",\"ath\":\"" + ath(token) + "\"}";
    String privateJwk = "{\"typ\":\"dpop+jwt\",\"alg\":\"ES256\",\"jwk\":" + CLIENT_KEY.toJSONString() + "}";
    assertEquals("dpop_proof_invalid", reasonOf(optional.send(request("DPoP " + token,
        sign("ES256", CLIENT_KEY, privateJwk, payload)))));
    String wrongType = "{\"typ\":\"JWT\",\"alg\":\"ES256\",\"jwk\":" + CLIENT_KEY.toPublicJWK().toJSONString() + "}";
    assertEquals("dpop_proof_invalid", reasonOf(optional.send(request("DPoP " + token,
        sign("ES256", CLIENT_KEY, wrongType, payload)))));
    String hmac = Tokens.hmac("HS256", new byte[32], "{\"typ\":\"dpop+jwt\",\"alg\":\"HS256\",\"jwk\":{\"kty\":\"oct\","
        + "\"k\":\"" + b64(new byte[32]) + "\"}}", payload);
    assertEquals("dpop_proof_invalid", reasonOf(optional.send(request("DPoP " + token, hmac))));
  }

  @Test
  void aBoundTokenWithoutItsProofOrAsBearerIsRefused() throws Exception {
    String token = boundToken(CLIENT_KEY);
    assertEquals("dpop_proof_invalid", reasonOf(optional.send(request("DPoP " + token))));
    assertEquals("dpop_proof_invalid", reasonOf(optional.send(request("Bearer " + token, proof(token)))));
    assertEquals("dpop_proof_invalid", reasonOf(optional.send(request("DPoP " + token, proof(token), proof(token)))));
    Denial denial = assertInstanceOf(Denial.class, optional.send(request("DPoP " + token)));
    assertTrue(denial.headers().get("WWW-Authenticate").startsWith("DPoP realm=\"api\", error=\"invalid_dpop_proof\""));
  }

  @Test
  void unboundTokensAreBearerTokensUnlessDpopIsRequired() throws Exception {
    String unbound = sign("RS256", RSA, claims());
    assertEquals("allowed", reasonOf(optional.send(request("Bearer " + unbound))));
    assertEquals("dpop_proof_invalid", reasonOf(optional.send(request("DPoP " + unbound, proof(unbound)))));
    JwtHarness required = new JwtHarness(JwtHarness.defaults().dpop(DpopPolicy.required()));
    assertEquals("dpop_proof_invalid", reasonOf(required.send(request("Bearer " + unbound))));
  }

  @Test
  void theClientsHostHeaderNeverDecidesTheExpectedUri() throws Exception {
    String token = boundToken(CLIENT_KEY);
    String forOtherHost = proof(CLIENT_KEY, "GET", "https://other.example.com/orders/1", NOW, token, "host-1");
    GuardRequest spoofed = GuardRequest.builder("apigw-http-v2").method("GET").path("/orders/1")
        .headers(MultiValueMap.headersBuilder().add("Host", "other.example.com").add("Authorization", "DPoP " + token)
            .add("DPoP", forOtherHost).build())
        .gateway(new GatewayContext("123456789012", "api1", "$default", "api.example.com", null, Map.of(), List.of(), null))
        .build();
    assertEquals("dpop_proof_invalid", reasonOf(optional.send(spoofed)));
    // Behind an ALB the event names no domain: without a configured public URI no proof can be checked.
    GuardRequest alb = GuardRequest.builder("alb").method("GET").path("/orders/1")
        .headers(MultiValueMap.headersBuilder().add("Host", "api.example.com").add("Authorization", "DPoP " + token)
            .add("DPoP", proof(token)).build()).build();
    assertEquals("dpop_proof_invalid", reasonOf(optional.send(alb)));
  }

  @Test
  void aConfiguredPublicBaseUriIsWhatTheProofMustName() throws Exception {
    JwtHarness behindCustomDomain = new JwtHarness(JwtHarness.defaults()
        .dpop(DpopPolicy.optional().publicBaseUri(URI.create("https://orders.example.com/v1"))));
    String token = boundToken(CLIENT_KEY);
    assertEquals("allowed", reasonOf(behindCustomDomain.send(request("DPoP " + token,
        proof(CLIENT_KEY, "GET", "https://orders.example.com/v1/orders/1", NOW, token, "z1")))));
    assertEquals("dpop_proof_invalid", reasonOf(behindCustomDomain.send(request("DPoP " + token,
        proof(CLIENT_KEY, "GET", "https://api.example.com/orders/1", NOW, token, "z2")))));
  }

  @Test
  void aCertificateBoundTokenNeedsItsCertificate() throws Exception {
    byte[] der = "not a real certificate, only its bytes are hashed".getBytes(StandardCharsets.US_ASCII);
    String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END CERTIFICATE-----";
    String x5t = b64(MessageDigest.getInstance("SHA-256").digest(der));
    String token = sign("RS256", RSA, claims("\"cnf\":{\"x5t#S256\":\"" + x5t + "\"}"));
    JwtHarness mtls = new JwtHarness(JwtHarness.defaults().certificateBoundTokens(false));
    GuardRequest withCert = request("Bearer " + token).withGateway(GatewayContext.NONE.withClientCertificate(pem));
    assertEquals("allowed", reasonOf(mtls.send(withCert)));
    assertEquals("certificate_mismatch", reasonOf(mtls.send(request("Bearer " + token))));
    String otherPem = pem.replace(Base64.getMimeEncoder().encodeToString(der).substring(0, 8), "AAAAAAAA");
    assertEquals("certificate_mismatch", reasonOf(mtls.send(request("Bearer " + token)
        .withGateway(GatewayContext.NONE.withClientCertificate(otherPem)))));
    assertEquals("allowed", reasonOf(mtls.send(request("Bearer " + sign("RS256", RSA, claims())))));
    JwtHarness required = new JwtHarness(JwtHarness.defaults().certificateBoundTokens(true));
    assertEquals("certificate_mismatch", reasonOf(required.send(request("Bearer " + sign("RS256", RSA, claims())))));
    assertEquals("token_malformed", reasonOf(mtls.send(request("Bearer " + sign("RS256", RSA, claims("\"cnf\":\"x\""))))));
  }
}
