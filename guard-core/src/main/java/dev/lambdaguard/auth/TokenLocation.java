package dev.lambdaguard.auth;

import java.util.Objects;

/**
 * Where a bearer token is read from. A request that carries tokens in more than one accepted place, or
 * more than once in one place, is refused as ambiguous.
 */
public sealed interface TokenLocation {

  /** {@code Authorization: Bearer <token>}, the scheme compared case-insensitively (RFC 6750 §2.1). */
  static TokenLocation authorizationHeader() {
    return AuthorizationHeader.INSTANCE;
  }

  /** The whole value of a custom header. */
  static TokenLocation header(String name) {
    return new Header(name);
  }

  /** The value of a cookie. */
  static TokenLocation cookie(String name) {
    return new Cookie(name);
  }

  /** The Authorization header with the Bearer scheme. */
  enum AuthorizationHeader implements TokenLocation {
    INSTANCE
  }

  /** A custom header. */
  record Header(String name) implements TokenLocation {
    public Header {
      Objects.requireNonNull(name, "name");
    }
  }

  /** A cookie. */
  record Cookie(String name) implements TokenLocation {
    public Cookie {
      Objects.requireNonNull(name, "name");
    }
  }
}
