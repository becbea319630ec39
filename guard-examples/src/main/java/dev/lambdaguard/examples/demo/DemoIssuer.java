package dev.lambdaguard.examples.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Base64;
import java.util.Date;

/**
 * A stand-in identity provider for the offline demo: a key pair generated when the demo starts (nothing
 * secret is stored anywhere) and tokens signed with it, good or deliberately bad.
 */
public final class DemoIssuer {

  public static final String ISSUER = "https://auth.demo.lambdaguard.dev";
  public static final String AUDIENCE = "orders-api";

  private final RSAKey key;
  private final RSAKey impostor;

  public DemoIssuer() {
    try {
      this.key = new RSAKeyGenerator(2048).keyID("demo-key").generate();
      this.impostor = new RSAKeyGenerator(2048).keyID("demo-key").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate the demo keys", e);
    }
  }

  /** The public JWK set a function would fetch from the issuer. */
  public String jwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  /** A token for the kind of caller a demo step plays. */
  public String token(String kind) {
    long now = System.currentTimeMillis();
    return switch (kind) {
      case "read" -> sign(key, claims("alice", "orders:read", now + 600_000));
      case "write" -> sign(key, claims("alice", "orders:read orders:write", now + 600_000));
      case "write-bob" -> sign(key, claims("bob", "orders:read orders:write", now + 600_000));
      case "expired" -> sign(key, claims("alice", "orders:read orders:write", now - 3_600_000));
      case "forged" -> sign(impostor, claims("mallory", "orders:read orders:write", now + 600_000));
      case "alg-none" -> unsigned(claims("mallory", "orders:read orders:write", now + 600_000));
      default -> throw new IllegalArgumentException("unknown token kind: " + kind);
    };
  }

  private static JWTClaimsSet claims(String subject, String scope, long expiresAtMillis) {
    return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
        .claim("scope", scope).issueTime(new Date(expiresAtMillis - 3_600_000))
        .expirationTime(new Date(expiresAtMillis)).build();
  }

  private static String sign(RSAKey with, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(with));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a demo token", e);
    }
  }

  /** An "alg": "none" token, the oldest JWT attack. */
  private static String unsigned(JWTClaimsSet claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
        + b64.encodeToString(claims.toString().getBytes()) + ".";
  }
}
