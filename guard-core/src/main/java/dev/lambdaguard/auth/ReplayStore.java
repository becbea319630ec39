package dev.lambdaguard.auth;

/**
 * Remembers token ids ({@code jti}) to refuse a token used twice. The local implementation is bounded and
 * per execution environment; a shared store (Redis) sees replays across the fleet.
 */
public interface ReplayStore {

  /**
   * Records a use of {@code jti}.
   *
   * @param jti the token id
   * @param expiresAtEpochSeconds the last second at which the token can still be accepted (its expiry plus
   *     the clock skew): the id must be remembered through that second, and need not be kept longer
   * @return true for the first use, false for a replay
   */
  boolean firstUse(String jti, long expiresAtEpochSeconds);

  /** A bounded in-memory store holding at most {@code capacity} ids. */
  static ReplayStore local(int capacity, dev.lambdaguard.Clock clock) {
    return new dev.lambdaguard.auth.internal.LocalReplayStore(capacity, clock);
  }
}
