package dev.lambdaguard.auth.internal;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import java.util.function.Supplier;

/**
 * A key set created on first use (an HMAC secret read from a secret store): a function that never sees a
 * token never reads the secret. A failed read is retried on the next use; until then tokens are refused
 * with {@code jwks_unavailable}.
 */
public final class LazyKeys implements JWKSource<SecurityContext> {

  private final Supplier<JWKSet> loader;
  private volatile JWKSet keys;

  public LazyKeys(Supplier<JWKSet> loader) {
    this.loader = loader;
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
    JWKSet set = keys;
    if (set == null) {
      try {
        set = loader.get();
      } catch (RuntimeException e) {
        throw new JWKSetUnavailableException("the key could not be loaded", e);
      }
      if (set == null) {
        throw new JWKSetUnavailableException("the key could not be loaded");
      }
      keys = set;
    }
    return selector.select(set);
  }
}
