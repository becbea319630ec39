package dev.lambdaguard.events;

import dev.lambdaguard.internal.Sha256;

/**
 * A short, stable, non-reversible name for the caller of a request, so that one query can follow a caller across
 * events, denied (often unauthenticated) or allowed: 72 bits of the SHA-256 of the authenticated subject when
 * there is one, otherwise of the source IP the gateway saw; base64url, 12 characters. The two inputs are
 * prefixed differently so that a subject can never collide with an address. It never holds a token, an API key
 * or any header value.
 */
public final class CallerFingerprint {

  private CallerFingerprint() {}

  /** The request's caller fingerprint, or null when neither a subject nor a source IP is known. */
  public static String of(RequestSummary request) {
    if (request.principal() != null) {
      return Sha256.base64Url(Sha256.of("sub:" + request.principal()), 9);
    }
    if (request.sourceIp() != null) {
      return Sha256.base64Url(Sha256.of("ip:" + request.sourceIp()), 9);
    }
    return null;
  }
}
