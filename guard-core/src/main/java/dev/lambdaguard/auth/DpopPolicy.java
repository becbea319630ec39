package dev.lambdaguard.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Sender-constrained tokens by DPoP (RFC 9449): the client proves possession of the key its token is
 * bound to ({@code cnf.jkt}) with a fresh signed proof per request in the {@code DPoP} header.
 *
 * <p>With {@link #optional()}, tokens bound to a key need a proof (and the {@code DPoP} scheme) while
 * unbound tokens may still come as plain bearer tokens; with {@link #required()} every token must be bound.
 * A proof is checked for: {@code typ: dpop+jwt}, an asymmetric algorithm, a public {@code jwk} that
 * verifies it, {@code htm} and {@code htu} equal to this request's method and URI, {@code iat} within the
 * window, a {@code jti} not seen before, and {@code ath} equal to the hash of the access token.
 */
public final class DpopPolicy {

  public static final Duration DEFAULT_PROOF_WINDOW = Duration.ofSeconds(60);

  private final boolean required;
  private final URI publicBaseUri;
  private final Duration proofWindow;

  private DpopPolicy(boolean required, URI publicBaseUri, Duration proofWindow) {
    this.required = required;
    this.publicBaseUri = publicBaseUri;
    this.proofWindow = proofWindow;
  }

  /** Bound tokens need a proof; unbound bearer tokens are still accepted. */
  public static DpopPolicy optional() {
    return new DpopPolicy(false, null, DEFAULT_PROOF_WINDOW);
  }

  /** Every token must be DPoP-bound and come with a proof. */
  public static DpopPolicy required() {
    return new DpopPolicy(true, null, DEFAULT_PROOF_WINDOW);
  }

  /**
   * The public base URI clients call (e.g. {@code https://api.example.com/v1}): {@code htu} must equal it
   * plus the request path. Without it, {@code https://} + the domain the gateway reports (API Gateway,
   * Function URL) is used, never the client's Host header; behind an ALB, or a custom domain with a base
   * path, set it.
   */
  public DpopPolicy publicBaseUri(URI base) {
    Objects.requireNonNull(base, "publicBaseUri");
    if (!"https".equalsIgnoreCase(base.getScheme()) || base.getHost() == null || base.getQuery() != null) {
      throw new IllegalArgumentException("dpop publicBaseUri must be an https URI without query: " + base);
    }
    return new DpopPolicy(required, base, proofWindow);
  }

  /** How far a proof's {@code iat} may lie from now, either way (default 60 s, at most 5 min). */
  public DpopPolicy proofWindow(Duration window) {
    if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("dpop proofWindow must be between 0 and 5 minutes: " + window);
    }
    return new DpopPolicy(required, publicBaseUri, window);
  }

  public boolean isRequired() {
    return required;
  }

  /** The configured public base URI, or null. */
  public URI publicBaseUri() {
    return publicBaseUri;
  }

  public Duration proofWindow() {
    return proofWindow;
  }
}
