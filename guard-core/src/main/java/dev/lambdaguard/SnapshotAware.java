package dev.lambdaguard;

/**
 * A part of the guard that takes part in a snapshot of the execution environment (Lambda SnapStart, CRaC).
 *
 * <p>Lambda takes the snapshot once, after init, and may restore it into many execution environments at
 * once. Before the checkpoint, a part warms what can be warmed without any network call, so that the
 * restored copies start warm. After each restore, it forgets what must not be shared between copies:
 * cached keys and secrets (they may have rotated while the snapshot was stored), rate-limit windows (each
 * copy would grant the same tokens again), and seeds.
 *
 * <p>The library's interceptors, secret caches and the {@link Guard} itself implement this; a user's own
 * interceptor may too, and the guard calls it in chain order.
 */
public interface SnapshotAware {

  /** Before the checkpoint: load classes and build what is lazy. Must not call the network. */
  default void prime() {}

  /** After a restore: forget what restored copies must not share. Must not call the network. */
  void afterRestore();
}
