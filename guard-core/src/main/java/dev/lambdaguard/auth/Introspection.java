package dev.lambdaguard.auth;

import dev.lambdaguard.auth.internal.RemoteKeys;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Opaque (non-JWT) access tokens checked by OAuth 2.0 Token Introspection (RFC 7662): the token is sent to
 * the authorization server's endpoint with the resource server's client credentials, and an active answer's
 * claims are checked like a JWT's. Answers are cached by the token's SHA-256 until the token's expiry, at
 * most {@link #maxCacheTime}; inactive answers are not cached.
 *
 * @param endpoint the introspection endpoint (https, or http to loopback)
 * @param clientId the resource server's client id
 * @param clientSecret its secret, read at the first introspection (through the secrets SPI in production)
 * @param maxCacheTime how long an active answer may be reused, 0 to 1 hour; a revoked token stays
 *     accepted that long
 * @param connectTimeout connect timeout
 * @param readTimeout read timeout
 */
public record Introspection(
    URI endpoint,
    String clientId,
    Supplier<String> clientSecret,
    Duration maxCacheTime,
    Duration connectTimeout,
    Duration readTimeout) {

  public static final Duration DEFAULT_MAX_CACHE_TIME = Duration.ofMinutes(1);

  public Introspection {
    Objects.requireNonNull(endpoint, "introspection endpoint");
    RemoteKeys.url(endpoint, "introspection endpoint");
    Objects.requireNonNull(clientId, "introspection clientId");
    Objects.requireNonNull(clientSecret, "introspection clientSecret");
    if (maxCacheTime.isNegative() || maxCacheTime.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("introspection maxCacheTime must be between 0 and 1 hour: " + maxCacheTime);
    }
  }

  /** An endpoint with the default cache time (1 min) and the key-fetch timeouts (250 ms connect, 500 ms read). */
  public static Introspection of(URI endpoint, String clientId, Supplier<String> clientSecret) {
    return new Introspection(endpoint, clientId, clientSecret, DEFAULT_MAX_CACHE_TIME,
        RemoteKeys.DEFAULT_CONNECT_TIMEOUT, RemoteKeys.DEFAULT_READ_TIMEOUT);
  }

  public Introspection withMaxCacheTime(Duration time) {
    return new Introspection(endpoint, clientId, clientSecret, time, connectTimeout, readTimeout);
  }

  @Override
  public String toString() {
    return "Introspection[" + endpoint + ", clientId=" + clientId + "]";
  }
}
