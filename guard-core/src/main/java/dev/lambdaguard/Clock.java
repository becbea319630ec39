package dev.lambdaguard;

/**
 * The guard's source of time, injected so that decisions are pure functions of their inputs and tests
 * can be exact. Returns primitives: reading the clock allocates nothing.
 */
public interface Clock {

  /** Wall-clock time in milliseconds since the epoch, for event timestamps and token expiry. */
  long currentTimeMillis();

  /** A monotonic reading in nanoseconds, for measuring durations only. */
  long nanoTime();

  /** The system clock. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }

  /** The system clock as a singleton. */
  enum SystemClock implements Clock {
    INSTANCE;

    @Override
    public long currentTimeMillis() {
      return System.currentTimeMillis();
    }

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }
  }
}
