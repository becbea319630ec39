package dev.lambdaguard.config;

/**
 * One guard-wide setting of the configuration model, with its key (as written in {@code guard.json}, dotted) and
 * its environment variable. Every value is text in every source (a list is comma-separated), parsed once when the
 * guard is built, and a bad value fails there with a message naming where it came from.
 *
 * <p>{@code docs/configuration.md} lists every setting; a test keeps the two in step.
 */
public enum Setting {
  JWT_PRESET("jwt.preset", "identity provider preset: cognito:<userPoolId>, auth0:<domain>, okta:<domain>/<serverId>, "
      + "entra:<tenantId>, entra-v1:<tenantId>, oidc (keys by the issuer's discovery)"),
  JWT_ISSUER("jwt.issuer", "the exact token issuer (iss), an https URL; set by a preset otherwise"),
  JWT_AUDIENCE("jwt.audience", "accepted audiences (aud), comma-separated"),
  JWT_CLIENT_IDS("jwt.clientIds", "accepted client ids (client_id, azp, cid), comma-separated; with cognito: access tokens"),
  JWT_JWKS_URL("jwt.jwksUrl", "the issuer's JWK set URL (https)"),
  JWT_JWKS_FILE("jwt.jwksFile", "a JWK set file on the function's file system, e.g. /opt/keys/jwks.json (fixed keys)"),
  JWT_JWKS_RESOURCE("jwt.jwksResource", "a JWK set packaged as a class-path resource (fixed keys)"),
  JWT_HMAC_KEY_REF("jwt.hmacKeyRef", "the secret holding an HS256/384/512 key shared with the issuer: its name or name#field, never the key"),
  JWT_ALGORITHMS("jwt.algorithms", "accepted signature algorithms, comma-separated (default by key source)"),
  JWT_SCOPES("jwt.scopes", "scopes every request needs, comma-separated (a route adds its own)"),
  JWT_ROLES("jwt.roles", "roles of which every request needs one, comma-separated (a route's own replace them)"),
  JWT_DENY_UNLISTED("jwt.denyUnlisted", "true: refuse routes not listed (403 route_not_allowed)"),
  JWT_CLOCK_SKEW("jwt.clockSkew", "allowed clock skew, e.g. 60s (0 to 5m)"),
  RATE_LIMIT("rateLimit.limit", "GUARD_RATE_LIMIT", "limits per caller, e.g. 100/1m, 10/1s (anonymous callers too, unless set apart)"),
  RATE_LIMIT_ANONYMOUS("rateLimit.anonymous", "limits per anonymous caller (API key, else source IP), e.g. 20/1m"),
  RATE_LIMIT_REDIS_URL("rateLimit.redisUrl", "a Redis (ElastiCache, Valkey) shared by the fleet: redis:// or rediss:// (guard-aws)"),
  RATE_LIMIT_REDIS_TIMEOUT("rateLimit.redisTimeout", "the longest a Redis command may take, e.g. 100ms (the default)"),
  RATE_LIMIT_LOCAL_PRE_CHECK("rateLimit.localPreCheck", "true: with a shared store, refuse floods locally without a round trip"),
  RATE_LIMIT_ON_BACKEND_FAILURE("rateLimit.onBackendFailure", "local (default) or fail-closed, when a shared store cannot answer"),
  INPUT_ENABLED("input.enabled", "true: inspect input with the defaults (every category blocked) even if nothing else is set"),
  INPUT_MODE("input.mode", "block, monitor or off: what an injection finding does (turns inspection on)"),
  INPUT_CATEGORIES("input.categories", "the injection categories looked for, comma-separated (default all)"),
  INPUT_MONITOR("input.monitor", "categories only reported, never refused, comma-separated"),
  INPUT_ALLOW("input.allow", "fields allowed to carry categories: field=cat+cat, comma-separated (no category: all)"),
  INPUT_RICH_TEXT("input.richText", "JSON body fields holding rich text, sanitized (body/...), comma-separated"),
  INPUT_SCHEMA("input.schema", "JSON Schema (class-path resource) of POST, PUT and PATCH bodies on routes without their own"),
  JSON_STRICT("json.strict", "true: parse JSON bodies strictly (on with input inspection)"),
  EVENTS_ALLOW_SAMPLE_RATE("events.allowSampleRate", "share of allow and pass-through events written, 0.0 to 1.0"),
  EVENTS_FORMAT("events.format", "json (the library's own lines, default) or ocsf (OCSF 1.x objects)"),
  METRICS_NAMESPACE("metrics.namespace", "the CloudWatch namespace of EMF metrics written beside the events (guard-aws)"),
  ANOMALY_DETECTION("anomaly.detection", "on, off, or the anomaly detectors to run, comma-separated"),
  ANOMALY_REDIS_URL("anomaly.redisUrl", "a Redis shared by the fleet counting failed authentications: redis:// or rediss:// (guard-aws)"),
  SECRETS_PROVIDER("secrets.provider", "where secrets come from: extension (default), secretsmanager or ssm (guard-aws)");

  private final String key;
  private final String environmentVariable;
  private final String description;

  Setting(String key, String description) {
    this(key, environmentName(key), description);
  }

  Setting(String key, String environmentVariable, String description) {
    this.key = key;
    this.environmentVariable = environmentVariable;
    this.description = description;
  }

  /** {@code jwt.jwksUrl} becomes {@code GUARD_JWT_JWKS_URL}: dots and camel humps become underscores. */
  private static String environmentName(String key) {
    StringBuilder name = new StringBuilder("GUARD_");
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '.') {
        name.append('_');
      } else if (Character.isUpperCase(c)) {
        name.append('_').append(c);
      } else {
        name.append(Character.toUpperCase(c));
      }
    }
    return name.toString();
  }

  /** The dotted key, as in {@code guard.json}: {@code jwt.issuer}. */
  public String key() {
    return key;
  }

  /** The environment variable: {@code GUARD_JWT_ISSUER}. */
  public String environmentVariable() {
    return environmentVariable;
  }

  public String description() {
    return description;
  }

  /** The setting with this dotted key, or null. */
  public static Setting byKey(String key) {
    for (Setting s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    return null;
  }

  /** The setting read from this environment variable, or null. */
  public static Setting byEnvironmentVariable(String name) {
    for (Setting s : values()) {
      if (s.environmentVariable.equals(name)) {
        return s;
      }
    }
    return null;
  }
}
