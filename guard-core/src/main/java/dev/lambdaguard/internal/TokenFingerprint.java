package dev.lambdaguard.internal;

/**
 * How a bearer token is named in every event that names one ({@code token_fingerprint} of authentication events,
 * the {@code key} of a {@code token_theft} anomaly): 72 bits of its SHA-256, base64url. One function, so that a SIEM
 * can join an anomaly with the token's own authentication events; never reversible to the token.
 */
public final class TokenFingerprint {

  private TokenFingerprint() {}

  /** The fingerprint of {@code token} (the credential without its scheme). */
  public static String of(String token) {
    return of(Sha256.of(token));
  }

  /** The fingerprint of a token whose SHA-256 is {@code digest}. */
  public static String of(byte[] digest) {
    return Sha256.base64Url(digest, 9);
  }
}
