package dev.lambdaguard;

/**
 * A clock that only moves when a test moves it. Thread-safe, so that one fake can serve concurrent
 * invocations.
 */
public final class FakeClock implements Clock {

  private volatile long millis;
  private volatile long nanos;

  public FakeClock(long millis) {
    this.millis = millis;
  }

  @Override
  public long currentTimeMillis() {
    return millis;
  }

  @Override
  public long nanoTime() {
    return nanos;
  }

  public FakeClock setMillis(long millis) {
    this.millis = millis;
    return this;
  }

  public FakeClock setNanos(long nanos) {
    this.nanos = nanos;
    return this;
  }

  /** Moves both readings forward, as real time would. */
  public synchronized FakeClock advanceMicros(long micros) {
    this.nanos += micros * 1_000;
    this.millis += micros / 1_000;
    return this;
  }
}
