package dev.lambdaguard.events;

/**
 * A short, stable name for the caller of a request, so that one query can follow a caller across events, denied
 * (often unauthenticated) or allowed: a 64-bit hash ({@link ShortHash}, 11 base64url characters) of the
 * authenticated subject when there is one, otherwise of the source IP the gateway saw. The two inputs are
 * prefixed differently so that a subject never collides with an address. A correlation key, not a secret: the
 * subject and the address are in the same event; it never holds a token, an API key or any header value.
 */
public final class CallerFingerprint {

  private CallerFingerprint() {}

  /** The request's caller fingerprint, or null when neither a subject nor a source IP is known. */
  public static String of(RequestSummary request) {
    if (request.principal() != null) {
      return ShortHash.of("sub:" + request.principal());
    }
    if (request.sourceIp() != null) {
      return ShortHash.of("ip:" + request.sourceIp());
    }
    return null;
  }
}
