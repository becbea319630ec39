package dev.lambdaguard.auth;

import static dev.lambdaguard.auth.JwtHarness.AUDIENCE;
import static dev.lambdaguard.auth.JwtHarness.EC256;
import static dev.lambdaguard.auth.JwtHarness.EC384;
import static dev.lambdaguard.auth.JwtHarness.ED;
import static dev.lambdaguard.auth.JwtHarness.ISSUER;
import static dev.lambdaguard.auth.JwtHarness.NOW;
import static dev.lambdaguard.auth.JwtHarness.OTHER_RSA;
import static dev.lambdaguard.auth.JwtHarness.RSA;
import static dev.lambdaguard.auth.JwtHarness.WEAK_RSA;
import static dev.lambdaguard.auth.JwtHarness.claims;
import static dev.lambdaguard.auth.JwtHarness.reasonOf;
import static dev.lambdaguard.auth.Tokens.b64;
import static dev.lambdaguard.auth.Tokens.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import dev.lambdaguard.Denial;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.events.EventJson;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.events.SecurityEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every token a strict resource server must refuse (RFC 8725 §2 and known JWT library CVEs) is refused
 * with the right reason code, the handler never runs, and valid tokens of every supported algorithm pass.
 */
class JwtAdversarialTest {

  private final JwtHarness harness = new JwtHarness(JwtHarness.defaults());

  private String verdict(String token) {
    int before = harness.handlerCalls.get();
    Outcome outcome = harness.bearer(token);
    assertEquals(outcome instanceof Denial ? before : before + 1, harness.handlerCalls.get(),
        "the handler must run exactly when the token is accepted");
    return reasonOf(outcome);
  }

