package dev.lambdaguard.input.detect;

/** The value of a base64 digit, for the decoders that read base64 inside a value (UTF-7 runs, data URLs). */
final class Base64Digits {

  private Base64Digits() {}

  /** The value of {@code c} in the standard alphabet (the one UTF-7 uses), or -1. */
  static int standard(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return c == '+' ? 62 : c == '/' ? 63 : -1;
  }

  /** The value of {@code c} in the standard alphabet or the URL one ({@code -} and {@code _}), or -1. */
  static int eitherAlphabet(char c) {
    return c == '-' ? 62 : c == '_' ? 63 : standard(c);
  }
}
