package dev.lambdaguard.bench.anomaly;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import java.util.Random;

/**
 * The simulated identity provider: HS256 tokens under a secret drawn from the trace's seed (so a trace is the
 * same on every run, and nothing secret is stored), and an impostor's secret for forged tokens.
 */
final class SimIssuer {

  static final String ISSUER = "https://auth.sim.lambdaguard.dev";
  static final String AUDIENCE = "orders-api";
  static final String SCOPES = "orders:read orders:write";

  private final byte[] secret;
  private final MACSigner signer;
  private final MACSigner impostor;

  SimIssuer(Random random) {
    this.secret = bytes(random);
    try {
      this.signer = new MACSigner(secret);
      this.impostor = new MACSigner(bytes(random));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot create the simulated signers", e);
    }
  }

  byte[] secret() {
    return secret.clone();
  }

  /** An Authorization header with a token for {@code subject}, issued at {@code issuedAt}, valid until {@code expiresAt}. */
  String bearer(String subject, long issuedAt, long expiresAt, String tokenId) {
    return "Bearer " + sign(signer, subject, issuedAt, expiresAt, tokenId);
  }

  /** The same, signed with a key the function does not trust. */
  String forged(String subject, long issuedAt, long expiresAt, String tokenId) {
    return "Bearer " + sign(impostor, subject, issuedAt, expiresAt, tokenId);
  }

  private static String sign(MACSigner key, String subject, long issuedAt, long expiresAt, String tokenId) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
        .claim("scope", SCOPES).issueTime(new Date(issuedAt)).expirationTime(new Date(expiresAt)).jwtID(tokenId)
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(key);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a simulated token", e);
    }
    return jwt.serialize();
  }

  private static byte[] bytes(Random random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return bytes;
  }
}
