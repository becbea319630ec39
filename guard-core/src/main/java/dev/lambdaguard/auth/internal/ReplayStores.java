package dev.lambdaguard.auth.internal;

import dev.lambdaguard.Reasons;
import dev.lambdaguard.auth.ReplayStore;

/** The one place a replay store is asked: a store that cannot answer refuses the token (fail closed). */
public final class ReplayStores {

  private ReplayStores() {}

  /**
   * Whether this is the first use of {@code id}.
   *
   * @throws Refused {@code replay_check_unavailable} when the store fails
   */
  public static boolean firstUse(ReplayStore store, String id, long acceptableUntilEpochSeconds) {
    try {
      return store.firstUse(id, acceptableUntilEpochSeconds);
    } catch (RuntimeException e) {
      throw Refused.of(Reasons.REPLAY_CHECK_UNAVAILABLE, "the replay check is unavailable");
    }
  }
}
