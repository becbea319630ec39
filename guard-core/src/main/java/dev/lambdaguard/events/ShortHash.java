package dev.lambdaguard.events;

/**
 * A 64-bit non-cryptographic hash written as 11 base64url characters, for correlation keys in events (the caller
 * fingerprint, OCSF finding ids). Not SHA-256: the first {@code MessageDigest} of a process loads the JCA provider
 * machinery, about 60 JDK classes on the cold-start path of every function, for values that are not secrets (the
 * subject and source IP it keys are written in the same event). FNV-1a over the UTF-16 code units, then the
 * SplitMix64 finalizer so that near inputs (adjacent addresses) spread over all bits.
 */
final class ShortHash {

  private static final char[] BASE64URL =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

  private ShortHash() {}

  static String of(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    h ^= h >>> 31;
    char[] out = new char[11];
    for (int i = 0; i < 10; i++) {
      out[i] = BASE64URL[(int) (h >>> (58 - 6 * i)) & 0x3f];
    }
    out[10] = BASE64URL[(int) (h << 2) & 0x3c]; // the last 4 bits
    return new String(out);
  }
}
