package dev.lambdaguard.auth.internal;

import dev.lambdaguard.Principal;
import dev.lambdaguard.internal.Sha256;
import dev.lambdaguard.internal.TokenFingerprint;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tokens whose signature and claims were verified, keyed by the SHA-256 of the token (the token itself is
 * never kept as a key). Bounded: least recently used entries go first, and an entry is dropped once its
 * token has expired. A hit skips signature verification only; the caller re-checks time-based claims and
 * route authorization on every use.
 */
public final class VerifiedTokens {

  /**
   * A verified token: its claims, the principal built from them, a short fingerprint for events, and until
   * when (epoch seconds) the verification may be reused: the expiry, or earlier for introspected tokens.
   */
  public record Entry(TokenClaims claims, Principal principal, String fingerprint, long reusableUntil) {

    public Entry(TokenClaims claims, Principal principal, String fingerprint) {
      this(claims, principal, fingerprint, claims.expiresAt());
    }
  }

  private final int capacity;
  private final Map<String, Entry> entries;

  public VerifiedTokens(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > VerifiedTokens.this.capacity;
      }
    };
  }

  /**
   * The cache key of a token: the SHA-256 of its UTF-8 bytes (never a lossy charset: two tokens differing only in
   * characters it cannot encode would share a key).
   */
  public static byte[] digest(String token) {
    return Sha256.of(token);
  }

  /** A short, non-reversible fingerprint of a token for events ({@link TokenFingerprint}). */
  public static String fingerprint(byte[] digest) {
    return TokenFingerprint.of(digest);
  }

  public Entry get(byte[] digest, long nowSeconds) {
    if (capacity == 0) {
      return null;
    }
    String key = new String(digest, StandardCharsets.ISO_8859_1);
    synchronized (entries) {
      Entry entry = entries.get(key);
      if (entry != null && nowSeconds >= entry.reusableUntil()) {
        entries.remove(key);
        return null;
      }
      return entry;
    }
  }

  public void put(byte[] digest, Entry entry) {
    if (capacity == 0) {
      return;
    }
    String key = new String(digest, StandardCharsets.ISO_8859_1);
    synchronized (entries) {
      entries.put(key, entry);
    }
  }

  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /** Forgets everything (after a SnapStart restore, or a key rotation). */
  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }
}
