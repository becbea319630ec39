package dev.lambdaguard.auth.internal;

import dev.lambdaguard.Chain;
import dev.lambdaguard.Denial;
import dev.lambdaguard.Interceptor;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.Reasons;
import dev.lambdaguard.auth.ApiKeyAuthenticator;
import dev.lambdaguard.auth.JwtAuthenticator;

/**
 * Either a bearer token or an API key, chosen by what the request carries, never both and never a fallback:
 * a key goes to the API-key check, anything else to the token check (which answers a request with neither
 * credential with its 401 challenge). A request with both is refused as ambiguous rather than letting one
 * credential stand in for another that failed.
 */
public final class CredentialChoice implements Interceptor, dev.lambdaguard.SnapshotAware {

  private final JwtAuthenticator tokens;
  private final ApiKeyAuthenticator keys;

  public CredentialChoice(JwtAuthenticator tokens, ApiKeyAuthenticator keys) {
    this.tokens = tokens;
    this.keys = keys;
  }

  @Override
  public void prime() {
    tokens.prime();
  }

  @Override
  public void afterRestore() {
    tokens.afterRestore();
    keys.afterRestore();
  }

  @Override
  public String name() {
    return "auth";
  }

  @Override
  public Outcome intercept(Chain chain) {
    boolean hasKey = chain.request().headers().firstOrNull(keys.header()) != null;
    if (!hasKey) {
      return tokens.intercept(chain);
    }
    if (chain.request().headers().firstOrNull("authorization") != null) {
      return Denial.badRequest(Reasons.TOKEN_AMBIGUOUS, "The request must carry a bearer token or an API key, not both.");
    }
    return keys.intercept(chain);
  }
}
