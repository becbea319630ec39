package dev.lambdaguard.auth;

import dev.lambdaguard.Chain;
import dev.lambdaguard.Clock;
import dev.lambdaguard.Denial;
import dev.lambdaguard.GatewayContext;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Interceptor;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.Principal;
import dev.lambdaguard.Reasons;
import dev.lambdaguard.auth.internal.CertificateBinding;
import dev.lambdaguard.auth.internal.Challenges;
import dev.lambdaguard.auth.internal.ClaimsCheck;
import dev.lambdaguard.auth.internal.CompactJws;
import dev.lambdaguard.auth.internal.DpopCheck;
import dev.lambdaguard.auth.internal.GatewayClaims;
import dev.lambdaguard.auth.internal.HeaderCheck;
import dev.lambdaguard.auth.internal.Introspector;
import dev.lambdaguard.auth.internal.Refusal;
import dev.lambdaguard.auth.internal.Refused;
import dev.lambdaguard.auth.internal.ReplayStores;
import dev.lambdaguard.auth.internal.SignatureCheck;
import dev.lambdaguard.auth.internal.TokenClaims;
import dev.lambdaguard.auth.internal.TokenExtractor;
import dev.lambdaguard.auth.internal.VerifiedTokens;
import dev.lambdaguard.json.JsonLimits;
import dev.lambdaguard.json.StrictJsonParser;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Authenticates bearer JWTs as a strict OAuth 2.0 resource server (RFC 6750, RFC 8725, RFC 9068) and
 * authorizes the route by scopes, roles and authentication strength.
 *
 * <p>For each request, in order: find exactly one token; on a verified-token cache hit re-check only the
 * time-based claims; otherwise check the structure (canonical base64url, strict JSON, no duplicate member),
 * the header (allowed algorithm, never {@code none}, no {@code crit} or {@code b64}), the signature with a
 * key from the configured source only, the claim types, then the claims (expiry, not-before, issuer,
 * audience, token use, age); refuse a replayed {@code jti} when replay protection is on; then check the
 * route's requirement. The principal reaches later interceptors and the handler in the security context.
 * Any failure is a denial with a stable reason code; nothing is ever accepted on an error.
 *
 * <p>Built once at init through {@link #builder()} or a provider preset; immutable and thread-safe.
 */
public final class JwtAuthenticator implements Interceptor, dev.lambdaguard.SnapshotAware {

  private final TokenExtractor extractor;
  private final HeaderCheck headerCheck;
  private final ClaimsCheck claimsCheck;
  private final SignatureCheck signatures;
  private final RoutePolicy routes;
  private final VerifiedTokens cache;
  private final ReplayStore replay;
  private final Set<String> roleClaims;
  private final StrictJsonParser json;
  private final int maxTokenLength;
  private final Clock clock;
  private final String realm;
  private final GatewayTrust gatewayTrust;
  private final DpopPolicy dpopPolicy;
  private final DpopCheck dpop;
  private final boolean certificateBound;
  private final boolean certificateRequired;
  private final Introspector introspector;
  private final long introspectionCacheSeconds;

  JwtAuthenticator(JwtAuthenticatorBuilder b, SignatureCheck signatures) {
    this.extractor = new TokenExtractor(b.locations, b.queryParameter, b.dpop != null);
    this.headerCheck = new HeaderCheck(b.algorithms, b.tokenTypes, b.tokenTypeRequired);
    this.claimsCheck = new ClaimsCheck(b.issuer, b.audiences, b.clientIds, b.tokenUse,
        b.clockSkew.toSeconds(), b.maxTokenAge == null ? 0 : b.maxTokenAge.toSeconds(), b.requiredClaims);
    this.signatures = signatures;
    this.routes = b.routes;
    this.cache = new VerifiedTokens(b.cacheSize);
    this.replay = b.replay;
    this.roleClaims = Set.copyOf(b.roleClaims);
    this.json = new StrictJsonParser(JsonLimits.defaults().withMaxBodyBytes(b.maxTokenLength).withMaxDepth(16));
    this.maxTokenLength = b.maxTokenLength;
    this.clock = b.clock;
    this.realm = b.realm;
    this.gatewayTrust = b.gatewayTrust;
    this.dpopPolicy = b.dpop;
    this.dpop = b.dpop == null ? null : new DpopCheck(b.dpop, b.dpopProofIds, json);
    this.certificateBound = b.certificateBound;
    this.certificateRequired = b.certificateRequired;
    this.introspector = b.introspection == null ? null : new Introspector(b.introspection);
    this.introspectionCacheSeconds = b.introspection == null ? 0 : b.introspection.maxCacheTime().toSeconds();
  }

  /** A builder with nothing preset: issuer, audience (or client ids) and a key source are required. */
  public static JwtAuthenticatorBuilder builder() {
    return new JwtAuthenticatorBuilder();
  }

  /** Amazon Cognito user pool; see {@link JwtAuthenticatorBuilder#cognito}. */
  public static JwtAuthenticatorBuilder cognito(String region, String userPoolId) {
    return JwtAuthenticatorBuilder.cognito(region, userPoolId);
  }

  /** Auth0 tenant; see {@link JwtAuthenticatorBuilder#auth0}. */
  public static JwtAuthenticatorBuilder auth0(String domain, String audience) {
    return JwtAuthenticatorBuilder.auth0(domain, audience);
  }

  /** Okta authorization server; see {@link JwtAuthenticatorBuilder#okta}. */
  public static JwtAuthenticatorBuilder okta(String domain, String authorizationServerId, String audience) {
    return JwtAuthenticatorBuilder.okta(domain, authorizationServerId, audience);
  }

  /** Microsoft Entra ID v2.0 tokens; see {@link JwtAuthenticatorBuilder#entraId}. */
  public static JwtAuthenticatorBuilder entraId(String tenantId, String audience) {
    return JwtAuthenticatorBuilder.entraId(tenantId, audience);
  }

  /** Microsoft Entra ID v1.0 tokens; see {@link JwtAuthenticatorBuilder#entraIdV1}. */
  public static JwtAuthenticatorBuilder entraIdV1(String tenantId, String audience) {
    return JwtAuthenticatorBuilder.entraIdV1(tenantId, audience);
  }

  /** Any OpenID Connect provider, keys through discovery; see {@link JwtAuthenticatorBuilder#oidc}. */
  public static JwtAuthenticatorBuilder oidc(String issuer, String audience) {
    return JwtAuthenticatorBuilder.oidc(issuer, audience);
  }

  @Override
  public String name() {
    return "jwt";
  }

  @Override
  public Outcome intercept(Chain chain) {
    if (gatewayTrust != null) {
      return fromGateway(chain);
    }
    TokenExtractor.Credential credential;
    try {
      credential = extractor.extract(chain.request());
    } catch (Refused refused) {
      return Challenges.refused(realm, refused.refusal());
    }
    if (credential == null) {
      return Challenges.refused(realm, new Refusal(Reasons.TOKEN_MISSING, "no bearer token"));
    }
    String token = credential.token();
    byte[] digest = VerifiedTokens.digest(token);
    VerifiedTokens.Entry verified;
    try {
      verified = authenticate(token, digest);
      checkBinding(chain.request(), credential, verified.claims());
    } catch (TokenClaims.WrongType wrongType) {
      return Challenges.refused(realm, new Refusal(Reasons.TOKEN_MALFORMED, "a claim has the wrong type"))
          .withEventField("token_fingerprint", VerifiedTokens.fingerprint(digest));
    } catch (Refused refused) {
      return Challenges.refused(realm, refused.refusal())
          .withEventField("token_fingerprint", VerifiedTokens.fingerprint(digest));
    }
    Denial denied = authorize(routes.requirementFor(chain.request()), verified);
    if (denied != null) {
      return denied.withEventField("token_fingerprint", verified.fingerprint());
    }
    return chain.proceed(chain.context().withPrincipal(verified.principal()));
  }

  /** Gateway-validated mode: the claims the expected gateway's authorizer passed on, checked again. */
  private Outcome fromGateway(Chain chain) {
    GatewayContext gateway = chain.request().gateway();
    if (!gatewayTrust.vouchesFor(gateway)) {
      return Challenges.refused(realm, new Refusal(Reasons.GATEWAY_BYPASS, "the request did not come through the gateway"));
    }
    VerifiedTokens.Entry verified;
    try {
      TokenClaims claims = GatewayClaims.read(gateway);
      claimsCheck.check(claims, clock.currentTimeMillis() / 1000);
      checkReplay(claims);
      verified = new VerifiedTokens.Entry(claims, principal(claims), null);
    } catch (TokenClaims.WrongType wrongType) {
      return Challenges.refused(realm, new Refusal(Reasons.TOKEN_MALFORMED, "a claim has the wrong type"));
    } catch (Refused refused) {
      return Challenges.refused(realm, refused.refusal());
    }
    Denial denied = authorize(routes.requirementFor(chain.request()), verified);
    return denied != null ? denied : chain.proceed(chain.context().withPrincipal(verified.principal()));
  }

  private VerifiedTokens.Entry authenticate(String token, byte[] digest) {
    long now = clock.currentTimeMillis() / 1000;
    VerifiedTokens.Entry cached = cache.get(digest, now);
    if (cached != null) {
      claimsCheck.checkTime(cached.claims(), now);
      checkReplay(cached.claims());
      return cached;
    }
    if (!TokenExtractor.isToken68(token)) {
      throw Refused.of(Reasons.TOKEN_MALFORMED, "the bearer token is malformed");
    }
    if (introspector != null && isOpaque(token)) {
      return introspect(token, digest, now);
    }
    CompactJws jws = CompactJws.parse(token, maxTokenLength, json);
    headerCheck.check(jws.header());
    signatures.verify(jws);
    TokenClaims claims = TokenClaims.read(jws.payload());
    claimsCheck.check(claims, now);
    checkReplay(claims);
    VerifiedTokens.Entry entry = new VerifiedTokens.Entry(claims, principal(claims), VerifiedTokens.fingerprint(digest));
    cache.put(digest, entry);
    return entry;
  }

  /** An opaque token (not a three-part JWS) when introspection is configured. */
  private static boolean isOpaque(String token) {
    int first = token.indexOf('.');
    return first < 0 || token.indexOf('.', first + 1) < 0;
  }

  private VerifiedTokens.Entry introspect(String token, byte[] digest, long now) {
    if (token.length() > maxTokenLength) {
      throw Refused.of(Reasons.TOKEN_MALFORMED, "the token is too long");
    }
    TokenClaims claims = TokenClaims.read(introspector.introspect(token));
    claimsCheck.check(claims, now);
    checkReplay(claims);
    long until = Math.min(claims.expiresAt(), now + introspectionCacheSeconds);
    VerifiedTokens.Entry entry =
        new VerifiedTokens.Entry(claims, principal(claims), VerifiedTokens.fingerprint(digest), until);
    cache.put(digest, entry);
    return entry;
  }

  /** Sender constraints: DPoP proof-of-possession (RFC 9449) and certificate binding (RFC 8705). */
  private void checkBinding(GuardRequest request, TokenExtractor.Credential credential, TokenClaims claims) {
    // A confirmation this server cannot verify is refused: accepting a sender-constrained token as a plain
    // bearer token would let a thief use it (RFC 9449 §7, RFC 8705 §3).
    for (String member : claims.confirmationMembers()) {
      boolean verifiable = (member.equals("jkt") && dpop != null) || (member.equals("x5t#S256") && certificateBound);
      if (!verifiable) {
        throw Refused.of(member.equals("jkt") ? Reasons.DPOP_PROOF_INVALID
            : member.equals("x5t#S256") ? Reasons.CERTIFICATE_MISMATCH : Reasons.TOKEN_MALFORMED,
            "the token is bound to a key or certificate that is not checked here");
      }
    }
    String jkt = claims.confirmation("jkt");
    if (dpop != null) {
      if (credential.dpop()) {
        if (jkt == null) {
          throw Refused.of(Reasons.DPOP_PROOF_INVALID, "the token is not bound to a DPoP key");
        }
        dpop.check(request, credential.token(), jkt, clock.currentTimeMillis() / 1000);
      } else if (jkt != null) {
        throw Refused.of(Reasons.DPOP_PROOF_INVALID, "a DPoP-bound token must use the DPoP scheme with a proof");
      } else if (dpopPolicy.isRequired()) {
        throw Refused.of(Reasons.DPOP_PROOF_INVALID, "the token must be DPoP-bound");
      }
    }
    if (certificateBound) {
      String x5t = claims.confirmation("x5t#S256");
      if (x5t != null) {
        CertificateBinding.check(x5t, request.gateway().clientCertificatePem());
      } else if (certificateRequired) {
        throw Refused.of(Reasons.CERTIFICATE_MISMATCH, "the token must be bound to a client certificate");
      }
    }
  }

  private void checkReplay(TokenClaims claims) {
    if (replay == null) {
      return;
    }
    if (claims.jwtId() == null) {
      throw Refused.of(Reasons.CLAIM_MISSING, "the token has no id (jti)");
    }
    // Remember the id for as long as the token can be accepted: until its expiry plus the clock skew.
    long acceptableUntil = claims.expiresAt() + claimsCheck.skewSeconds();
    // Namespaced, so that a token id can never collide with a DPoP proof id a client chose.
    if (!ReplayStores.firstUse(replay, "jti:" + claims.jwtId(), acceptableUntil)) {
      throw Refused.of(Reasons.TOKEN_REPLAYED, "the token was already used");
    }
  }

  private Principal principal(TokenClaims claims) {
    String subject = claims.subject() != null ? claims.subject() : claims.clientId();
    if (subject == null) {
      throw Refused.of(Reasons.CLAIM_MISSING, "the token names no subject or client");
    }
    Set<String> roles = new LinkedHashSet<>();
    for (String claim : roleClaims) {
      roles.addAll(claims.stringsOf(claim));
    }
    return new Principal(subject, claims.issuer(), claims.clientId(), claims.scopes(), roles, claims.all());
  }

  private Denial authorize(RouteRequirement requirement, VerifiedTokens.Entry verified) {
    if (requirement == null) {
      return Challenges.routeNotAllowed();
    }
    Principal principal = verified.principal();
    if (!principal.scopes().containsAll(requirement.scopes())) {
      return Challenges.insufficientScope(realm, requirement.scopes());
    }
    if (!requirement.anyRoles().isEmpty() && java.util.Collections.disjoint(principal.roles(), requirement.anyRoles())) {
      return Challenges.insufficientScope(realm, requirement.scopes());
    }
    TokenClaims claims = verified.claims();
    boolean amrOk = requirement.amrValues().isEmpty()
        || !java.util.Collections.disjoint(claims.amr(), requirement.amrValues());
    boolean acrOk = requirement.acrValues().isEmpty()
        || (claims.acr() != null && requirement.acrValues().contains(claims.acr()));
    long maxAge = requirement.maxAuthAge() == null ? 0 : requirement.maxAuthAge().toSeconds();
    boolean ageOk = maxAge == 0 || (claims.authTime() != TokenClaims.ABSENT
        && clock.currentTimeMillis() / 1000 - claims.authTime() <= maxAge + claimsCheck.skewSeconds());
    if (!amrOk || !acrOk || !ageOk) {
      return Challenges.stepUp(realm, requirement.acrValues(), maxAge);
    }
    return null;
  }

  /** Forgets verified tokens (after a key rotation). */
  public void clearCache() {
    cache.clear();
  }

  /**
   * Signs and verifies sample tokens with keys made in memory, and refuses a request without a token and one
   * with a malformed token, so that a restored copy's first token meets loaded, compiled code. No network:
   * this authenticator's own key source is not asked.
   */
  @Override
  public void prime() {
    dev.lambdaguard.auth.internal.OfflinePriming.verifySampleTokens(json, maxTokenLength,
        clock.currentTimeMillis() / 1000);
  }

  /** Forgets verified tokens, fetched keys and the verifiers built from them: they may have rotated. */
  @Override
  public void afterRestore() {
    cache.clear();
    signatures.afterRestore();
  }
}
