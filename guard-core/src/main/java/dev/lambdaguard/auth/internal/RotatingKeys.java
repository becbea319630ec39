package dev.lambdaguard.auth.internal;

/**
 * A key source whose keys can be rotated under it (a secret). When no key verifies a token, the signature
 * check asks it once to fetch the keys again before refusing, so that a token signed with a just-rotated key
 * is accepted at once. The source rate-limits these refreshes itself: forged tokens cannot drive them.
 */
public interface RotatingKeys {

  /** Fetches the keys again if the rate limit allows; true when a refresh happened (a retry can help). */
  boolean refresh();
}
