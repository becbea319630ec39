package dev.lambdaguard.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import java.util.Map;

/**
 * A token issuer for benchmarks: an RSA key generated at start (nothing is stored), its public JWK set,
 * and RS256 tokens for the orders API with both scopes, valid for a day.
 */
public final class BenchIssuer {

  public static final String ISSUER = "https://auth.bench.lambdaguard.dev";
  public static final String AUDIENCE = "orders-api";

  private final RSAKey key;

  public BenchIssuer() {
    try {
      key = new RSAKeyGenerator(2048).keyID("bench-key").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public String jwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  /** A token distinct from every other one minted by this issuer (its jti differs). */
  public String token() {
    long now = System.currentTimeMillis();
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("bench-user")
        .claim("scope", "orders:read orders:write").jwtID(Long.toHexString(System.nanoTime()))
        .issueTime(new Date(now - 60_000)).expirationTime(new Date(now + 86_400_000)).build();
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The environment {@code OrdersFunction} reads its token policy from, with the key set in {@code jwksFile}. */
  public Map<String, String> environment(String jwksFile) {
    // the same policy for the code example (ORDERS_*) and the annotated one (GUARD_JWT_*)
    return Map.of("ORDERS_ISSUER", ISSUER, "ORDERS_AUDIENCE", AUDIENCE, "ORDERS_JWKS_FILE", jwksFile,
        "GUARD_JWT_ISSUER", ISSUER, "GUARD_JWT_AUDIENCE", AUDIENCE, "GUARD_JWT_JWKS_FILE", jwksFile);
  }
}
