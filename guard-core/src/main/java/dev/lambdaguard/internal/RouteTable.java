package dev.lambdaguard.internal;

import dev.lambdaguard.auth.internal.RoutePattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values per route, found the way API Gateway finds a route: the request's exact route key first, then the most
 * specific matching pattern (literal segments before {@code {param}} before {@code {proxy+}}). Routes are checked
 * as they are added and fail with a message naming the route. Immutable once built; the route policies of
 * authorization, rate limiting and input inspection all look routes up here.
 *
 * @param <T> what a route maps to
 */
public final class RouteTable<T> {

  private final Map<String, T> byRouteKey;
  private final List<Map.Entry<RoutePattern, T>> patterns;

  private RouteTable(Map<String, T> byRouteKey, List<Map.Entry<RoutePattern, T>> patterns) {
    this.byRouteKey = byRouteKey;
    this.patterns = patterns;
  }

  public static <T> Builder<T> builder(String setting) {
    return new Builder<>(setting);
  }

  public boolean isEmpty() {
    return byRouteKey.isEmpty();
  }

  /** Every value, once each. */
  public java.util.Collection<T> values() {
    return java.util.List.copyOf(new java.util.LinkedHashSet<>(byRouteKey.values()));
  }

  /** The value of the request's exact route key, or null. */
  public T byRouteKey(String routeKey) {
    return routeKey == null ? null : byRouteKey.get(routeKey);
  }

  /** The value of the most specific pattern matching a path already split into segments, or null. */
  public T byPath(String method, List<String> segments) {
    for (Map.Entry<RoutePattern, T> entry : patterns) {
      if (entry.getKey().matches(method, segments)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** Exact route key first, then patterns over {@code path} (split here, only when there are patterns). */
  public T lookup(String method, String routeKey, String path) {
    T exact = byRouteKey(routeKey);
    if (exact != null || patterns.isEmpty()) {
      return exact;
    }
    return byPath(method, RoutePattern.segmentsOf(path));
  }

  /** Collects routes; a route listed twice or malformed fails at once, naming the setting and the route. */
  public static final class Builder<T> {
    private final String setting;
    private final Map<String, T> byRouteKey = new LinkedHashMap<>();
    private final List<Map.Entry<RoutePattern, T>> patterns = new ArrayList<>();

    private Builder(String setting) {
      this.setting = setting;
    }

    public Builder<T> put(String route, T value) {
      RoutePattern pattern = RoutePattern.compile(route);
      if (byRouteKey.putIfAbsent(route, value) != null) {
        throw new IllegalArgumentException(setting + ": route listed twice: " + route);
      }
      patterns.add(Map.entry(pattern, value));
      return this;
    }

    public boolean isEmpty() {
      return byRouteKey.isEmpty();
    }

    public RouteTable<T> build() {
      List<Map.Entry<RoutePattern, T>> sorted = new ArrayList<>(patterns);
      sorted.sort((x, y) -> RoutePattern.bySpecificity(x.getKey(), y.getKey()));
      return new RouteTable<>(Map.copyOf(byRouteKey), List.copyOf(sorted));
    }
  }
}
