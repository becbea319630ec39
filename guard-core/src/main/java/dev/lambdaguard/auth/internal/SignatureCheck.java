package dev.lambdaguard.auth.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import dev.lambdaguard.Reasons;
import java.text.ParseException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the keys that may verify a token and checks its signature, with nimbus doing the cryptography.
 *
 * <p>Keys come only from the configured source, never from the token ({@code jwk}, {@code jku},
 * {@code x5u} and {@code x5c} headers are ignored). A key is used only when its type and curve fit the
 * algorithm (an EC key the curve of the algorithm), its {@code use} and {@code key_ops} allow verification, and
 * an RSA key has at least 2048 bits.
 * An unknown {@code kid} makes the source refetch, at most at its rate limit.
 */
public final class SignatureCheck implements dev.lambdaguard.SnapshotAware {

  static final int MIN_RSA_BITS = 2048;

  /** Verifiers built from a key are reused while the key set holds the same key object (until a refresh). */
  private static final int MAX_CACHED_VERIFIERS = 64;

  private final JWKSource<SecurityContext> keys;
  private final Map<JWK, Map<JWSAlgorithm, JWSVerifier>> verifiers = new IdentityHashMap<>();

  private final boolean matchKeyIds;

  public SignatureCheck(JWKSource<SecurityContext> keys) {
    this(keys, true);
  }

  /**
   * @param matchKeyIds false for a single shared secret, which has no key id: a token's {@code kid} is then not
   *     used to select the key (the signature still has to verify with it)
   */
  public SignatureCheck(JWKSource<SecurityContext> keys, boolean matchKeyIds) {
    this.keys = keys;
    this.matchKeyIds = matchKeyIds;
  }

  /** Forgets the keys and the verifiers built from them: a restored copy fetches its own. */
  @Override
  public void afterRestore() {
    if (keys instanceof dev.lambdaguard.SnapshotAware renewable) {
      renewable.afterRestore();
    }
    synchronized (verifiers) {
      verifiers.clear();
    }
  }

  /**
   * A verifier for a key and algorithm, built once: turning a JWK into a JCA public key (big integers, key
   * factories) costs a noticeable part of an RSA verification. Keyed by the key object's identity, so a
   * refreshed key set (new objects) builds new verifiers; bounded, and cleared when full.
   */
  private JWSVerifier cachedVerifier(JWSAlgorithm alg, JWK key) {
    synchronized (verifiers) {
      Map<JWSAlgorithm, JWSVerifier> byAlg = verifiers.get(key);
      if (byAlg != null && byAlg.containsKey(alg)) {
        return byAlg.get(alg);
      }
    }
    JWSVerifier verifier = verifierFor(alg, key);
    synchronized (verifiers) {
      if (verifiers.size() >= MAX_CACHED_VERIFIERS) {
        verifiers.clear();
      }
      verifiers.computeIfAbsent(key, k -> new HashMap<>(2)).put(alg, verifier);
    }
    return verifier;
  }

  /**
   * Verifies the signature of an already structurally checked token; throws {@link Refused} otherwise. With
   * keys that rotate under us (a secret), a token no key verifies makes them refresh once, rate-limited by the
   * source, and is checked again.
   */
  public void verify(CompactJws jws) {
    if (jws.unsigned()) {
      throw Refused.of(Reasons.SIGNATURE_INVALID, "the token has no signature");
    }
    JWSObject object;
    try {
      object = JWSObject.parse(jws.token());
    } catch (ParseException e) {
      throw Refused.of(Reasons.TOKEN_MALFORMED, "the token header is not a valid JWS header");
    }
    try {
      verify(object);
    } catch (Refused refused) {
      boolean keyMismatch = refused.refusal().reason().equals(Reasons.SIGNATURE_INVALID)
          || refused.refusal().reason().equals(Reasons.KEY_NOT_FOUND);
      if (!keyMismatch || !(keys instanceof RotatingKeys rotating) || !rotating.refresh()) {
        throw refused;
      }
      verify(object);
    }
  }

  private void verify(JWSObject object) {
    List<JWK> candidates;
    try {
      JWKMatcher matcher = matchKeyIds ? JWKMatcher.forJWSHeader(object.getHeader())
          : new JWKMatcher.Builder().keyType(com.nimbusds.jose.jwk.KeyType.OCT).build();
      candidates = keys.get(new JWKSelector(matcher), null);
    } catch (RateLimitReachedException e) {
      throw Refused.of(Reasons.KEY_NOT_FOUND, "no key matches the token");
    } catch (KeySourceException e) {
      throw Refused.of(Reasons.JWKS_UNAVAILABLE, "the signing keys are unavailable");
    }
    JWSAlgorithm alg = object.getHeader().getAlgorithm();
    boolean anyUsable = false;
    for (JWK key : candidates) {
      JWSVerifier verifier = cachedVerifier(alg, key);
      if (verifier == null) {
        continue;
      }
      anyUsable = true;
      try {
        if (object.verify(verifier)) {
          return;
        }
      } catch (JOSEException | IllegalStateException e) {
        // A verifier that cannot process the signature (wrong length, illegal ECDSA values) is a failure.
      }
    }
    if (!anyUsable) {
      throw Refused.of(Reasons.KEY_NOT_FOUND, "no usable key matches the token");
    }
    throw Refused.of(Reasons.SIGNATURE_INVALID, "the signature does not verify");
  }

  /** A verifier for a key that is fit for the algorithm, or null. */
  static JWSVerifier verifierFor(JWSAlgorithm alg, JWK key) {
    if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
      return null;
    }
    if (key.getKeyOperations() != null && !key.getKeyOperations().contains(KeyOperation.VERIFY)) {
      return null;
    }
    if (key.getAlgorithm() != null && !key.getAlgorithm().getName().equals(alg.getName())) {
      return null;
    }
    try {
      if (key instanceof RSAKey rsa && JWSAlgorithm.Family.RSA.contains(alg)) {
        return rsa.size() >= MIN_RSA_BITS ? new RSASSAVerifier(rsa) : null;
      }
      if (key instanceof ECKey ec && JWSAlgorithm.Family.EC.contains(alg)) {
        return Curve.forJWSAlgorithm(alg).contains(ec.getCurve()) ? new ECDSAVerifier(ec) : null;
      }
      if (key instanceof OctetSequenceKey secret && JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
        return secret.size() >= minHmacBits(alg) ? new MACVerifier(secret) : null;
      }
      if (key instanceof OctetKeyPair okp && (JWSAlgorithm.EdDSA.equals(alg) || JWSAlgorithm.Ed25519.equals(alg))) {
        return new Ed25519JdkVerifier(okp);
      }
    } catch (JOSEException e) {
      return null;
    }
    return null;
  }

  /** RFC 7518 §3.2: a key at least as long as the hash output. */
  private static int minHmacBits(JWSAlgorithm alg) {
    if (JWSAlgorithm.HS512.equals(alg)) {
      return 512;
    }
    return JWSAlgorithm.HS384.equals(alg) ? 384 : 256;
  }
}
