package dev.lambdaguard.auth.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.lambdaguard.json.StrictJsonParser;
import java.util.List;

/**
 * Warms the token path before a SnapStart checkpoint without any network call: key sets are parsed, and
 * tokens signed, parsed and verified, with keys made here in memory for this purpose alone (none is ever
 * written or trusted: the authenticator's own key source is not touched). This loads and compiles the same
 * classes a first real token needs: nimbus's JWK parsing, the RSA and EC verifiers and our checks.
 */
public final class OfflinePriming {

  private OfflinePriming() {}

  /** Signs and verifies one token per common algorithm family; returns how many verified (for tests). */
  public static int verifySampleTokens(StrictJsonParser json, int maxTokenLength, long nowSeconds) {
    int verified = 0;
    try {
      RSAKey rsa = new RSAKeyGenerator(2048).keyID("prime-rsa").generate();
      ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("prime-ec").generate();
      // Through JSON, as a fetched key set arrives.
      JWKSet published = JWKSet.parse(new JWKSet(List.<JWK>of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());
      SignatureCheck check = new SignatureCheck(new ImmutableJWKSet<>(published));
      verified += verifyOne(check, new RSASSASigner(rsa), JWSAlgorithm.RS256, "prime-rsa", json, maxTokenLength, nowSeconds);
      verified += verifyOne(check, new ECDSASigner(ec), JWSAlgorithm.ES256, "prime-ec", json, maxTokenLength, nowSeconds);
    } catch (JOSEException | java.text.ParseException e) {
      // Priming is best effort: a failure here only means a colder first request.
    }
    return verified;
  }

  private static int verifyOne(SignatureCheck check, JWSSigner signer, JWSAlgorithm alg, String keyId,
      StrictJsonParser json, int maxTokenLength, long now) throws JOSEException {
    JWSObject jws = new JWSObject(new JWSHeader.Builder(alg).keyID(keyId).type(JOSEObjectType.JWT).build(),
        new Payload("{\"iss\":\"https://prime.invalid/\",\"sub\":\"prime\",\"aud\":\"prime\",\"iat\":" + now
            + ",\"exp\":" + (now + 60) + ",\"scope\":\"prime\"}"));
    jws.sign(signer);
    CompactJws parsed = CompactJws.parse(jws.serialize(), maxTokenLength, json);
    check.verify(parsed);
    TokenClaims.read(parsed.payload());
    return 1;
  }
}
