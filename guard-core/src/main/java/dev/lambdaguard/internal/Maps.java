package dev.lambdaguard.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small collection helpers shared by the request view and the security context. */
public final class Maps {

  private Maps() {}

  /** An unmodifiable copy in the same order, leaving out null keys and values (events carry them). */
  public static <V> Map<String, V> copyWithoutNulls(Map<String, ? extends V> source) {
    if (source == null || source.isEmpty()) {
      return Map.of();
    }
    Map<String, V> copy = new LinkedHashMap<>(source.size() * 2);
    source.forEach((k, v) -> {
      if (k != null && v != null) {
        copy.put(k, v);
      }
    });
    return Collections.unmodifiableMap(copy);
  }
}