  static Stream<Arguments> validTokens() {
    return Stream.of(
        Arguments.of("RS256", RSA), Arguments.of("RS384", RSA), Arguments.of("RS512", RSA),
        Arguments.of("PS256", RSA), Arguments.of("PS384", RSA), Arguments.of("PS512", RSA),
        Arguments.of("ES256", EC256), Arguments.of("ES384", EC384), Arguments.of("EdDSA", ED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validTokens")
  void aValidTokenOfEverySupportedAlgorithmIsAccepted(String alg, com.nimbusds.jose.jwk.JWK key) {
    assertEquals("allowed", verdict(sign(alg, key, claims())));
    assertEquals("alice", harness.principal.get().subject());
    assertEquals(ISSUER, harness.principal.get().issuer());
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
  void algNoneInAnyCasingIsRefusedWithOrWithoutASignature(String none) {
    String unsigned = b64("{\"alg\":\"" + none + "\"}") + "." + b64(claims()) + ".";
    assertEquals("alg_not_allowed", verdict(unsigned));
    String withSignature = unsigned + b64("junk-signature-bytes");
    assertEquals("alg_not_allowed", verdict(withSignature));
  }

  @Test
  void hmacSignedWithTheRsaPublicKeyAsSecretIsRefused() {
    // CVE-2015-9235 and friends: the verifier must never treat a public key as an HMAC secret.
    byte[] publicKeyAsSecret = RSA.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
    String token = Tokens.hmac("HS256", publicKeyAsSecret, "{\"alg\":\"HS256\",\"kid\":\"rsa-1\"}", claims());
    assertEquals("alg_not_allowed", verdict(token));
  }

  @Test
  void aKeyEmbeddedInTheHeaderIsNeverUsed() {
    RSAKey attacker = TestKeys.rsa("attacker", 2048);
    String embedded = "{\"alg\":\"RS256\",\"kid\":\"attacker\",\"jwk\":" + attacker.toPublicJWK().toJSONString() + "}";
    assertEquals("key_not_found", verdict(sign("RS256", attacker, embedded, claims())));
    String embeddedWithRealKid = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"jwk\":" + attacker.toPublicJWK().toJSONString() + "}";
    assertEquals("signature_invalid", verdict(sign("RS256", attacker, embeddedWithRealKid, claims())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"jku", "x5u"})
  void aKeyUrlInTheHeaderIsNeverFetched(String parameter) throws Exception {
    RSAKey attacker = TestKeys.rsa("attacker", 2048);
    try (JwksServer evil = new JwksServer().jwks(TestKeys.publicJwks(attacker))) {
      String header = "{\"alg\":\"RS256\",\"kid\":\"attacker\",\"" + parameter + "\":\"" + evil.jwksUri() + "\"}";
      assertEquals("key_not_found", verdict(sign("RS256", attacker, header, claims())));
      assertEquals(0, evil.jwksRequests());
    }
  }

  @Test
  void aCertificateChainInTheHeaderIsNeverTrusted() {
    RSAKey attacker = TestKeys.rsa("attacker", 2048);
    String header = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"x5c\":[\"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\"]}";
    String verdict = verdict(sign("RS256", attacker, header, claims()));
    assertTrue(verdict.equals("signature_invalid") || verdict.equals("token_malformed"), verdict);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../../../dev/null", "' OR '1'='1' --", "rsa-1\\u0000", "http://evil.example/key", "$(id)"})
  void anInjectedKeyIdFindsNoKey(String kid) {
    String header = "{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}";
    assertEquals("key_not_found", verdict(sign("RS256", RSA, header, claims())));
  }

  @Test
  void anOverlongKeyIdIsMalformed() {
    String header = "{\"alg\":\"RS256\",\"kid\":\"" + "k".repeat(300) + "\"}";
    assertEquals("token_malformed", verdict(sign("RS256", RSA, header, claims())));
  }

  @Test
  void aPsychicEcdsaSignatureIsRefused() {
    // CVE-2022-21449: r = s = 0 verified as valid on unpatched Java 15-18.
    String input = b64("{\"alg\":\"ES256\",\"kid\":\"ec-256\"}") + "." + b64(claims());
    assertEquals("signature_invalid", verdict(input + "." + b64(new byte[64])));
    assertEquals("signature_invalid", verdict(input + "." + b64(new byte[72])));
  }

  @Test
  void criticalHeaderParametersAreRefused() {
    String header = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"crit\":[\"exp\"],\"exp\":" + (NOW + 600) + "}";
    assertEquals("token_malformed", verdict(sign("RS256", RSA, header, claims())));
  }

  @Test
  void anUnencodedPayloadIsRefused() {
    String header = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"b64\":false,\"crit\":[\"b64\"]}";
    assertEquals("token_malformed", verdict(sign("RS256", RSA, header, claims())));
  }

  @Test
  void strippedAndTruncatedSignaturesAreRefused() {
    String token = sign("RS256", RSA, claims());
    String stripped = token.substring(0, token.lastIndexOf('.') + 1);
    assertEquals("signature_invalid", verdict(stripped));
    String truncated = token.substring(0, token.length() - 40);
    // Cutting 40 characters can leave a non-canonical length: either refusal is right, acceptance never.
    String verdict = verdict(truncated);
    assertTrue(verdict.equals("signature_invalid") || verdict.equals("token_malformed"), verdict);
    byte[] signature = java.util.Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
    assertEquals("signature_invalid", verdict(stripped + b64(Arrays.copyOf(signature, 128))));
  }

  @Test
  void aSignatureByAnotherKeyWithTheSameKidIsRefused() {
    assertEquals("signature_invalid", verdict(sign("RS256", OTHER_RSA, claims())));
  }

  @Test
  void aSignatureOfAnotherAlgorithmIsRefused() {
    String header = "{\"alg\":\"PS256\",\"kid\":\"rsa-1\"}";
    String input = b64(header) + "." + b64(claims());
    String rs256Signature = b64(Tokens.signature("RS256", RSA, input.getBytes(StandardCharsets.US_ASCII)));
    assertEquals("signature_invalid", verdict(input + "." + rs256Signature));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "a.b", "a.b.c.d", "a.b.c.d.e.f", ".b.c", "a..c"})
  void aWrongNumberOfSegmentsIsMalformed(String token) {
    assertEquals("token_malformed", verdict(token));
  }

  @Test
  void anEncryptedTokenIsRefusedWhereASignedOneIsExpected() {
    String jwe = b64("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"kid\":\"rsa-1\"}") + "." + b64("key") + "."
        + b64("iv-iv-iv-iv") + "." + b64("ciphertext") + "." + b64("tag-tag-tag-tag");
    assertEquals("token_malformed", verdict(jwe));
  }

  @Test
  void nonCanonicalOrForeignBase64IsMalformed() {
    String token = sign("RS256", RSA, claims());
    String[] parts = token.split("\\.");
    assertEquals("token_malformed", verdict(parts[0] + "=." + parts[1] + "." + parts[2]));
    assertEquals("token_malformed", verdict(parts[0].replace('-', '+') + "+/." + parts[1] + "." + parts[2]));
    // "eyJ9" vs "eyJ8": same bytes if the low bits were ignored. Only the canonical form is accepted.
    String header = parts[0];
    char last = header.charAt(header.length() - 1);
    if (header.length() % 4 == 2 || header.length() % 4 == 3) {
      char sibling = (char) (last + 1);
      assertEquals("token_malformed", verdict(header.substring(0, header.length() - 1) + sibling + "." + parts[1] + "."
          + parts[2]));
    }
  }

  @Test
  void duplicateMembersInTheHeaderOrClaimsAreMalformed() {
    String claims = claims().replace("\"sub\":\"alice\"", "\"sub\":\"alice\",\"sub\":\"admin\"");
    assertEquals("token_malformed", verdict(sign("RS256", RSA, claims)));
    String header = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"alg\":\"none\"}";
    assertEquals("token_malformed", verdict(sign("RS256", RSA, header, claims())));
    String escaped = claims().replace("\"sub\":\"alice\"", "\"sub\":\"alice\",\"\\u0073ub\":\"admin\"");
    assertEquals("token_malformed", verdict(sign("RS256", RSA, escaped)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"1800000600\"", "1800000600.5", "1.8000006E9", "-1", "99999999999999999999",
      "1e400", "true", "null", "[1800000600]", "{}"})
  void anExpiryOfTheWrongTypeOrRangeIsMalformed(String exp) {
    String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"alice\",\"aud\":\"" + AUDIENCE + "\",\"exp\":" + exp + "}";
    assertEquals("token_malformed", verdict(sign("RS256", RSA, claims)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"nbf", "iat"})
  void otherDatesOfTheWrongTypeAreMalformed(String claim) {
    assertEquals("token_malformed", verdict(sign("RS256", RSA, claims("\"" + claim + "x\":1").replace("\"" + claim
        + "x\":1", "\"" + (claim.equals("iat") ? "auth_time" : claim) + "\":\"1800000000\""))));
  }

  @Test
  void anOversizedTokenIsMalformedBeforeAnyCryptography() {
    String big = claims("\"pad\":\"" + "x".repeat(9000) + "\"");
    assertEquals("token_malformed", verdict(sign("RS256", RSA, big)));
  }

  @Test
  void aRotatedOutKeyIsNotFound() {
    RSAKey retired = TestKeys.rsa("rsa-retired", 2048);
    assertEquals("key_not_found", verdict(sign("RS256", retired, claims())));
  }

  @Test
  void aWeakRsaKeyIsNeverUsedEvenWhenPublished() {
    assertEquals("key_not_found", verdict(sign("RS256", WEAK_RSA, claims())));
  }

  @Test
  void aKeyOfTheWrongCurveIsNotUsed() {
    String header = "{\"alg\":\"ES256\",\"kid\":\"ec-384\"}";
    String token = b64(header) + "." + b64(claims()) + "." + b64(new byte[64]);
    assertEquals("key_not_found", verdict(token));
  }

  @Test
  void timeClaimsHonourTheClockSkew() {
    assertEquals("token_expired", verdict(sign("RS256", RSA, claims().replace("\"exp\":" + (NOW + 600),
        "\"exp\":" + (NOW - 61)))));
    assertEquals("allowed", verdict(sign("RS256", RSA, claims().replace("\"exp\":" + (NOW + 600),
        "\"exp\":" + (NOW - 30)))));
    assertEquals("token_not_yet_valid", verdict(sign("RS256", RSA, claims("\"nbf\":" + (NOW + 120)))));
    assertEquals("allowed", verdict(sign("RS256", RSA, claims("\"nbf\":" + (NOW + 30)))));
    assertEquals("token_not_yet_valid", verdict(sign("RS256", RSA, claims().replace("\"iat\":" + (NOW - 60),
        "\"iat\":" + (NOW + 3600)))));
  }

  @Test
  void issuerAndAudienceMustMatchExactly() {
    assertEquals("issuer_mismatch", verdict(sign("RS256", RSA, claims().replace(ISSUER, ISSUER + "/"))));
    assertEquals("issuer_mismatch", verdict(sign("RS256", RSA, claims().replace("\"iss\":\"" + ISSUER + "\",", ""))));
    assertEquals("audience_mismatch", verdict(sign("RS256", RSA, claims().replace(AUDIENCE, "other-api"))));
    assertEquals("audience_mismatch", verdict(sign("RS256", RSA, claims().replace("\"aud\":\"" + AUDIENCE + "\",", ""))));
    assertEquals("allowed", verdict(sign("RS256", RSA, claims().replace("\"aud\":\"" + AUDIENCE + "\"",
        "\"aud\":[\"other-api\",\"" + AUDIENCE + "\"]"))));
    assertEquals("token_malformed", verdict(sign("RS256", RSA, claims().replace("\"aud\":\"" + AUDIENCE + "\"",
        "\"aud\":[\"" + AUDIENCE + "\",7]"))));
  }

  @Test
  void aTokenWithoutExpiryIsRefused() {
    assertEquals("claim_missing", verdict(sign("RS256", RSA, claims().replace(",\"exp\":" + (NOW + 600), ""))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"alg\":\"RS256\"", "[\"RS256\"]", "\"RS256\"", "{\"alg\":\"RS256\",}", "{'alg':'RS256'}"})
  void aHeaderThatIsNotAStrictJsonObjectIsMalformed(String header) {
    assertEquals("token_malformed", verdict(sign("RS256", RSA, header, claims())));
  }

  @Test
  void claimsThatAreNotAJsonObjectAreMalformed() {
    assertEquals("token_malformed", verdict(sign("RS256", RSA, "\"just a string\"")));
    assertEquals("token_malformed", verdict(sign("RS256", RSA, claims() + "x")));
  }

  @Test
  void aRefusedTokenNeverReachesAnyEventButItsFingerprintDoes() {
    String token = sign("RS256", OTHER_RSA, claims());
    harness.bearer(token);
    SecurityEvent.DenyEvent deny = harness.sink.only(SecurityEvent.DenyEvent.class);
    assertEquals("signature_invalid", deny.reason().code());
    assertEquals("jwt", deny.interceptor());
    String fingerprint = deny.details().get("token_fingerprint");
    assertEquals(12, fingerprint.length());
    String line = new EventJson(new Redactor()).format(deny);
    assertFalse(line.contains(token.substring(0, 20)));
    assertFalse(Arrays.stream(token.split("\\.")).anyMatch(line::contains));
    assertTrue(line.contains(fingerprint));
  }

  @Test
  void aRefusalAnswersWithAnRfc6750Challenge() {
    Denial denial = assertInstanceOf(Denial.class, harness.bearer(sign("RS256", RSA, claims().replace(
        "\"exp\":" + (NOW + 600), "\"exp\":" + (NOW - 3600)))));
    assertEquals(401, denial.status());
    assertEquals("Bearer realm=\"api\", error=\"invalid_token\", error_description=\"the token has expired\"",
        denial.headers().get("WWW-Authenticate"));
  }
}
