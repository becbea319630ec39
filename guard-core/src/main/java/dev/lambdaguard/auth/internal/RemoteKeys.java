package dev.lambdaguard.auth.internal;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Locale;

/**
 * How remote key sets are fetched: short bounded timeouts (a Lambda invocation cannot wait 30 seconds), a
 * size limit, a cache refreshed on the invocation path (a frozen environment runs no background thread),
 * a rate limit on refetching for an unknown key id, one retry, and outage tolerance with the last good set.
 *
 * @param connectTimeout TCP connect timeout
 * @param readTimeout read timeout
 * @param sizeLimitBytes the largest key set accepted
 * @param cacheTtl how long a fetched set is used before it is refreshed
 * @param refreshAhead how long before expiry a refresh starts
 * @param refetchMinInterval the least time between two fetches for unknown key ids
 * @param outageTolerance how long the last good set is served while the endpoint fails
 */
public record RemoteKeys(
    Duration connectTimeout,
    Duration readTimeout,
    int sizeLimitBytes,
    Duration cacheTtl,
    Duration refreshAhead,
    Duration refetchMinInterval,
    Duration outageTolerance) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(250);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMillis(500);
  public static final int DEFAULT_SIZE_LIMIT = 64 * 1024;
  public static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(5);
  public static final Duration DEFAULT_REFRESH_AHEAD = Duration.ofSeconds(30);
  public static final Duration DEFAULT_REFETCH_MIN_INTERVAL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_OUTAGE_TOLERANCE = Duration.ofHours(1);

  public static RemoteKeys defaults() {
    return new RemoteKeys(DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_SIZE_LIMIT, DEFAULT_CACHE_TTL,
        DEFAULT_REFRESH_AHEAD, DEFAULT_REFETCH_MIN_INTERVAL, DEFAULT_OUTAGE_TOLERANCE);
  }

  public ResourceRetriever retriever() {
    return new DefaultResourceRetriever(
        (int) connectTimeout.toMillis(), (int) readTimeout.toMillis(), sizeLimitBytes);
  }

  /** A caching, rate-limited, retrying, outage-tolerant source; nothing is fetched until the first use. */
  public JWKSource<SecurityContext> source(URI uri) {
    // A refreshing thread waits at most for one fetch and its retry.
    long refreshTimeout = 2 * (connectTimeout.toMillis() + readTimeout.toMillis()) + 100;
    return JWKSourceBuilder.<SecurityContext>create(url(uri, "jwks"), retriever())
        .cache(cacheTtl.toMillis(), refreshTimeout)
        .refreshAheadCache(refreshAhead.toMillis(), false)
        .rateLimited(refetchMinInterval.toMillis())
        .retrying(true)
        .outageTolerant(outageTolerance.toMillis())
        .build();
  }

  /**
   * The URL of a key or discovery endpoint: HTTPS, or plain HTTP to a loopback address only (tests and
   * local emulators). A bad one fails at init with a message naming the setting.
   */
  public static URL url(URI uri, String setting) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost();
    boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")
        || host.equals("::1");
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(setting + " must not carry credentials (user:password@): " + shown(uri));
    }
    if (!(scheme.equals("https") || (scheme.equals("http") && loopback))) {
      throw new IllegalArgumentException(setting + " must be an https URL (http only to loopback): " + shown(uri));
    }
    try {
      return uri.toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException(setting + " is not a valid URL: " + shown(uri));
    }
  }

  /**
   * The URL as an error message may show it: scheme, host, port and path. Its user info and query are left out,
   * since either can carry a credential, and init errors reach the function's log.
   */
  static String shown(URI uri) {
    return uri.getScheme() + "://" + (uri.getHost() == null ? "" : uri.getHost())
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }
}
