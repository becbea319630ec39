package dev.lambdaguard.anomaly.internal;

import java.util.Arrays;

/** When each detector last reported one key, so that an ongoing attack is reported once per cooldown. */
public final class Cooldowns {

  private static final long NEVER = Long.MIN_VALUE / 2;

  private final long[] lastReported = new long[4];

  public Cooldowns() {
    clear();
  }

  /** Whether detector {@code slot} may report this key at {@code now}; if so, starts its cooldown. */
  public boolean tryReport(int slot, long now, long cooldownMillis) {
    long last = lastReported[slot];
    if (now - last < cooldownMillis && now >= last) {
      return false;
    }
    lastReported[slot] = now;
    return true;
  }

  void clear() {
    Arrays.fill(lastReported, NEVER);
  }
}
