package dev.lambdaguard.auth.internal;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.lambdaguard.SnapshotAware;
import java.util.List;
import java.util.function.Supplier;

/**
 * A fetched key set that can be dropped whole: after a SnapStart restore the keys cached in the snapshot
 * may be hours old and rotated, and the source's rate-limit and outage clocks stopped when it was taken.
 * Renewing builds a new source, which fetches at its first use, exactly as at a cold start.
 */
public final class RenewableKeys implements JWKSource<SecurityContext>, SnapshotAware {

  private final Supplier<JWKSource<SecurityContext>> factory;
  private volatile JWKSource<SecurityContext> current;

  public RenewableKeys(Supplier<JWKSource<SecurityContext>> factory) {
    this.factory = factory;
    this.current = factory.get();
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
    return current.get(selector, context);
  }

  @Override
  public void afterRestore() {
    current = factory.get();
  }
}
