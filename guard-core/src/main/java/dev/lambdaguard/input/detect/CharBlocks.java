package dev.lambdaguard.input.detect;

/**
 * The ASCII characters of each block of {@value #BLOCK} characters of a long text, as the two masks of a
 * {@link Normalized.CharSet}: whether a bounded window of the text can hold a character of a set is then a few mask
 * tests instead of a read of the window. A detector whose look at a trigger reads a window for what it needs (a
 * command's arguments, say) builds this once per value, in one pass, when a value makes it look at many triggers;
 * the answer is a superset (whole blocks), so it can only tell that a window lacks something, which is exact. Not
 * thread-safe; one per value.
 */
final class CharBlocks {

  static final int BLOCK = 128;
  private static final int SHIFT = 7;

  private final long[] low;
  private final long[] high;
  private final int n;
  /** The masks of the last window asked ({@link #low(int, int)} then {@link #high()}). */
  private long lastHigh;
  /** The blocks last joined by {@link #low(int, int)}, and their masks. */
  private int spanFirst = -1;
  private int spanLast = -1;
  private long spanLow;
  private long spanHigh;

  CharBlocks(String s) {
    this.n = s.length();
    int blocks = (n + BLOCK - 1) >> SHIFT;
    this.low = new long[blocks];
    this.high = new long[blocks];
    for (int b = 0; b < blocks; b++) {
      long lo = 0;
      long hi = 0;
      for (int i = b << SHIFT, end = Math.min(n, i + BLOCK); i < end; i++) {
        int c = Math.min(s.charAt(i), 255); // branch-free, as in Normalized
        lo |= Normalized.LOW_BIT[c];
        hi |= Normalized.HIGH_BIT[c];
      }
      low[b] = lo;
      high[b] = hi;
    }
  }

  /**
   * The low mask (characters 0 to 63) of the blocks that hold {@code [from, to)}; {@link #high()} then gives their
   * high mask. An empty window has neither.
   */
  long low(int from, int to) {
    to = Math.min(to, n);
    if (from >= to) {
      lastHigh = 0;
      return 0;
    }
    int first = from >> SHIFT;
    int last = (to - 1) >> SHIFT;
    if (first != spanFirst || last != spanLast) {
      // windows asked at neighbouring positions mostly cover the same blocks: those are joined once
      long lo = 0;
      long hi = 0;
      for (int b = first; b <= last; b++) {
        lo |= low[b];
        hi |= high[b];
      }
      spanFirst = first;
      spanLast = last;
      spanLow = lo;
      spanHigh = hi;
    }
    lastHigh = spanHigh;
    return spanLow;
  }

  /** The high mask (characters 64 to 127) of the window last asked with {@link #low(int, int)}. */
  long high() {
    return lastHigh;
  }
}
