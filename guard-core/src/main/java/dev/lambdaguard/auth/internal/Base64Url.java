package dev.lambdaguard.auth.internal;

/**
 * Strict base64url (RFC 7515 §2): the URL-safe alphabet only, no padding, no whitespace, and canonical
 * (the unused low bits of the last character are zero), so that one token has exactly one encoding.
 */
final class Base64Url {

  private static final byte[] VALUES = new byte[128];

  static {
    java.util.Arrays.fill(VALUES, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = (byte) i;
    }
  }

  private Base64Url() {}

  /** Whether {@code s[from, to)} is canonical unpadded base64url. */
  static boolean isCanonical(String s, int from, int to) {
    int length = to - from;
    if (length % 4 == 1) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 128 || VALUES[c] < 0) {
        return false;
      }
    }
    if (length == 0) {
      return true;
    }
    int last = VALUES[s.charAt(to - 1)];
    return switch (length % 4) {
      case 2 -> (last & 0x0f) == 0;
      case 3 -> (last & 0x03) == 0;
      default -> true;
    };
  }

  /** Decodes a range already checked by {@link #isCanonical}. */
  static byte[] decode(String s, int from, int to) {
    int length = to - from;
    byte[] out = new byte[length * 3 / 4];
    int o = 0;
    int buffer = 0;
    int bits = 0;
    for (int i = from; i < to; i++) {
      buffer = (buffer << 6) | VALUES[s.charAt(i)];
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[o++] = (byte) (buffer >> bits);
      }
    }
    return out;
  }
}
