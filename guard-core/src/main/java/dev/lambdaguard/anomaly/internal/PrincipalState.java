package dev.lambdaguard.anomaly.internal;

/** The distinct paths one authenticated principal requested lately. */
public final class PrincipalState extends KeyedTable.Entry {

  public final DistinctSketch paths = new DistinctSketch();
  public final Cooldowns cooldowns = new Cooldowns();

  @Override
  protected void clear() {
    paths.clear();
    cooldowns.clear();
  }
}
