package dev.lambdaguard.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * SHA-256, the one hash the guard uses (token cache keys and fingerprints, API-key digests, DPoP {@code ath},
 * certificate thumbprints, hashed rate-limit keys). One digest per thread: looking a provider up costs more than
 * hashing a token.
 */
public final class Sha256 {

  private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  });

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private Sha256() {}

  /** The digest of {@code bytes}. */
  public static byte[] of(byte[] bytes) {
    return DIGEST.get().digest(bytes);
  }

  /** The digest of everything {@code in} holds, read in 64 KiB blocks (a jar, without holding it in memory). */
  public static byte[] of(java.io.InputStream in) throws java.io.IOException {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    try {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) != -1; ) {
        digest.update(buffer, 0, n);
      }
      return digest.digest();
    } finally {
      digest.reset(); // a read that failed half way must not leave its bytes in the thread's digest
    }
  }

  /** The digest of {@code text}'s UTF-8 bytes. */
  public static byte[] of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The first {@code bytes} bytes of a digest, base64url without padding: a short non-reversible form. */
  public static String base64Url(byte[] digest, int bytes) {
    return BASE64URL.encodeToString(bytes == digest.length ? digest : Arrays.copyOf(digest, bytes));
  }

  /** A whole digest, base64url without padding. */
  public static String base64Url(byte[] digest) {
    return BASE64URL.encodeToString(digest);
  }
}
