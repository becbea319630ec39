package dev.lambdaguard.anomaly.internal;

/**
 * A per-minute count against its own history: an exponentially weighted mean and variance of the closed minutes'
 * counts (West's incremental form) and the count of the minute in progress. The minute clock is its owner's.
 */
public final class MinuteSeries {

  static final double SMOOTHING = 0.1;

  private int count;
  private double mean;
  private double variance;
  private int closedMinutes;

  /** Counts one more in the current minute; returns the current minute's count. */
  int add() {
    return ++count;
  }

  /** Closes the current minute and {@code idle} empty ones after it. */
  void close(long idle) {
    fold(count);
    for (long i = 0; i < idle; i++) {
      fold(0);
    }
    count = 0;
  }

  /** The count of the minute in progress. */
  public int current() {
    return count;
  }

  public boolean hasBaseline() {
    return closedMinutes > 0;
  }

  public double mean() {
    return mean;
  }

  /** The standard deviation, at least that of a Poisson count with this mean (quiet series are not that regular). */
  public double deviation() {
    return Math.sqrt(Math.max(variance, mean));
  }

  /**
   * Whether the current minute is a spike: at least {@code minimum}, {@code factor} times the mean and
   * {@code deviations} standard deviations above it; the threshold it had to reach is {@link #threshold}.
   */
  public boolean spikes(int minimum, double factor, double deviations) {
    return count >= minimum && hasBaseline() && count >= threshold(factor, deviations);
  }

  public double threshold(double factor, double deviations) {
    return Math.max(mean * factor, mean + deviations * deviation());
  }

  private void fold(int value) {
    if (closedMinutes == 0) {
      mean = value;
      variance = 0;
    } else {
      double delta = value - mean;
      mean += SMOOTHING * delta;
      variance = (1 - SMOOTHING) * (variance + SMOOTHING * delta * delta);
    }
    closedMinutes++;
  }

  void clear() {
    count = 0;
    mean = 0;
    variance = 0;
    closedMinutes = 0;
  }
}
