package dev.lambdaguard.anomaly.internal;

/**
 * A seeded 64-bit hash of a string, for keying in-memory state by caller input (an IP, a path, a credential)
 * without keeping the input. Four independent lanes of xor-multiply per character let the CPU work on four
 * characters at once, where {@link String#hashCode()} on Java 17 is one serial chain of multiplications (and 32
 * bits); the lanes are then mixed with the MurmurHash3 finalizer.
 *
 * <p>Not a cryptographic hash: it keys memory and is never written anywhere (events carry a SHA-256 form,
 * computed only when an anomaly is reported). The seed is chosen per detector at init, so that an attacker
 * cannot precompute inputs that collide in a table slot.
 */
public final class FastHash {

  private static final long P0 = 0x9E3779B97F4A7C15L;
  private static final long P1 = 0xC2B2AE3D27D4EB4FL;
  private static final long P2 = 0x165667B19E3779F9L;
  private static final long P3 = 0xD6E8FEB86659FD93L;

  private FastHash() {}

  /** The hash of {@code value}; never 0, so that 0 can mark an empty slot. */
  public static long of(CharSequence value, long seed) {
    return of(value, 0, value.length(), seed);
  }

  /**
   * The hash of {@code value}'s characters {@code start} to {@code end}, without copying them (a token inside its
   * header): equal to the hash of that substring.
   */
  public static long of(CharSequence value, int start, int end, long seed) {
    int n = end - start;
    long h0 = seed ^ n;
    long h1 = seed + P1;
    long h2 = seed ^ P2;
    long h3 = seed - P3;
    int i = start;
    for (; i + 4 <= end; i += 4) {
      h0 = (h0 ^ value.charAt(i)) * P0;
      h1 = (h1 ^ value.charAt(i + 1)) * P1;
      h2 = (h2 ^ value.charAt(i + 2)) * P2;
      h3 = (h3 ^ value.charAt(i + 3)) * P3;
      h0 ^= h0 >>> 29;
      h1 ^= h1 >>> 31;
      h2 ^= h2 >>> 27;
      h3 ^= h3 >>> 33;
    }
    for (; i < end; i++) {
      h0 = (h0 ^ value.charAt(i)) * P0;
      h0 ^= h0 >>> 29;
    }
    long h = h0 ^ Long.rotateLeft(h1, 17) ^ Long.rotateLeft(h2, 31) ^ Long.rotateLeft(h3, 47);
    h = mix(h);
    return h == 0 ? 1 : h;
  }

  /** The MurmurHash3 64-bit finalizer: every input bit affects every output bit. */
  public static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }
}
