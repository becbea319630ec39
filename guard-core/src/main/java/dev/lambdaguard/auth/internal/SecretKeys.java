package dev.lambdaguard.auth.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.lambdaguard.secrets.SecretCache;
import dev.lambdaguard.secrets.SecretProvider.SecretUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An HMAC key held in a secret, read through the shared {@link SecretCache} at each verification (a cached
 * read costs tens of nanoseconds), so a rotated secret is picked up when the cache refreshes it. The key set
 * is rebuilt only when the secret's value changes; until then the same key objects (and so the same cached
 * verifiers) serve every token. During a rotation the pending version can be accepted beside the current one.
 * A secret that cannot be read makes tokens fail closed ({@code jwks_unavailable}).
 */
public final class SecretKeys implements JWKSource<SecurityContext>, RotatingKeys, dev.lambdaguard.SnapshotAware {

  /** The Secrets Manager stage a rotation writes the next value to, before it becomes current. */
  public static final String PENDING_STAGE = "AWSPENDING";
  static final long PENDING_RETRY_NANOS = 30_000_000_000L;

  private final SecretCache secrets;
  private final String reference;
  private final boolean acceptPending;
  private volatile Snapshot snapshot;
  /** When a missing pending version may be asked for again: absence is not cached by the secret cache. */
  private volatile long pendingRetryAt;

  /** The key set built from one pair of secret values, compared by value to the next read. */
  private record Snapshot(String current, String pending, JWKSet keys) {}

  public SecretKeys(SecretCache secrets, String reference, boolean acceptPending) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.reference = Objects.requireNonNull(reference, "reference");
    this.acceptPending = acceptPending;
  }

  /** The secret may have rotated while the snapshot was stored: read it again, and rebuild the keys. */
  @Override
  public void afterRestore() {
    secrets.clear();
    snapshot = null;
    pendingRetryAt = 0;
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
    String current;
    try {
      current = secrets.get(reference);
    } catch (SecretUnavailableException e) {
      throw new JWKSetUnavailableException("the HMAC key secret is unavailable", e);
    }
    String pending = acceptPending ? pending() : null;
    Snapshot seen = snapshot;
    if (seen == null || !seen.current().equals(current) || !Objects.equals(seen.pending(), pending)) {
      seen = new Snapshot(current, pending, keySet(current, pending));
      snapshot = seen;
    }
    return selector.select(seen.keys());
  }

  /**
   * The pending version, when a rotation has written one. None is the normal case, not a failure; it is asked
   * for again at most every {@link #PENDING_RETRY_NANOS}, so that tokens do not each cost a call to the store.
   */
  private String pending() {
    if (System.nanoTime() - pendingRetryAt < 0) {
      return null;
    }
    try {
      return secrets.get(reference, PENDING_STAGE);
    } catch (SecretUnavailableException e) {
      pendingRetryAt = System.nanoTime() + PENDING_RETRY_NANOS;
      return null;
    }
  }

  private static JWKSet keySet(String current, String pending) {
    List<JWK> keys = new ArrayList<>(2);
    keys.add(new OctetSequenceKey.Builder(current.getBytes(UTF_8)).build());
    if (pending != null && !pending.equals(current)) {
      keys.add(new OctetSequenceKey.Builder(pending.getBytes(UTF_8)).build());
    }
    return new JWKSet(keys);
  }

  @Override
  public boolean refresh() {
    pendingRetryAt = System.nanoTime();
    return secrets.forceRefresh(reference);
  }

  @Override
  public String toString() {
    return "SecretKeys[" + reference + "]";
  }
}
