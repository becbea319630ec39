package dev.lambdaguard;

import dev.lambdaguard.Reason.Kind;

/**
 * The library's reason codes. Every code is documented in {@code docs/events.md}; a test keeps the two in step.
 */
public final class Reasons {

  /** A request the adapter could not read as the event type promised (for example a body that is not valid base64). */
  public static final Reason REQUEST_MALFORMED = new Reason("request_malformed", Kind.INPUT);
  /** The JSON body is not strict JSON (single quotes, unquoted names, control characters, trailing garbage...). */
  public static final Reason JSON_MALFORMED = new Reason("json_malformed", Kind.INPUT);
  /** The JSON body repeats a key in one object: a parser-differential attack signal. */
  public static final Reason JSON_DUPLICATE_KEY = new Reason("json_duplicate_key", Kind.INPUT);
  /** The JSON body exceeds a structural limit (nesting depth, number of fields, string or number length). */
  public static final Reason JSON_LIMIT_EXCEEDED = new Reason("json_limit_exceeded", Kind.INPUT);
  /** The body is larger than the configured limit. */
  public static final Reason BODY_TOO_LARGE = new Reason("body_too_large", Kind.INPUT);
  /** The request carries a recognised injection (the event names category, rule and field, never the value). */
  public static final Reason INJECTION_DETECTED = new Reason("injection_detected", Kind.INPUT);
  /** The JSON body does not match the route's schema (the answer names pointers and keywords, never values). */
  public static final Reason SCHEMA_INVALID = new Reason("schema_invalid", Kind.INPUT);
  /** A path, query or header parameter is missing or breaks its rule. */
  public static final Reason PARAMETER_INVALID = new Reason("parameter_invalid", Kind.INPUT);
  /** The request has more, or larger, headers than the limits allow (431). */
  public static final Reason HEADERS_TOO_LARGE = new Reason("headers_too_large", Kind.INPUT);
  /** The request has more query parameters or cookies, or longer ones, than the limits allow. */
  public static final Reason PARAMETERS_TOO_LARGE = new Reason("parameters_too_large", Kind.INPUT);
  /** The request carries more text than inspection scans; refused rather than passed unscanned (413). */
  public static final Reason INPUT_TOO_LARGE = new Reason("input_too_large", Kind.INPUT);
  /** The content type is not one the route accepts. */
  public static final Reason UNSUPPORTED_MEDIA_TYPE = new Reason("unsupported_media_type", Kind.INPUT);
  /** No bearer token where one is required. */
  public static final Reason TOKEN_MISSING = new Reason("token_missing", Kind.AUTHENTICATION);
  /** More than one token, or a token in a place that is not allowed (the query string). */
  public static final Reason TOKEN_AMBIGUOUS = new Reason("token_ambiguous", Kind.AUTHENTICATION);
  /** The token is not a well-formed signed JWT: segments, base64url, JSON, claim types, size, header parameters. */
  public static final Reason TOKEN_MALFORMED = new Reason("token_malformed", Kind.AUTHENTICATION);
  /** The token's {@code typ} is not the one the policy requires (for example {@code at+jwt}). */
  public static final Reason TOKEN_TYPE_INVALID = new Reason("token_type_invalid", Kind.AUTHENTICATION);
  /** The signing algorithm is not on the allow-list ({@code none} never is). */
  public static final Reason ALG_NOT_ALLOWED = new Reason("alg_not_allowed", Kind.AUTHENTICATION);
  /** No usable key matches the token (unknown kid, wrong key type, key too weak). */
  public static final Reason KEY_NOT_FOUND = new Reason("key_not_found", Kind.AUTHENTICATION);
  /** The signature does not verify. */
  public static final Reason SIGNATURE_INVALID = new Reason("signature_invalid", Kind.AUTHENTICATION);
  /** The token has expired, or is older than the maximum token age. */
  public static final Reason TOKEN_EXPIRED = new Reason("token_expired", Kind.AUTHENTICATION);
  /** The token is not valid yet ({@code nbf} or {@code iat} in the future beyond the clock skew). */
  public static final Reason TOKEN_NOT_YET_VALID = new Reason("token_not_yet_valid", Kind.AUTHENTICATION);
  /** The issuer is not the expected one. */
  public static final Reason ISSUER_MISMATCH = new Reason("issuer_mismatch", Kind.AUTHENTICATION);
  /** The audience (or Cognito client id) is not an expected one. */
  public static final Reason AUDIENCE_MISMATCH = new Reason("audience_mismatch", Kind.AUTHENTICATION);
  /** A claim the policy requires is absent. */
  public static final Reason CLAIM_MISSING = new Reason("claim_missing", Kind.AUTHENTICATION);
  /**
   * A DPoP proof (RFC 9449) is missing, malformed, not bound to the token, for another method or URI,
   * outside its time window, or a DPoP-bound token came without one.
   */
  public static final Reason DPOP_PROOF_INVALID = new Reason("dpop_proof_invalid", Kind.AUTHENTICATION);
  /** A certificate-bound token (RFC 8705) was not presented over the mutual-TLS connection of its certificate. */
  public static final Reason CERTIFICATE_MISMATCH = new Reason("certificate_mismatch", Kind.AUTHENTICATION);
  /** The token's {@code jti} was seen before. */
  public static final Reason TOKEN_REPLAYED = new Reason("token_replayed", Kind.AUTHENTICATION);
  /**
   * In gateway-validated mode, an event without the expected gateway's authorizer result: a direct
   * invocation that forged or skipped the gateway.
   */
  public static final Reason GATEWAY_BYPASS = new Reason("gateway_bypass", Kind.AUTHENTICATION);
  /** The replay store (Redis) cannot answer: whether a token id was used before is unknown, so it is refused (503). */
  public static final Reason REPLAY_CHECK_UNAVAILABLE = new Reason("replay_check_unavailable", Kind.AVAILABILITY);
  /** An opaque token the introspection endpoint reports as not active (expired, revoked or unknown; RFC 7662). */
  public static final Reason TOKEN_INACTIVE = new Reason("token_inactive", Kind.AUTHENTICATION);
  /** The introspection endpoint failed or timed out: the opaque token cannot be checked (503). */
  public static final Reason INTROSPECTION_UNAVAILABLE = new Reason("introspection_unavailable", Kind.AVAILABILITY);
  /** The keys could not be fetched and none is cached: the token cannot be checked (503). */
  public static final Reason JWKS_UNAVAILABLE = new Reason("jwks_unavailable", Kind.AVAILABILITY);
  /** The caller lacks a scope or role the route requires. */
  public static final Reason INSUFFICIENT_SCOPE = new Reason("insufficient_scope", Kind.AUTHORIZATION);
  /** The route requires a stronger or more recent authentication (RFC 9470). */
  public static final Reason INSUFFICIENT_USER_AUTHENTICATION =
      new Reason("insufficient_user_authentication", Kind.AUTHORIZATION);
  /** The route is not listed by a policy that denies unlisted routes. */
  public static final Reason ROUTE_NOT_ALLOWED = new Reason("route_not_allowed", Kind.AUTHORIZATION);
  /** No API key where one is required. */
  public static final Reason API_KEY_MISSING = new Reason("api_key_missing", Kind.AUTHENTICATION);
  /** The API key is not one of the keys held in the secret (or more than one was sent). */
  public static final Reason API_KEY_INVALID = new Reason("api_key_invalid", Kind.AUTHENTICATION);
  /** A secret the check needs could not be fetched and no usable value is cached (503). */
  public static final Reason SECRET_UNAVAILABLE = new Reason("secret_unavailable", Kind.AVAILABILITY);
  /** The caller exceeded a rate limit (429 with Retry-After). */
  public static final Reason RATE_LIMITED = new Reason("rate_limited", Kind.RATE_LIMIT);
  /** The caller's budget of billed compute (handler milliseconds per window) is spent (429). */
  public static final Reason COST_BUDGET_EXCEEDED = new Reason("cost_budget_exceeded", Kind.RATE_LIMIT);
  /** The shared rate-limit store cannot answer and the policy fails closed (503). */
  public static final Reason RATE_LIMITER_UNAVAILABLE = new Reason("rate_limiter_unavailable", Kind.AVAILABILITY);
  /** An interceptor failed or broke the chain contract; the request was refused. */
  public static final Reason INTERNAL_ERROR = new Reason("internal_error", Kind.INTERNAL);

  private Reasons() {}
}
