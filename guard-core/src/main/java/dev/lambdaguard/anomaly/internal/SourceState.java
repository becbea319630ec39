package dev.lambdaguard.anomaly.internal;

/**
 * What one source address (IPv4, or IPv6 by /64) did lately: decayed counts of requests, failed authentications
 * and input findings, and the distinct credentials that failed and paths that were refused.
 */
public final class SourceState extends KeyedTable.Entry {

  public double requests;
  public double authFailures;
  public double inputFindings;
  public final DistinctSketch failedCredentials = new DistinctSketch();
  public final DistinctSketch deniedPaths = new DistinctSketch();
  public final Cooldowns cooldowns = new Cooldowns();
  private long decayedAt = Long.MIN_VALUE;

  /** Ages the counts to {@code now}: each halves every half-life ({@code perMilli} = ln 2 / half-life). */
  public void decay(long now, double perMilli) {
    if (decayedAt != Long.MIN_VALUE && now > decayedAt) {
      double factor = Math.exp(-(now - decayedAt) * perMilli);
      requests *= factor;
      authFailures *= factor;
      inputFindings *= factor;
    }
    if (now > decayedAt) {
      decayedAt = now;
    }
  }

  /**
   * Whether failed authentications are at least {@code ratio} of this address's requests, counting {@code pending}
   * more of each not yet recorded (a failure being decided): a NAT whose users mostly succeed is not stuffing.
   */
  public boolean mostlyFailing(double ratio, int pending) {
    return authFailures + pending >= ratio * (requests + pending);
  }

  @Override
  protected void clear() {
    requests = 0;
    authFailures = 0;
    inputFindings = 0;
    failedCredentials.clear();
    deniedPaths.clear();
    cooldowns.clear();
    decayedAt = Long.MIN_VALUE;
  }
}
