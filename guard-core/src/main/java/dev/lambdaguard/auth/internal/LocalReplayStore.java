package dev.lambdaguard.auth.internal;

import dev.lambdaguard.Clock;
import dev.lambdaguard.auth.ReplayStore;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token ids seen in this execution environment, in insertion order. When full, the oldest id is forgotten
 * (constant time, so a flood of new ids costs nothing more): that is the documented limit of a local
 * store, a replay after more than {@code capacity} other tokens is not seen. Thread-safe.
 */
public final class LocalReplayStore implements ReplayStore {

  private final int capacity;
  private final Clock clock;
  private final Map<String, Long> seen = new LinkedHashMap<>();

  public LocalReplayStore(int capacity, Clock clock) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("replay store capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.clock = clock;
  }

  @Override
  public synchronized boolean firstUse(String jti, long expiresAtEpochSeconds) {
    long now = clock.currentTimeMillis() / 1000;
    Long previous = seen.get(jti);
    // An id is remembered through its last acceptable second, inclusive.
    if (previous != null && previous >= now) {
      return false;
    }
    seen.remove(jti);
    if (seen.size() >= capacity) {
      Iterator<String> oldest = seen.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    seen.put(jti, expiresAtEpochSeconds);
    return true;
  }

  public synchronized int size() {
    return seen.size();
  }
}
