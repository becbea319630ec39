package dev.lambdaguard.auth.internal;

import dev.lambdaguard.Reasons;
import dev.lambdaguard.internal.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Certificate-bound access tokens (RFC 8705 §3): the token's {@code cnf.x5t#S256} must be the SHA-256
 * thumbprint of the client certificate of the mutual-TLS connection, which API Gateway passes in the event.
 */
public final class CertificateBinding {

  private CertificateBinding() {}

  /** Throws {@link Refused} unless {@code pem}'s thumbprint equals {@code boundThumbprint}. */
  public static void check(String boundThumbprint, String pem) {
    if (pem == null) {
      throw Refused.of(Reasons.CERTIFICATE_MISMATCH, "a certificate-bound token needs a mutual-TLS client certificate");
    }
    byte[] der = der(pem);
    if (der == null || !thumbprint(der).equals(boundThumbprint)) {
      throw Refused.of(Reasons.CERTIFICATE_MISMATCH, "the token is bound to another certificate");
    }
  }

  /** The DER bytes of the first certificate in a PEM text, or null. */
  static byte[] der(String pem) {
    String begin = "-----BEGIN CERTIFICATE-----";
    String end = "-----END CERTIFICATE-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end, Math.max(from, 0));
    if (from < 0 || to < 0) {
      return null;
    }
    StringBuilder body = new StringBuilder(to - from);
    for (int i = from + begin.length(); i < to; i++) {
      char c = pem.charAt(i);
      if (!Character.isWhitespace(c)) {
        body.append(c);
      }
    }
    try {
      return Base64.getDecoder().decode(body.toString().getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String thumbprint(byte[] der) {
    return Sha256.base64Url(Sha256.of(der));
  }
}
