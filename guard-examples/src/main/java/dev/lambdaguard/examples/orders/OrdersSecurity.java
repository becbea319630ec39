package dev.lambdaguard.examples.orders;

import dev.lambdaguard.Guard;
import dev.lambdaguard.auth.JwtAuthenticator;
import dev.lambdaguard.auth.KeySource;
import dev.lambdaguard.auth.RoutePolicy;
import dev.lambdaguard.auth.RouteRequirement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The orders API's security policy in one place: who may call which route, and the guard that enforces it.
 *
 * <p>Deployed, the token policy comes from the function's environment:
 * <ul>
 *   <li>{@code ORDERS_ISSUER}: the token issuer (required);
 *   <li>{@code ORDERS_AUDIENCE}: the API's audience (required);
 *   <li>{@code ORDERS_JWKS_URI}: the issuer's JWK set URL, or {@code ORDERS_JWKS_FILE}: a JWK set file
 *       packaged with the function (one of them is required).
 * </ul>
 * A missing variable fails the init phase with a message naming it, never the first request.
 */
public final class OrdersSecurity {

  /** Least privilege: reading needs orders:read, creating orders:write, and nothing else is open. */
  public static final RoutePolicy ROUTES = RoutePolicy.builder()
      .route("GET /orders/{id}", RouteRequirement.scopes("orders:read"))
      .route("POST /orders", RouteRequirement.scopes("orders:write"))
      .denyUnlisted()
      .build();

  private OrdersSecurity() {}

  /** The guard: token and route first, then the JSON body, parsed once and strictly. */
  public static Guard guard(JwtAuthenticator authenticator) {
    return Guard.builder().jwt(authenticator).strictJsonBodies().build();
  }

  /** The token policy from the function's environment. */
  public static JwtAuthenticator fromEnvironment(Map<String, String> env) {
    KeySource keys;
    if (env.get("ORDERS_JWKS_URI") != null) {
      keys = KeySource.jwks(URI.create(env.get("ORDERS_JWKS_URI")));
    } else if (env.get("ORDERS_JWKS_FILE") != null) {
      try {
        keys = KeySource.staticJwks(Files.readString(Path.of(env.get("ORDERS_JWKS_FILE"))));
      } catch (IOException e) {
        throw new UncheckedIOException("ORDERS_JWKS_FILE cannot be read: " + env.get("ORDERS_JWKS_FILE"), e);
      }
    } else {
      throw new IllegalStateException("ORDERS_JWKS_URI or ORDERS_JWKS_FILE must be set: the keys that verify tokens");
    }
    return JwtAuthenticator.builder()
        .issuer(required(env, "ORDERS_ISSUER"))
        .audiences(required(env, "ORDERS_AUDIENCE"))
        .keys(keys)
        .routes(ROUTES)
        .build();
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " must be set");
    }
    return value;
  }
}
