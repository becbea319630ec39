package dev.lambdaguard.ratelimit.internal;

import dev.lambdaguard.internal.Sha256;

/**
 * A short non-reversible form of a caller id (an API key, an over-long subject) for bucket keys and events:
 * 96 bits of SHA-256, base64url.
 */
public final class KeyHash {

  private KeyHash() {}

  public static String of(String value) {
    return Sha256.base64Url(Sha256.of(value), 12);
  }
}
