package dev.lambdaguard.examples.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Date;

/**
 * A stand-in identity provider for the offline demo and the tests: keys generated when it is created
 * (nothing secret is stored anywhere) and tokens signed with them, good or deliberately bad. Either an RS256
 * key pair (a public JWK set, as from an OpenID Connect provider) or an HS256 secret shared with the
 * function through a secret store.
 */
public final class DemoIssuer {

  public static final String ISSUER = "https://auth.demo.lambdaguard.dev";
  public static final String AUDIENCE = "orders-api";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JWSAlgorithm algorithm;
  private final String keyId;
  private final JWSSigner signer;
  private final JWSSigner impostor;
  private final RSAKey publicKey;
  private final String sharedSecret;

  private DemoIssuer(JWSAlgorithm algorithm, String keyId, JWSSigner signer, JWSSigner impostor, RSAKey publicKey,
      String sharedSecret) {
    this.algorithm = algorithm;
    this.keyId = keyId;
    this.signer = signer;
    this.impostor = impostor;
    this.publicKey = publicKey;
    this.sharedSecret = sharedSecret;
  }

  /** An RS256 issuer with a fresh key pair; an impostor signs with another pair under the same key id. */
  public DemoIssuer() {
    this(rsaKey(), rsaKey());
  }

  private DemoIssuer(RSAKey key, RSAKey impostorKey) {
    this(JWSAlgorithm.RS256, key.getKeyID(), rsaSigner(key), rsaSigner(impostorKey), key.toPublicJWK(), null);
  }

  private static RSAKey rsaKey() {
    try {
      return new RSAKeyGenerator(2048).keyID("demo-key").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate the demo keys", e);
    }
  }

  private static JWSSigner rsaSigner(RSAKey key) {
    try {
      return new RSASSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot create the demo signer", e);
    }
  }

  /** An HS256 issuer with a fresh 256-bit secret; an impostor signs with a guessed one. */
  public static DemoIssuer hmac() {
    String secret = randomSecret();
    try {
      return new DemoIssuer(JWSAlgorithm.HS256, null, new MACSigner(secret), new MACSigner(randomSecret()), null,
          secret);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot create the demo signer", e);
    }
  }

  /** The same kind of issuer after a key rotation: a new secret, so tokens signed from now on need it. */
  public DemoIssuer rotated() {
    return sharedSecret != null ? hmac() : new DemoIssuer();
  }

  private static String randomSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The public JWK set a function would fetch from an RS256 issuer. */
  public String jwks() {
    if (publicKey == null) {
      throw new IllegalStateException("an HS256 issuer has no public keys");
    }
    return new JWKSet(publicKey).toString();
  }

  /** The HS256 secret, as an operator would store it in Secrets Manager. */
  public String sharedSecret() {
    if (sharedSecret == null) {
      throw new IllegalStateException("an RS256 issuer shares no secret");
    }
    return sharedSecret;
  }

  /** A token for the kind of caller a demo step plays. */
  public String token(String kind) {
    long now = System.currentTimeMillis();
    return switch (kind) {
      case "read" -> sign(signer, claims("alice", "orders:read", now + 600_000));
      case "write" -> sign(signer, claims("alice", "orders:read orders:write", now + 600_000));
      case "write-bob" -> sign(signer, claims("bob", "orders:read orders:write", now + 600_000));
      case "erin" -> sign(signer, claims("erin", "orders:read orders:write", now + 600_000));
      case "expired" -> sign(signer, claims("alice", "orders:read orders:write", now - 3_600_000));
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

  private String sign(JWSSigner with, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claims);
      jwt.sign(with);
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
