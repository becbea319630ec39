package dev.lambdaguard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable multi-valued map of request names to values, in arrival order: headers (names compared
 * case-insensitively) and query parameters (case-sensitive).
 */
public final class MultiValueMap {

  private static final MultiValueMap EMPTY_SENSITIVE = new MultiValueMap(Map.of(), false);
  private static final MultiValueMap EMPTY_INSENSITIVE = new MultiValueMap(Map.of(), true);

  private final Map<String, List<String>> values;
  private final boolean ignoreCase;

  private MultiValueMap(Map<String, List<String>> values, boolean ignoreCase) {
    this.values = values;
    this.ignoreCase = ignoreCase;
  }

  /** An empty map whose names compare case-insensitively, as HTTP header names do. */
  public static MultiValueMap emptyHeaders() {
    return EMPTY_INSENSITIVE;
  }

  /** An empty map whose names compare exactly, as query parameter names do. */
  public static MultiValueMap emptyQuery() {
    return EMPTY_SENSITIVE;
  }

  /** A builder whose names compare case-insensitively (HTTP headers). */
  public static Builder headersBuilder() {
    return new Builder(true);
  }

  /** A builder whose names compare exactly (query parameters). */
  public static Builder queryBuilder() {
    return new Builder(false);
  }

  /** The first value under {@code name}, if any. */
  public Optional<String> first(String name) {
    List<String> list = values.get(key(name));
    return list == null ? Optional.empty() : Optional.of(list.get(0));
  }

  /** The first value under {@code name}, or null; the allocation-free form for hot paths. */
  public String firstOrNull(String name) {
    List<String> list = values.get(key(name));
    return list == null ? null : list.get(0);
  }

  /** The last value under {@code name}, or null. */
  public String lastOrNull(String name) {
    List<String> list = values.get(key(name));
    return list == null ? null : list.get(list.size() - 1);
  }

  /** Every value under {@code name} in arrival order; empty when there is none. */
  public List<String> all(String name) {
    List<String> list = values.get(key(name));
    return list == null ? List.of() : list;
  }

  /** Whether any value is present under {@code name}. */
  public boolean contains(String name) {
    return values.containsKey(key(name));
  }

  /** The names present (lower case for headers), in arrival order. */
  public Set<String> names() {
    return values.keySet();
  }

  /** The number of distinct names. */
  public int size() {
    return values.size();
  }

  /** The number of values under all names. */
  public int valueCount() {
    int n = 0;
    for (List<String> list : values.values()) {
      n += list.size();
    }
    return n;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** A read-only view of names to values. */
  public Map<String, List<String>> asMap() {
    return values;
  }

  private String key(String name) {
    return ignoreCase ? name.toLowerCase(Locale.ROOT) : name;
  }

  @Override
  public String toString() {
    return "MultiValueMap" + values.keySet();
  }

  /**
   * Collects values; not thread-safe. {@link #build()} freezes what was collected, without copying, and
   * may be called once.
   */
  public static final class Builder {
    private final boolean ignoreCase;
    /** A name's values: one String while there is a single value (the common case), else an ArrayList. */
    private final Map<String, Object> values = new LinkedHashMap<>();
    private boolean built;

    private Builder(boolean ignoreCase) {
      this.ignoreCase = ignoreCase;
    }

    /** Adds one value; null names or values are skipped (events carry nulls for absent entries). */
    @SuppressWarnings("unchecked")
    public Builder add(String name, String value) {
      if (built) {
        throw new IllegalStateException("MultiValueMap.Builder.build() was already called");
      }
      if (name != null && value != null) {
        String key = ignoreCase ? name.toLowerCase(Locale.ROOT) : name;
        Object existing = values.putIfAbsent(key, value);
        if (existing instanceof String first) {
          List<String> list = new ArrayList<>(2);
          list.add(first);
          list.add(value);
          values.put(key, list);
        } else if (existing != null) {
          ((List<String>) existing).add(value);
        }
      }
      return this;
    }

    /** Adds every value of a list, in order. */
    public Builder addAll(String name, List<String> list) {
      if (list != null) {
        for (String value : list) {
          add(name, value);
        }
      }
      return this;
    }

    @SuppressWarnings("unchecked")
    public MultiValueMap build() {
      if (built) {
        throw new IllegalStateException("MultiValueMap.Builder.build() was already called");
      }
      built = true;
      if (values.isEmpty()) {
        return ignoreCase ? EMPTY_INSENSITIVE : EMPTY_SENSITIVE;
      }
      Map<String, List<String>> frozen = (Map<String, List<String>>) (Map<String, ?>) values;
      for (Map.Entry<String, Object> e : values.entrySet()) {
        Object v = e.getValue();
        e.setValue(v instanceof String single ? List.of(single) : List.copyOf((List<String>) v));
      }
      return new MultiValueMap(Collections.unmodifiableMap(frozen), ignoreCase);
    }
  }
}
