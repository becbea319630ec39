package dev.lambdaguard.aws.snapstart;

import dev.lambdaguard.SnapshotAware;
import dev.lambdaguard.internal.Diagnostics;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * The one CRaC resource of the library. The runtime keeps registered resources only weakly, so this one is
 * held by a static field for the life of the class loader, and registered when the class initialises. Its
 * hooks run every registered part in registration order; a part that fails is reported and skipped, so that
 * one faulty part neither blocks the snapshot nor leaves the others stale.
 */
final class SnapStartHooks implements Resource {

  private static final SnapStartHooks INSTANCE = new SnapStartHooks();

  static {
    Core.getGlobalContext().register(INSTANCE);
  }

  private final List<SnapshotAware> parts = new CopyOnWriteArrayList<>();
  /** Parts by equality: the same part (or an equal one, as two handlers' parts for one guard) is kept once. */
  private final Set<SnapshotAware> seen = new HashSet<>();

  private SnapStartHooks() {}

  static SnapStartHooks instance() {
    return INSTANCE;
  }

  void add(SnapshotAware part) {
    synchronized (seen) {
      if (seen.add(part)) {
        parts.add(part);
      }
    }
  }

  /** Primes every part; no network call is made by the library's parts. */
  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    for (SnapshotAware part : parts) {
      try {
        part.prime();
      } catch (RuntimeException e) {
        Diagnostics.warn("snapshot priming of " + part.getClass().getName() + " failed with " + e.getClass().getName());
      }
    }
  }

  /** Makes every part forget what restored copies must not share. */
  @Override
  public void afterRestore(Context<? extends Resource> context) {
    for (SnapshotAware part : parts) {
      try {
        part.afterRestore();
      } catch (RuntimeException e) {
        Diagnostics.warn("restore of " + part.getClass().getName() + " failed with " + e.getClass().getName());
      }
    }
  }

  int size() {
    return parts.size();
  }
}
