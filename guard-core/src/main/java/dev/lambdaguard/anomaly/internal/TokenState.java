package dev.lambdaguard.anomaly.internal;

/**
 * Where one credential was presented from lately, keyed by a hash of the credential (the credential is not kept).
 *
 * <p>Besides the distinct source addresses and a decayed count of changes of address between consecutive uses, it
 * remembers where the credential was used in its first moments (its <em>home</em>: one address, or a few for a
 * client that spreads its calls over a pool of egress addresses from the start). A theft is a change of hands:
 * the credential is later presented from places that are not home. A pool of addresses that was there from the
 * first minute is one holder, not a thief, so it raises the bar by its size, and alternating among its own
 * addresses is not counted as a switch. The home is fixed by the credential's owner before anyone could have
 * stolen it, so a thief cannot widen it.
 */
public final class TokenState extends KeyedTable.Entry {

  /** At most this many home addresses are remembered; a larger pool in the first minute counts as this many. */
  public static final int MAX_HOME = 8;

  public final DistinctSketch sources = new DistinctSketch();
  public final Cooldowns cooldowns = new Cooldowns();
  public double switches;
  private long lastSource;
  private long decayedAt = Long.MIN_VALUE;
  private long firstSeen = Long.MIN_VALUE;
  private long home;
  /** The other home addresses, allocated only for the rare credential used from a pool (most have one home). */
  private long[] pool;
  private int homeSize;

  /**
   * Records a use from {@code source} (a nonzero hash of the address) at {@code now}; uses within
   * {@code settleMillis} of the first one define home.
   */
  public void use(long source, long now, long epochMillis, double perMilli, long settleMillis) {
    if (decayedAt != Long.MIN_VALUE && now > decayedAt) {
      switches *= Math.exp(-(now - decayedAt) * perMilli);
    }
    if (now > decayedAt) {
      decayedAt = now;
    }
    if (firstSeen == Long.MIN_VALUE) {
      firstSeen = now;
    }
    boolean settling = now - firstSeen < settleMillis;
    boolean atHome = isHome(source);
    if (settling && !atHome) {
      addHome(source);
      atHome = true;
    }
    if (lastSource != 0 && lastSource != source && !(atHome && isHome(lastSource))) {
      switches += 1;
    }
    lastSource = source;
    sources.add(source, now, epochMillis);
  }

  /** How many addresses the credential was used from in its first moments (1 once it has been used at all). */
  public int homeSize() {
    return homeSize;
  }

  private boolean isHome(long source) {
    if (homeSize == 0) {
      return false;
    }
    if (home == source) {
      return true;
    }
    for (int i = 0; i < homeSize - 1; i++) {
      if (pool[i] == source) {
        return true;
      }
    }
    return false;
  }

  private void addHome(long source) {
    if (homeSize == 0) {
      home = source;
      homeSize = 1;
      return;
    }
    if (homeSize == MAX_HOME) {
      return;
    }
    if (pool == null) {
      pool = new long[MAX_HOME - 1];
    }
    pool[homeSize - 1] = source;
    homeSize++;
  }

  @Override
  protected void clear() {
    sources.clear();
    cooldowns.clear();
    switches = 0;
    lastSource = 0;
    decayedAt = Long.MIN_VALUE;
    firstSeen = Long.MIN_VALUE;
    home = 0;
    homeSize = 0;
    if (pool != null) {
      java.util.Arrays.fill(pool, 0);
    }
  }
}
