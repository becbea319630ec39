package dev.lambdaguard.examples.orders;

import dev.lambdaguard.Guard;
import dev.lambdaguard.auth.ApiKeyAuthenticator;
import dev.lambdaguard.auth.JwtAuthenticator;
import dev.lambdaguard.auth.KeySource;
import dev.lambdaguard.auth.RoutePolicy;
import dev.lambdaguard.auth.RouteRequirement;
import dev.lambdaguard.aws.ratelimit.RedisRateLimitBackend;
import dev.lambdaguard.aws.secrets.ParametersSecretsExtension;
import dev.lambdaguard.input.InputPolicy;
import dev.lambdaguard.input.ParameterRule;
import dev.lambdaguard.input.RouteInput;
import dev.lambdaguard.inventory.InventoryReporter;
import dev.lambdaguard.ratelimit.RateLimitBackend;
import dev.lambdaguard.ratelimit.RateLimitPolicy;
import dev.lambdaguard.secrets.SecretCache;
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
 *   <li>the keys that verify tokens, one of: {@code ORDERS_JWKS_URI}, the issuer's JWK set URL;
 *       {@code ORDERS_JWKS_FILE}, a JWK set file packaged with the function; {@code ORDERS_JWT_SECRET}, a
 *       secret holding an HS256 key shared with the issuer ({@code name} or {@code name#field});
 *   <li>{@code ORDERS_API_KEYS_SECRET} (optional): a secret holding partners' API keys,
 *       {@code {"<partner id>": "<key>", ...}}; a partner calls with its key in {@code X-Api-Key} instead of a
 *       token and may read orders, nothing else;
 *   <li>{@code ORDERS_SECRETS_SOURCE} (optional): {@code extension} (the default) or {@code secretsmanager}, the
 *       AWS SDK straight to Secrets Manager for a function without the extension layer ({@code ORDERS_SECRETS_ENDPOINT}
 *       names another endpoint);
 *   <li>{@code ORDERS_REDIS_URL} (optional): a Redis (ElastiCache, Valkey) for fleet-wide rate limits; without
 *       it each execution environment limits on its own.
 * </ul>
 * A missing variable fails the init phase with a message naming it, never the first request. Secrets come
 * through the AWS Parameters and Secrets Lambda Extension (add its layer): plain HTTP on loopback, no AWS SDK
 * in the function, read at first use and cached across invocations.
 */
public final class OrdersSecurity {

  /** Least privilege: reading needs orders:read, creating orders:write, and nothing else is open. */
  public static final RoutePolicy ROUTES = RoutePolicy.builder()
      .route("GET /orders/{id}", RouteRequirement.scopes("orders:read"))
      .route("POST /orders", RouteRequirement.scopes("orders:write"))
      .denyUnlisted()
      .build();

  /**
   * What the orders API accepts: an order id of letters, digits and dashes; a body that matches its schema, whose
   * gift message is rich text (cleaned, not refused); and, in every field, no recognised injection.
   */
  public static final InputPolicy INPUT = InputPolicy.builder()
      .route("GET /orders/{id}", RouteInput.builder()
          .pathParameter("id", ParameterRule.pattern("[A-Za-z0-9-]{1,36}", 36).required())
          .build())
      .route("POST /orders", RouteInput.builder()
          .schema("schemas/order.json")
          .richText("body/giftMessage")
          .build())
      .build();

  /** Each caller: 60 a minute with bursts of 10 a second; creating orders: 5 a minute per caller. */
  public static final String CALLER_LIMITS = "60/1m, 10/1s";
  public static final int CREATE_ORDER_LIMIT_COUNT = 5;
  public static final String CREATE_ORDER_LIMITS = CREATE_ORDER_LIMIT_COUNT + "/1m";

  private OrdersSecurity() {}

  /** The guard with local rate limits: token and route, then the caller's rate, then the body and all input. */
  public static Guard guard(JwtAuthenticator authenticator) {
    return guard(authenticator, rateLimits(null));
  }

  /** The guard with the given rate-limit policy. */
  public static Guard guard(JwtAuthenticator authenticator, RateLimitPolicy rateLimits) {
    return guard(authenticator, null, rateLimits);
  }

  /** The guard for people with tokens and, when {@code partnerKeys} is given, partners with API keys. */
  public static Guard guard(JwtAuthenticator tokens, ApiKeyAuthenticator partnerKeys, RateLimitPolicy rateLimits) {
    return guard(Guard.builder(), tokens, partnerKeys, rateLimits);
  }

  private static Guard guard(Guard.Builder guard, JwtAuthenticator tokens, ApiKeyAuthenticator partnerKeys,
      RateLimitPolicy rateLimits) {
    if (partnerKeys == null) {
      guard.jwt(tokens);
    } else {
      guard.jwtOrApiKey(tokens, partnerKeys);
    }
    return guard.rateLimit(rateLimits).inputInspection(INPUT).build();
  }

  /** The guard as deployed, every part of its policy from the environment. */
  public static Guard guardFromEnvironment(Map<String, String> env) {
    String partnerKeys = env.get("ORDERS_API_KEYS_SECRET");
    boolean withPartners = partnerKeys != null && !partnerKeys.isBlank();
    // No secret named, no secrets machinery loaded: a function without secrets pays nothing for them.
    SecretCache secrets = withPartners || env.get("ORDERS_JWT_SECRET") != null ? secretsFromEnvironment(env) : null;
    // The runtime inventory as this environment's LAMBDA_GUARD_INVENTORY says (deployed, it is on by default).
    Guard.Builder builder = Guard.builder();
    Boolean inventory = InventoryReporter.setting(env);
    if (inventory != null) {
      builder.runtimeInventory(inventory);
    }
    return guard(builder, fromEnvironment(env, secrets), withPartners ? partnerKeys(secrets, partnerKeys) : null,
        rateLimitsFromEnvironment(env));
  }

  /** Partners read orders with a key held in {@code secretReference}; they cannot create them. */
  public static ApiKeyAuthenticator partnerKeys(SecretCache secrets, String secretReference) {
    return ApiKeyAuthenticator.of(secrets, secretReference).withScopes("orders:read").withRoutes(ROUTES);
  }

  /**
   * The environment's one secret cache, through the Parameters and Secrets extension named by the Lambda
   * environment ({@code PARAMETERS_SECRETS_EXTENSION_HTTP_PORT}, {@code AWS_SESSION_TOKEN}), or with
   * {@code ORDERS_SECRETS_SOURCE=secretsmanager} through the AWS SDK. Nothing is fetched until a secret is first
   * used.
   */
  public static SecretCache secretsFromEnvironment(Map<String, String> env) {
    String source = env.getOrDefault("ORDERS_SECRETS_SOURCE", "extension");
    if (source.equals("secretsmanager")) {
      return SdkSecrets.fromEnvironment(env);
    }
    if (!source.equals("extension")) {
      throw new IllegalStateException("ORDERS_SECRETS_SOURCE must be extension or secretsmanager: " + source);
    }
    return SecretCache.builder(ParametersSecretsExtension.fromEnvironment(env, false)).build();
  }

  /** The orders API's rate limits, in this environment's memory or, with a backend, shared by the fleet. */
  public static RateLimitPolicy rateLimits(RateLimitBackend sharedBackend) {
    RateLimitPolicy.Builder policy = RateLimitPolicy.builder()
        .authenticated(CALLER_LIMITS)
        .route("POST /orders", CREATE_ORDER_LIMITS);
    return (sharedBackend == null ? policy : policy.backend(sharedBackend)).build();
  }

  /** The rate limits from the environment: Redis when {@code ORDERS_REDIS_URL} is set. */
  public static RateLimitPolicy rateLimitsFromEnvironment(Map<String, String> env) {
    String redis = env.get("ORDERS_REDIS_URL");
    return rateLimits(redis == null || redis.isBlank() ? null : RedisRateLimitBackend.builder(redis).build());
  }

  /** The token policy from the function's environment. */
  public static JwtAuthenticator fromEnvironment(Map<String, String> env) {
    return fromEnvironment(env, null);
  }

  /**
   * The token policy from the function's environment; {@code secrets} (or, when null, a cache of its own)
   * serves {@code ORDERS_JWT_SECRET}.
   */
  public static JwtAuthenticator fromEnvironment(Map<String, String> env, SecretCache secrets) {
    KeySource keys;
    if (env.get("ORDERS_JWT_SECRET") != null) {
      keys = KeySource.hmac(secrets != null ? secrets : secretsFromEnvironment(env), env.get("ORDERS_JWT_SECRET"));
    } else if (env.get("ORDERS_JWKS_URI") != null) {
      keys = KeySource.jwks(URI.create(env.get("ORDERS_JWKS_URI")));
    } else if (env.get("ORDERS_JWKS_FILE") != null) {
      try {
        keys = KeySource.staticJwks(Files.readString(Path.of(env.get("ORDERS_JWKS_FILE"))));
      } catch (IOException e) {
        throw new UncheckedIOException("ORDERS_JWKS_FILE cannot be read: " + env.get("ORDERS_JWKS_FILE"), e);
      }
    } else {
      throw new IllegalStateException(
          "ORDERS_JWKS_URI, ORDERS_JWKS_FILE or ORDERS_JWT_SECRET must be set: the keys that verify tokens");
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
