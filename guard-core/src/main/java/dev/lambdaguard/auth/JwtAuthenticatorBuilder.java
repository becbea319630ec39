package dev.lambdaguard.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.lambdaguard.Clock;
import dev.lambdaguard.auth.internal.DiscoveredKeys;
import dev.lambdaguard.auth.internal.LazyKeys;
import dev.lambdaguard.auth.internal.RemoteKeys;
import dev.lambdaguard.auth.internal.SecretKeys;
import dev.lambdaguard.auth.internal.RenewableKeys;
import dev.lambdaguard.auth.internal.SignatureCheck;
import java.net.URI;
import java.text.ParseException;
import dev.lambdaguard.internal.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Configures a {@link JwtAuthenticator}. Setters validate at once and name the setting; {@link #build()}
 * checks that the combination is complete. Provider presets fill in issuer, keys and claim conventions in
 * one line:
 *
 * <pre>{@code
 * JwtAuthenticator.cognito("eu-west-1", "eu-west-1_AbCdEf123").accessTokensFor("3n4b5urk1ft4fl3mg5e62d9ado")
 *     .routes(RoutePolicy.builder().route("GET /orders/{id}", RouteRequirement.scopes("orders/read")).build())
 *     .build();
 * }</pre>
 *
 * <p>Defaults: asymmetric algorithms RS256/384/512, PS256/384/512, ES256/384/512 and EdDSA (HS256/384/512
 * for an HMAC key source); 60 s clock skew; tokens up to 8 KiB from the Authorization header only; any
 * {@code typ}; 1000 verified tokens cached; remote keys with 250 ms connect and 500 ms read timeouts.
 */
public final class JwtAuthenticatorBuilder {

  static final Set<String> ASYMMETRIC = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
      "ES256", "ES384", "ES512", "EdDSA");
  static final Set<String> HMAC = Set.of("HS256", "HS384", "HS512");
  private static final Set<String> SUPPORTED = union(ASYMMETRIC, HMAC, Set.of("Ed25519"));
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
  public static final int DEFAULT_MAX_TOKEN_LENGTH = 8 * 1024;
  public static final int DEFAULT_CACHE_SIZE = 1000;

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
  private static final Pattern COGNITO_POOL = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d_[A-Za-z0-9]+");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:\\d+)?");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");

  String issuer;
  Set<String> audiences = Set.of();
  Set<String> clientIds = Set.of();
  String tokenUse;
  KeySource keys;
  Set<String> algorithms;
  Duration clockSkew = DEFAULT_CLOCK_SKEW;
  Duration maxTokenAge;
  Set<String> requiredClaims = Set.of();
  Set<String> tokenTypes = Set.of();
  boolean tokenTypeRequired;
  int maxTokenLength = DEFAULT_MAX_TOKEN_LENGTH;
  List<TokenLocation> locations = List.of(TokenLocation.authorizationHeader());
  String queryParameter;
  RoutePolicy routes = RoutePolicy.authenticatedOnly();
  Set<String> roleClaims = Set.of("cognito:groups", "roles", "groups");
  int cacheSize = DEFAULT_CACHE_SIZE;
  ReplayStore replay;
  RemoteKeys remote = RemoteKeys.defaults();
  Clock clock = Clock.system();
  String realm = "api";
  GatewayTrust gatewayTrust;
  DpopPolicy dpop;
  ReplayStore dpopProofIds;
  boolean certificateBound;
  boolean certificateRequired;
  Introspection introspection;

  JwtAuthenticatorBuilder() {}

  /** Amazon Cognito user pool: issuer, JWKS and {@code cognito:groups} roles; choose access or id tokens next. */
  public static JwtAuthenticatorBuilder cognito(String region, String userPoolId) {
    require(REGION, region, "cognito region");
    require(COGNITO_POOL, userPoolId, "cognito userPoolId");
    String issuer = "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
    return new JwtAuthenticatorBuilder().issuer(issuer).keys(KeySource.jwks(URI.create(issuer + "/.well-known/jwks.json")))
        .algorithms("RS256").roleClaims("cognito:groups");
  }

  /** Auth0 tenant: issuer {@code https://<domain>/}, its JWKS, the API identifier as audience. */
  public static JwtAuthenticatorBuilder auth0(String domain, String audience) {
    require(HOST, domain, "auth0 domain");
    String issuer = "https://" + domain + "/";
    return new JwtAuthenticatorBuilder().issuer(issuer)
        .keys(KeySource.jwks(URI.create(issuer + ".well-known/jwks.json"))).algorithms("RS256").audiences(audience);
  }

  /** Okta authorization server: issuer {@code https://<domain>/oauth2/<server>}, keys through discovery. */
  public static JwtAuthenticatorBuilder okta(String domain, String authorizationServerId, String audience) {
    require(HOST, domain, "okta domain");
    require(ID, authorizationServerId, "okta authorizationServerId");
    return new JwtAuthenticatorBuilder().issuer("https://" + domain + "/oauth2/" + authorizationServerId)
        .keys(KeySource.oidcDiscovery()).algorithms("RS256").audiences(audience);
  }

  /** Microsoft Entra ID, v2.0 tokens: issuer {@code https://login.microsoftonline.com/<tenant>/v2.0}. */
  public static JwtAuthenticatorBuilder entraId(String tenantId, String audience) {
    require(ID, tenantId, "entraId tenantId");
    return new JwtAuthenticatorBuilder().issuer("https://login.microsoftonline.com/" + tenantId + "/v2.0")
        .keys(KeySource.jwks(URI.create("https://login.microsoftonline.com/" + tenantId + "/discovery/v2.0/keys")))
        .algorithms("RS256").audiences(audience).roleClaims("roles");
  }

  /** Microsoft Entra ID, v1.0 tokens: issuer {@code https://sts.windows.net/<tenant>/}. */
  public static JwtAuthenticatorBuilder entraIdV1(String tenantId, String audience) {
    require(ID, tenantId, "entraId tenantId");
    return new JwtAuthenticatorBuilder().issuer("https://sts.windows.net/" + tenantId + "/")
        .keys(KeySource.jwks(URI.create("https://login.microsoftonline.com/" + tenantId + "/discovery/keys")))
        .algorithms("RS256").audiences(audience).roleClaims("roles");
  }

  /** Any OpenID Connect provider: keys through the issuer's discovery document. */
  public static JwtAuthenticatorBuilder oidc(String issuer, String audience) {
    return new JwtAuthenticatorBuilder().issuer(issuer).keys(KeySource.oidcDiscovery()).audiences(audience);
  }

  /** Cognito access tokens: {@code token_use=access} and a {@code client_id} among these (they carry no aud). */
  public JwtAuthenticatorBuilder accessTokensFor(String... clientIds) {
    this.tokenUse = "access";
    return clientIds(clientIds);
  }

  /** Cognito id tokens: {@code token_use=id} and an {@code aud} among these client ids. */
  public JwtAuthenticatorBuilder idTokensFor(String... clientIds) {
    this.tokenUse = "id";
    return audiences(clientIds);
  }

  /** The exact issuer ({@code iss}); required. */
  public JwtAuthenticatorBuilder issuer(String issuer) {
    if (Objects.requireNonNull(issuer, "issuer").isBlank()) {
      throw new IllegalArgumentException("issuer must not be blank");
    }
    this.issuer = issuer;
    return this;
  }

  /** Accepted audiences: the token's {@code aud} must contain one. */
  public JwtAuthenticatorBuilder audiences(String... audiences) {
    this.audiences = nonBlank("audiences", audiences);
    return this;
  }

  /** Accepted client ids ({@code client_id}, {@code azp} or {@code cid}). */
  public JwtAuthenticatorBuilder clientIds(String... clientIds) {
    this.clientIds = nonBlank("clientIds", clientIds);
    return this;
  }

  /** Where the verification keys come from; required. */
  public JwtAuthenticatorBuilder keys(KeySource keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
    return this;
  }

  /** The allowed {@code alg} values, case-sensitive as registered; {@code none} is refused. */
  public JwtAuthenticatorBuilder algorithms(String... algorithms) {
    Set<String> set = nonBlank("algorithms", algorithms);
    for (String alg : set) {
      if (!SUPPORTED.contains(alg)) {
        throw new IllegalArgumentException("algorithms: unsupported algorithm '" + alg + "'; supported: "
            + new java.util.TreeSet<>(SUPPORTED));
      }
    }
    this.algorithms = set;
    return this;
  }

  /** Allowed clock skew for {@code exp}, {@code nbf}, {@code iat}; 0 to 5 minutes, default 60 s. */
  public JwtAuthenticatorBuilder clockSkew(Duration skew) {
    if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("clockSkew must be between 0 and 5 minutes: " + skew);
    }
    this.clockSkew = skew;
    return this;
  }

  /** Refuses tokens issued ({@code iat}) longer ago than this; such tokens must carry {@code iat}. */
  public JwtAuthenticatorBuilder maxTokenAge(Duration age) {
    if (age.isNegative() || age.isZero()) {
      throw new IllegalArgumentException("maxTokenAge must be positive: " + age);
    }
    this.maxTokenAge = age;
    return this;
  }

  /** Claims that must be present (besides {@code exp}, which always must). */
  public JwtAuthenticatorBuilder requiredClaims(String... claims) {
    this.requiredClaims = nonBlank("requiredClaims", claims);
    return this;
  }

  /** Requires RFC 9068 access tokens: {@code typ} must be {@code at+jwt}. */
  public JwtAuthenticatorBuilder accessTokenType() {
    return tokenTypes(true, "at+jwt");
  }

  /**
   * Accepted {@code typ} values (an {@code application/} prefix is ignored, case-insensitive).
   *
   * @param required whether a token without {@code typ} is refused
   */
  public JwtAuthenticatorBuilder tokenTypes(boolean required, String... types) {
    Set<String> lower = new LinkedHashSet<>();
    for (String type : nonBlank("tokenTypes", types)) {
      String t = type.toLowerCase(Locale.ROOT);
      lower.add(t.startsWith("application/") ? t.substring("application/".length()) : t);
    }
    this.tokenTypes = Set.copyOf(lower);
    this.tokenTypeRequired = required;
    return this;
  }

  /** The longest token accepted, 256 to 65536 characters (default 8192). */
  public JwtAuthenticatorBuilder maxTokenLength(int length) {
    if (length < 256 || length > 65_536) {
      throw new IllegalArgumentException("maxTokenLength must be between 256 and 65536: " + length);
    }
    this.maxTokenLength = length;
    return this;
  }

  /** Where tokens are read from (default: the Authorization header); a request with tokens in two places is refused. */
  public JwtAuthenticatorBuilder tokenLocations(TokenLocation... locations) {
    if (locations.length == 0) {
      throw new IllegalArgumentException("tokenLocations must name at least one location");
    }
    this.locations = List.of(locations);
    return this;
  }

  /** Also accepts the token in the {@code access_token} query parameter (RFC 6750 §2.3; discouraged: URLs get logged). */
  public JwtAuthenticatorBuilder allowQueryToken() {
    this.queryParameter = "access_token";
    return this;
  }

  /** Which routes need which scopes, roles and authentication strength. */
  public JwtAuthenticatorBuilder routes(RoutePolicy routes) {
    this.routes = Objects.requireNonNull(routes, "routes");
    return this;
  }

  /**
   * Claims holding roles or groups (string or array of strings), a dotted path for nested ones
   * ({@code realm_access.roles}); default {@code cognito:groups}, {@code roles}, {@code groups}.
   */
  public JwtAuthenticatorBuilder roleClaims(String... claims) {
    this.roleClaims = nonBlank("roleClaims", claims);
    return this;
  }

  /** How many verified tokens are kept (0 turns the cache off; at most 100 000). */
  public JwtAuthenticatorBuilder verifiedTokenCacheSize(int size) {
    if (size < 0 || size > 100_000) {
      throw new IllegalArgumentException("verifiedTokenCacheSize must be between 0 and 100000: " + size);
    }
    this.cacheSize = size;
    return this;
  }

  /** Refuses a token whose {@code jti} was seen before; tokens must then carry a {@code jti}. */
  public JwtAuthenticatorBuilder replayProtection(ReplayStore store) {
    this.replay = Objects.requireNonNull(store, "replayProtection");
    return this;
  }

  /** Timeouts for fetching keys and discovery documents: connect and read, each 10 ms to 5 s. */
  public JwtAuthenticatorBuilder keyFetchTimeouts(Duration connect, Duration read) {
    Settings.within("keyFetchTimeouts.connect", connect, Duration.ofMillis(10), Duration.ofSeconds(5));
    Settings.within("keyFetchTimeouts.read", read, Duration.ofMillis(10), Duration.ofSeconds(5));
    remote = new RemoteKeys(connect, read, remote.sizeLimitBytes(), remote.cacheTtl(), remote.refreshAhead(),
        remote.refetchMinInterval(), remote.outageTolerance());
    return this;
  }

  /**
   * How remote keys are cached: time to live (1 min to 1 day), the least interval between refetches for an
   * unknown key id (1 s to 1 h), and how long the last good set is served during an outage (0 to 1 day).
   */
  public JwtAuthenticatorBuilder keyCaching(Duration ttl, Duration refetchMinInterval, Duration outageTolerance) {
    Settings.within("keyCaching.ttl", ttl, Duration.ofMinutes(1), Duration.ofDays(1));
    Settings.within("keyCaching.refetchMinInterval", refetchMinInterval, Duration.ofSeconds(1), Duration.ofHours(1));
    Settings.within("keyCaching.outageTolerance", outageTolerance, Duration.ZERO, Duration.ofDays(1));
    Duration ahead = ttl.dividedBy(10).compareTo(RemoteKeys.DEFAULT_REFRESH_AHEAD) < 0 ? ttl.dividedBy(10)
        : RemoteKeys.DEFAULT_REFRESH_AHEAD;
    remote = new RemoteKeys(remote.connectTimeout(), remote.readTimeout(), remote.sizeLimitBytes(), ttl, ahead,
        refetchMinInterval, outageTolerance);
    return this;
  }

  /**
   * Gateway-validated mode: trust the claims that this gateway's JWT or Cognito authorizer already
   * validated instead of verifying the token again; read {@link GatewayTrust} for the trade-off. Issuer,
   * audience and expiry are still checked on the passed-on claims. Off by default.
   */
  public JwtAuthenticatorBuilder trustGatewayAuthorizer(GatewayTrust gateway) {
    this.gatewayTrust = Objects.requireNonNull(gateway, "trustGatewayAuthorizer");
    return this;
  }

  /**
   * Sender-constrained tokens by DPoP (RFC 9449). Proof ids are remembered in a bounded local store
   * (10 000 ids) unless {@link #dpop(DpopPolicy, ReplayStore)} names a shared one.
   */
  public JwtAuthenticatorBuilder dpop(DpopPolicy policy) {
    return dpop(policy, null);
  }

  /** Sender-constrained tokens by DPoP, with proof ids kept in {@code proofIds} (a shared store sees fleet-wide replays). */
  public JwtAuthenticatorBuilder dpop(DpopPolicy policy, ReplayStore proofIds) {
    this.dpop = Objects.requireNonNull(policy, "dpop");
    this.dpopProofIds = proofIds;
    return this;
  }

  /**
   * Certificate-bound tokens (RFC 8705): a token with {@code cnf.x5t#S256} must come over mutual TLS with
   * that certificate. With {@code required}, every token must be certificate-bound.
   */
  public JwtAuthenticatorBuilder certificateBoundTokens(boolean required) {
    this.certificateBound = true;
    this.certificateRequired = required;
    return this;
  }

  /**
   * Accepts opaque tokens (anything that is not a three-part JWS) by RFC 7662 introspection; JWTs are still
   * verified locally. The answer's claims go through the same issuer, audience and time checks.
   */
  public JwtAuthenticatorBuilder opaqueTokens(Introspection introspection) {
    this.introspection = Objects.requireNonNull(introspection, "opaqueTokens");
    return this;
  }

  /** The realm named in {@code WWW-Authenticate} challenges (default {@code api}). */
  public JwtAuthenticatorBuilder realm(String realm) {
    if (!ID.matcher(Objects.requireNonNull(realm, "realm")).matches()) {
      throw new IllegalArgumentException("realm must be letters, digits, '.', '_' or '-': " + realm);
    }
    this.realm = realm;
    return this;
  }

  /** The clock; for tests. */
  public JwtAuthenticatorBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Checks the configuration and builds; no network is used until the first token. */
  public JwtAuthenticator build() {
    if (issuer == null) {
      throw new IllegalStateException("JwtAuthenticator: issuer is required");
    }
    if (keys == null) {
      throw new IllegalStateException("JwtAuthenticator: keys are required (jwks, oidcDiscovery, staticJwks or hmac)");
    }
    if (audiences.isEmpty() && clientIds.isEmpty()) {
      throw new IllegalStateException(
          "JwtAuthenticator: audiences or clientIds are required, so that tokens for other APIs are refused");
    }
    boolean hmacKeys = keys instanceof KeySource.Hmac || keys instanceof KeySource.SecretHmac;
    Set<String> algs = algorithms != null ? algorithms : (hmacKeys ? HMAC : ASYMMETRIC);
    for (String alg : algs) {
      if (hmacKeys != HMAC.contains(alg)) {
        throw new IllegalStateException("JwtAuthenticator: algorithm " + alg + " does not fit the key source "
            + keys.getClass().getSimpleName() + " (HS* needs an hmac key source, the others a JWK set)");
      }
    }
    this.algorithms = algs;
    if (gatewayTrust != null && (dpop != null || certificateBound || introspection != null)) {
      throw new IllegalStateException("JwtAuthenticator: trustGatewayAuthorizer cannot be combined with dpop, "
          + "certificateBoundTokens or opaqueTokens: the gateway's authorizer checks none of them, and in this mode "
          + "the token itself is not seen");
    }
    if (dpop != null && dpopProofIds == null) {
      dpopProofIds = ReplayStore.local(10_000, clock);
    }
    return new JwtAuthenticator(this, new SignatureCheck(source(), matchesKeyIds()));
  }

  private JWKSource<SecurityContext> source() {
    if (keys instanceof KeySource.Remote remoteSource) {
      RemoteKeys.url(remoteSource.uri(), "keys");
      return new RenewableKeys(() -> remote.source(remoteSource.uri()));
    }
    if (keys instanceof KeySource.Discovery) {
      return new RenewableKeys(() -> new DiscoveredKeys(issuer, remote, clock));
    }
    if (keys instanceof KeySource.Static fixed) {
      try {
        return new ImmutableJWKSet<>(JWKSet.parse(fixed.jwkSetJson()));
      } catch (ParseException e) {
        throw new IllegalArgumentException("keys: the static JWK set is not valid JSON Web Key Set", e);
      }
    }
    if (keys instanceof KeySource.SecretHmac held) {
      return new SecretKeys(held.secrets(), held.reference(), held.acceptPending());
    }
    KeySource.Hmac hmac = (KeySource.Hmac) keys;
    return new LazyKeys(() -> new JWKSet(new OctetSequenceKey.Builder(hmac.secret().get()).build()));
  }

  /** One shared secret has no key id: a token's {@code kid} cannot select among keys, so it is not matched. */
  boolean matchesKeyIds() {
    return !(keys instanceof KeySource.Hmac || keys instanceof KeySource.SecretHmac);
  }


  private static void require(Pattern pattern, String value, String setting) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(setting + " is malformed: " + value);
    }
  }

  private static Set<String> nonBlank(String setting, String... values) {
    Set<String> out = new LinkedHashSet<>();
    for (String value : values) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(setting + " must not contain blank values");
      }
      out.add(value);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(setting + " must not be empty");
    }
    return Set.copyOf(out);
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    List<String> all = new ArrayList<>();
    for (Set<String> set : sets) {
      all.addAll(set);
    }
    return Set.copyOf(all);
  }
}
