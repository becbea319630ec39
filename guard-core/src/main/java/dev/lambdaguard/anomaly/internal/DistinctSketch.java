package dev.lambdaguard.anomaly.internal;

/**
 * How many distinct values (paths, credentials, source addresses) one key has shown lately, in 64 bytes:
 * linear counting (Whang et al., 1990) over a 256-bit map, kept for two consecutive epochs so that the count
 * covers between one and two epochs of history and old values age out without a per-value timestamp.
 *
 * <p>Estimates are close to exact up to a few dozen values and usable to several hundred, which is the range
 * the detectors' thresholds live in. A count is compared with a threshold as a number of set bits, computed once
 * at init ({@link #bitsFor}), so the check per request is a population count, not a logarithm. Not thread-safe:
 * the detector serializes access.
 */
public final class DistinctSketch {

  static final int BITS = 256;

  private final long[] current = new long[4];
  private final long[] previous = new long[4];
  private long epochStart = Long.MIN_VALUE;

  /** Records {@code hash} at {@code now}; a new epoch starts every {@code epochMillis}. */
  public void add(long hash, long now, long epochMillis) {
    rotate(now, epochMillis);
    int bit = (int) (hash & (BITS - 1));
    current[bit >>> 6] |= 1L << bit;
  }

  /** The number of bits set over both epochs; compare with {@link #bitsFor}. */
  public int bits() {
    int set = 0;
    for (int i = 0; i < 4; i++) {
      set += Long.bitCount(current[i] | previous[i]);
    }
    return set;
  }

  /** The estimated number of distinct values, for reporting. */
  public double estimate() {
    return estimate(bits());
  }

  /** Forgets everything (the slot is reused for another key). */
  public void clear() {
    java.util.Arrays.fill(current, 0);
    java.util.Arrays.fill(previous, 0);
    epochStart = Long.MIN_VALUE;
  }

  private void rotate(long now, long epochMillis) {
    if (epochStart == Long.MIN_VALUE || now - epochStart >= 2 * epochMillis || now < epochStart) {
      if (epochStart != Long.MIN_VALUE) {
        java.util.Arrays.fill(current, 0);
        java.util.Arrays.fill(previous, 0);
      }
      epochStart = now;
    } else if (now - epochStart >= epochMillis) {
      System.arraycopy(current, 0, previous, 0, 4);
      java.util.Arrays.fill(current, 0);
      epochStart += epochMillis;
    }
  }

  static double estimate(int bitsSet) {
    int zeros = BITS - bitsSet;
    if (zeros == 0) {
      return BITS * Math.log(BITS); // saturated: at least this many
    }
    return -BITS * Math.log((double) zeros / BITS);
  }

  /** The fewest set bits whose estimate reaches {@code distinct}. */
  public static int bitsFor(int distinct) {
    for (int bits = 1; bits <= BITS; bits++) {
      if (estimate(bits) >= distinct - 1e-9) {
        return bits;
      }
    }
    return BITS;
  }
}
