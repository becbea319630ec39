package dev.lambdaguard.anomaly.internal;

/**
 * One route's traffic per minute against its own history, in two series on one minute clock: its requests, and
 * its requests whose credential failed authentication. Minutes without traffic count as zero, up to an hour of
 * them at once.
 */
public final class RouteBaseline extends KeyedTable.Entry {

  private static final long MINUTE = 60_000;

  public final Cooldowns cooldowns = new Cooldowns();
  public final MinuteSeries requests = new MinuteSeries();
  public final MinuteSeries failedCredentials = new MinuteSeries();
  private long minute = Long.MIN_VALUE;
  private long firstMinute;

  /** Counts one request at {@code now}, and a failed credential if {@code failedCredential}. */
  public void record(long now, boolean failedCredential) {
    long m = Math.floorDiv(now, MINUTE);
    if (minute == Long.MIN_VALUE) {
      minute = m;
      firstMinute = m;
    } else if (m > minute) {
      long idle = Math.min(m - minute - 1, 60);
      requests.close(idle);
      failedCredentials.close(idle);
      minute = m;
    }
    requests.add();
    if (failedCredential) {
      failedCredentials.add();
    }
  }

  /** How long this route has been watched, in milliseconds. */
  public long watchedMillis() {
    return minute == Long.MIN_VALUE ? 0 : (minute - firstMinute) * MINUTE;
  }

  @Override
  protected void clear() {
    cooldowns.clear();
    requests.clear();
    failedCredentials.clear();
    minute = Long.MIN_VALUE;
    firstMinute = 0;
  }
}
