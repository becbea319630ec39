package dev.lambdaguard.anomaly.internal;

import java.util.function.Supplier;

/**
 * A fixed-size map from a 64-bit key hash to mutable per-key state, so that no amount of distinct caller input
 * can grow memory: four-way set-associative, and on a miss the least recently seen entry of the set is reused
 * for the new key. Lookups touch four slots and allocate nothing once the table is warm.
 *
 * <p>Chosen over a general cache (Caffeine) because every lookup is on the invocation path and the state is a
 * handful of primitives: no key objects, no boxing, no maintenance thread, nothing to class-load at cold start.
 * An attacker who sprays keys can evict other keys' state (any bounded table can be flushed); that is the price
 * of the bound, and an eviction count is kept. Not thread-safe: the detector serializes access.
 *
 * @param <S> the per-key state
 */
public final class KeyedTable<S extends KeyedTable.Entry> {

  /** Per-key state: knows when it was last seen and how to forget itself for reuse. */
  public abstract static class Entry {
    long lastSeen;

    /** Resets every field for a new key. */
    protected abstract void clear();

    public final long lastSeen() {
      return lastSeen;
    }
  }

  private static final int WAYS = 4;

  private final long[] keys;
  private final Object[] entries;
  private final int setMask;
  private final Supplier<S> factory;
  private int size;
  private long evictions;

  /** A table of at least {@code capacity} entries (rounded up to a power of two, at least 4). */
  public KeyedTable(int capacity, Supplier<S> factory) {
    int slots = capacity <= WAYS ? WAYS : Integer.highestOneBit(capacity - 1) << 1;
    this.keys = new long[slots];
    this.entries = new Object[slots];
    this.setMask = slots / WAYS - 1;
    this.factory = factory;
  }

  /**
   * The state of {@code key}, created (or taken over from the least recently seen key of its set, cleared) when
   * absent. Marks it seen at {@code now}.
   */
  @SuppressWarnings("unchecked")
  public S get(long key, long now) {
    int base = (int) ((key >>> 40) & setMask) * WAYS;
    int victim = base;
    for (int i = base; i < base + WAYS; i++) {
      if (keys[i] == key) {
        S entry = (S) entries[i];
        entry.lastSeen = Math.max(entry.lastSeen, now);
        return entry;
      }
      if (keys[i] == 0) {
        victim = i;
        break;
      }
      if (((S) entries[i]).lastSeen < ((S) entries[victim]).lastSeen) {
        victim = i;
      }
    }
    S entry = (S) entries[victim];
    if (entry == null) {
      entry = factory.get();
      entries[victim] = entry;
      size++;
    } else {
      entry.clear();
      evictions++;
    }
    keys[victim] = key;
    entry.lastSeen = now;
    return entry;
  }

  /** How many keys hold state now; never more than {@link #capacity()}. */
  public int size() {
    return size;
  }

  public int capacity() {
    return keys.length;
  }

  /** How many keys lost their state to a newer key. */
  public long evictions() {
    return evictions;
  }
}
