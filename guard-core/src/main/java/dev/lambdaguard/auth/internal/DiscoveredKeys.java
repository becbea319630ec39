package dev.lambdaguard.auth.internal;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import dev.lambdaguard.Clock;
import dev.lambdaguard.json.JsonLimits;
import dev.lambdaguard.json.JsonParseResult;
import dev.lambdaguard.json.StrictJsonParser;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Keys found through OpenID Connect discovery: on first use, fetch
 * {@code <issuer>/.well-known/openid-configuration}, check that it names the same issuer (OpenID Connect
 * Discovery §4.3, against mix-up), and use its {@code jwks_uri}. A failed discovery is retried at most
 * once per back-off interval; until it succeeds every token is refused with {@code jwks_unavailable}.
 */
public final class DiscoveredKeys implements JWKSource<SecurityContext> {

  static final long RETRY_BACKOFF_MILLIS = 5_000;
  private static final StrictJsonParser JSON = new StrictJsonParser(JsonLimits.defaults().withMaxBodyBytes(64 * 1024));

  private final String issuer;
  private final RemoteKeys remote;
  private final Clock clock;
  private volatile JWKSource<SecurityContext> delegate;
  private long lastFailureMillis = Long.MIN_VALUE;

  public DiscoveredKeys(String issuer, RemoteKeys remote, Clock clock) {
    this.issuer = issuer;
    this.remote = remote;
    this.clock = clock;
    RemoteKeys.url(URI.create(discoveryUri(issuer)), "issuer");
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
    JWKSource<SecurityContext> source = delegate;
    if (source == null) {
      source = discover();
    }
    return source.get(selector, context);
  }

  private synchronized JWKSource<SecurityContext> discover() throws KeySourceException {
    if (delegate != null) {
      return delegate;
    }
    long now = clock.currentTimeMillis();
    if (lastFailureMillis != Long.MIN_VALUE && now - lastFailureMillis < RETRY_BACKOFF_MILLIS) {
      throw new JWKSetUnavailableException("OpenID discovery failed recently; not retried yet");
    }
    try {
      Resource resource = remote.retriever().retrieveResource(RemoteKeys.url(URI.create(discoveryUri(issuer)), "issuer"));
      JsonParseResult parsed = JSON.parse(resource.getContent().getBytes(StandardCharsets.UTF_8));
      if (!(parsed instanceof JsonParseResult.Parsed ok) || !ok.value().isObject()) {
        throw new JWKSetUnavailableException("the discovery document is not a JSON object");
      }
      JsonNode document = ok.value();
      if (!issuer.equals(document.path("issuer").asString(null))) {
        throw new JWKSetUnavailableException("the discovery document names another issuer");
      }
      String jwksUri = document.path("jwks_uri").asString(null);
      if (jwksUri == null) {
        throw new JWKSetUnavailableException("the discovery document has no jwks_uri");
      }
      delegate = remote.source(URI.create(jwksUri));
      return delegate;
    } catch (IOException | IllegalArgumentException e) {
      lastFailureMillis = now;
      throw new JWKSetUnavailableException("OpenID discovery failed", e);
    } catch (JWKSetUnavailableException e) {
      lastFailureMillis = now;
      throw e;
    }
  }

  static String discoveryUri(String issuer) {
    return (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
        + "/.well-known/openid-configuration";
  }
}
