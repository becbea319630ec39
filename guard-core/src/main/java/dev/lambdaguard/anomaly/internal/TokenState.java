package dev.lambdaguard.anomaly.internal;

/**
 * Where one credential was presented from lately: the distinct source addresses, and a decayed count of
 * changes of address between consecutive uses. Keyed by a hash of the credential; the credential is not kept.
 */
public final class TokenState extends KeyedTable.Entry {

  public final DistinctSketch sources = new DistinctSketch();
  public final Cooldowns cooldowns = new Cooldowns();
  public double switches;
  private long lastSource;
  private long decayedAt = Long.MIN_VALUE;

  /** Records a use from {@code source} (a hash of the address) at {@code now}. */
  public void use(long source, long now, long epochMillis, double perMilli) {
    if (decayedAt != Long.MIN_VALUE && now > decayedAt) {
      switches *= Math.exp(-(now - decayedAt) * perMilli);
    }
    if (now > decayedAt) {
      decayedAt = now;
    }
    if (lastSource != 0 && lastSource != source) {
      switches += 1;
    }
    lastSource = source;
    sources.add(source, now, epochMillis);
  }

  @Override
  protected void clear() {
    sources.clear();
    cooldowns.clear();
    switches = 0;
    lastSource = 0;
    decayedAt = Long.MIN_VALUE;
  }
}
