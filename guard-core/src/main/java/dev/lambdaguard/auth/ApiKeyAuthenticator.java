package dev.lambdaguard.auth;

import dev.lambdaguard.Chain;
import dev.lambdaguard.Denial;
import dev.lambdaguard.Interceptor;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.Principal;
import dev.lambdaguard.Reasons;
import dev.lambdaguard.auth.internal.Challenges;
import dev.lambdaguard.internal.Sha256;
import dev.lambdaguard.json.JsonLimits;
import dev.lambdaguard.json.JsonParseResult;
import dev.lambdaguard.json.StrictJsonParser;
import dev.lambdaguard.secrets.SecretCache;
import dev.lambdaguard.secrets.SecretProvider.SecretUnavailableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Authenticates callers by API key against keys held in a secret, never in code or configuration.
 *
 * <p>The secret is a JSON object of caller ids to their key, or to several keys while a caller rotates,
 * {@code {"partner-a": "k_live_…", "partner-b": ["k_live_old…", "k_live_new…"]}} (the key/value form of the
 * Secrets Manager console): the keys are the secret values, registered with the redactor; the caller ids are
 * names, free to appear in events as the principal. The key comes
 * from one header (default {@code X-Api-Key}); it is compared with every held key in constant time (SHA-256
 * digests compared with {@link MessageDigest#isEqual}, all of them, no early exit), so response timing tells
 * nothing about how close a guess was. A match makes the caller id the principal, which rate limits then key
 * on. An unknown key forces one refresh of the secret (rate-limited by the cache) before it is refused, so a
 * freshly rotated key works at once. A secret that cannot be fetched fails closed with 503.
 *
 * <p>Key holders are granted the scopes of {@link #withScopes} and authorized per route by the same
 * {@link RoutePolicy} as token holders ({@link #withRoutes}); a route that requires roles or an authentication
 * context (acr, amr, auth age) is never open to an API key, which carries none.
 */
public final class ApiKeyAuthenticator implements Interceptor, dev.lambdaguard.SnapshotAware {

  private static final StrictJsonParser JSON = new StrictJsonParser(JsonLimits.defaults().withMaxBodyBytes(64 * 1024));

  private final SecretCache secrets;
  private final String secretReference;
  private final String header;
  private final Set<String> scopes;
  private final RoutePolicy routes;
  private volatile Keys keys;

  /** The held keys of one secret version: digests and caller ids. */
  private record Keys(String source, List<byte[]> digests, List<String> callers) {
    @Override
    public String toString() {
      return "Keys[" + callers.size() + " keys]";
    }
  }

  private ApiKeyAuthenticator(SecretCache secrets, String secretReference, String header, Set<String> scopes,
      RoutePolicy routes) {
    this.secrets = secrets;
    this.secretReference = secretReference;
    this.header = header;
    this.scopes = Set.copyOf(scopes);
    this.routes = routes;
  }

  /** The keys may have been rotated while the snapshot was stored: read the secret again at the next request. */
  @Override
  public void afterRestore() {
    secrets.clear();
    keys = null;
  }

  /** Keys from the secret {@code secretReference} (an id, or {@code id#field} of a JSON secret), in {@code X-Api-Key}. */
  public static ApiKeyAuthenticator of(SecretCache secrets, String secretReference) {
    return of(secrets, secretReference, "x-api-key");
  }

  /** Keys from the secret, in the header {@code header}. */
  public static ApiKeyAuthenticator of(SecretCache secrets, String secretReference, String header) {
    return new ApiKeyAuthenticator(Objects.requireNonNull(secrets, "secrets"),
        Objects.requireNonNull(secretReference, "secretReference"), Objects.requireNonNull(header, "header").toLowerCase(Locale.ROOT),
        Set.of(), RoutePolicy.authenticatedOnly());
  }

  /** The same keys, granting every key holder {@code granted} (e.g. a partner's read-only scope). */
  public ApiKeyAuthenticator withScopes(String... granted) {
    return new ApiKeyAuthenticator(secrets, secretReference, header, Set.of(granted), routes);
  }

  /** The same keys, authorizing each route by {@code policy} (the one token holders are checked against). */
  public ApiKeyAuthenticator withRoutes(RoutePolicy policy) {
    return new ApiKeyAuthenticator(secrets, secretReference, header, scopes, Objects.requireNonNull(policy, "policy"));
  }

  /** The header that carries the key, lower case. */
  public String header() {
    return header;
  }

  @Override
  public String name() {
    return "api_key";
  }

  @Override
  public Outcome intercept(Chain chain) {
    List<String> presented = chain.request().headers().all(header);
    if (presented.isEmpty()) {
      return Denial.unauthorized(Reasons.API_KEY_MISSING, "An API key is required.");
    }
    if (presented.size() > 1) {
      return Denial.unauthorized(Reasons.API_KEY_INVALID, "The API key is not valid.");
    }
    String caller;
    try {
      caller = lookup(presented.get(0));
      if (caller == null && secrets.forceRefresh(secretReference)) {
        caller = lookup(presented.get(0));
      }
    } catch (SecretUnavailableException e) {
      return Denial.of(503, Reasons.SECRET_UNAVAILABLE, "The credentials cannot be checked right now.")
          .withHeader("Retry-After", "5").withEventField("secret", secretId());
    }
    if (caller == null) {
      return Denial.unauthorized(Reasons.API_KEY_INVALID, "The API key is not valid.");
    }
    Denial denied = authorize(routes.requirementFor(chain.request()));
    if (denied != null) {
      return denied;
    }
    return chain.proceed(chain.context().withPrincipal(
        new Principal(caller, null, caller, scopes, Set.of(), Map.of("auth", "api_key"))));
  }

  /** Scopes only: roles and authentication-context requirements cannot be met by a key. */
  private Denial authorize(RouteRequirement requirement) {
    if (requirement == null) {
      return Challenges.routeNotAllowed();
    }
    boolean keyCanMeet = requirement.anyRoles().isEmpty() && requirement.amrValues().isEmpty()
        && requirement.acrValues().isEmpty() && requirement.maxAuthAge() == null;
    if (!keyCanMeet || !scopes.containsAll(requirement.scopes())) {
      return Denial.forbidden(Reasons.INSUFFICIENT_SCOPE, "The caller is not allowed to use this route.");
    }
    return null;
  }

  /** The caller id of a presented key, or null; the comparison takes the same time whichever key matches. */
  private String lookup(String presented) {
    Keys current = keys();
    byte[] digest = Sha256.of(presented);
    String found = null;
    for (int i = 0; i < current.digests().size(); i++) {
      if (MessageDigest.isEqual(current.digests().get(i), digest)) {
        found = current.callers().get(i);
      }
    }
    return found;
  }

  private Keys keys() {
    String source = secrets.get(secretReference);
    Keys current = keys;
    if (current != null && current.source().equals(source)) {
      return current;
    }
    List<byte[]> digests = new ArrayList<>();
    List<String> callers = new ArrayList<>();
    if (!(JSON.parse(source.getBytes(StandardCharsets.UTF_8)) instanceof JsonParseResult.Parsed parsed)
        || !parsed.value().isObject()) {
      throw new SecretUnavailableException("secret '" + secretId() + "' is not a JSON object of callers to API keys");
    }
    for (Map.Entry<String, JsonNode> entry : parsed.value().properties()) {
      JsonNode value = entry.getValue();
      for (JsonNode key : value.isArray() ? value : List.of(value)) {
        if (key.isString() && !key.asString().isEmpty() && !entry.getKey().isEmpty()) {
          // The cache registers top-level string values; keys inside an array are registered here.
          secrets.redactor().register(key.asString());
          digests.add(Sha256.of(key.asString()));
          callers.add(entry.getKey());
        }
      }
    }
    current = new Keys(source, List.copyOf(digests), List.copyOf(callers));
    keys = current;
    return current;
  }

  private String secretId() {
    int cut = secretReference.indexOf('#');
    return cut < 0 ? secretReference : secretReference.substring(0, cut);
  }


}
