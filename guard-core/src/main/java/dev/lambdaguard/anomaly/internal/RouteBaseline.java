package dev.lambdaguard.anomaly.internal;

/**
 * One route's requests per minute against its own history: an exponentially weighted mean and variance of the
 * per-minute counts (West's incremental form), updated when a minute closes, and the count of the minute in
 * progress. Minutes without traffic count as zero, up to an hour of them at once.
 */
public final class RouteBaseline extends KeyedTable.Entry {

  static final double SMOOTHING = 0.1;
  private static final long MINUTE = 60_000;

  public final Cooldowns cooldowns = new Cooldowns();
  private long minute = Long.MIN_VALUE;
  private long firstMinute;
  private int count;
  private double mean;
  private double variance;
  private int closedMinutes;

  /** Counts one request at {@code now}; returns the count of the current minute, this request included. */
  public int record(long now) {
    long m = Math.floorDiv(now, MINUTE);
    if (minute == Long.MIN_VALUE) {
      minute = m;
      firstMinute = m;
    } else if (m > minute) {
      fold(count);
      long idle = Math.min(m - minute - 1, 60);
      for (long i = 0; i < idle; i++) {
        fold(0);
      }
      minute = m;
      count = 0;
    }
    return ++count;
  }

  /** How long this route has been watched, in milliseconds. */
  public long watchedMillis() {
    return minute == Long.MIN_VALUE ? 0 : (minute - firstMinute) * MINUTE;
  }

  public boolean hasBaseline() {
    return closedMinutes > 0;
  }

  public double mean() {
    return mean;
  }

  /** The standard deviation, at least that of a Poisson count with this mean (quiet routes are not that regular). */
  public double deviation() {
    return Math.sqrt(Math.max(variance, mean));
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

  @Override
  protected void clear() {
    cooldowns.clear();
    minute = Long.MIN_VALUE;
    firstMinute = 0;
    count = 0;
    mean = 0;
    variance = 0;
    closedMinutes = 0;
  }
}
