package dev.lambdaguard.auth;

import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.auth.internal.RoutePattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which caller may use which route. Routes are written as API Gateway writes route keys
 * ({@code GET /orders/{id}}, {@code ANY /admin/{proxy+}}); a request matches by its gateway route key when
 * the gateway gave one, else by method and path. Patterns are compiled once, at build.
 *
 * <p>Without an exact route key the most specific pattern wins, as in API Gateway: literal segments before
 * {@code {param}}, before {@code {proxy+}}. A path with dot segments or encoded slashes matches no route and
 * is refused, whatever the policy. An unlisted route needs an authenticated caller, or, with
 * {@link Builder#denyUnlisted()}, is refused (least privilege). Immutable and thread-safe.
 */
public final class RoutePolicy {

  private static final RoutePolicy AUTHENTICATED_ONLY = new RoutePolicy(Map.of(), List.of(), false);

  private final Map<String, RouteRequirement> byRouteKey;
  private final List<Map.Entry<RoutePattern, RouteRequirement>> patterns;
  private final boolean denyUnlisted;

  private RoutePolicy(Map<String, RouteRequirement> byRouteKey,
      List<Map.Entry<RoutePattern, RouteRequirement>> patterns, boolean denyUnlisted) {
    this.byRouteKey = byRouteKey;
    this.patterns = patterns;
    this.denyUnlisted = denyUnlisted;
  }

  /** Every route open to any authenticated caller. */
  public static RoutePolicy authenticatedOnly() {
    return AUTHENTICATED_ONLY;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The requirement for a request: the route's own, {@link RouteRequirement#authenticated()} for an
   * unlisted route, or null when unlisted routes are denied.
   */
  public RouteRequirement requirementFor(GuardRequest request) {
    if (RoutePattern.isAmbiguous(request.path())) {
      // A path that normalizes to another one could reach a route whose rules it was not matched against.
      return null;
    }
    String routeKey = request.routeKey();
    if (routeKey != null) {
      RouteRequirement exact = byRouteKey.get(routeKey);
      if (exact != null) {
        return exact;
      }
    }
    List<String> parts = patterns.isEmpty() ? List.of() : RoutePattern.segmentsOf(request.path());
    for (Map.Entry<RoutePattern, RouteRequirement> entry : patterns) {
      if (entry.getKey().matches(request.method(), parts)) {
        return entry.getValue();
      }
    }
    return denyUnlisted ? null : RouteRequirement.authenticated();
  }

  /** Builds a policy; routes are checked as they are added and fail with a message naming the route. */
  public static final class Builder {
    private final Map<String, RouteRequirement> byRouteKey = new LinkedHashMap<>();
    private final List<Map.Entry<RoutePattern, RouteRequirement>> patterns = new ArrayList<>();
    private boolean denyUnlisted;

    private Builder() {}

    public Builder route(String route, RouteRequirement requirement) {
      Objects.requireNonNull(requirement, "requirement");
      RoutePattern pattern = RoutePattern.compile(route);
      if (byRouteKey.putIfAbsent(route, requirement) != null) {
        throw new IllegalArgumentException("route listed twice: " + route);
      }
      patterns.add(Map.entry(pattern, requirement));
      return this;
    }

    /** Refuses routes that are not listed (403 route_not_allowed). */
    public Builder denyUnlisted() {
      this.denyUnlisted = true;
      return this;
    }

    public RoutePolicy build() {
      List<Map.Entry<RoutePattern, RouteRequirement>> sorted = new ArrayList<>(patterns);
      sorted.sort((x, y) -> RoutePattern.bySpecificity(x.getKey(), y.getKey()));
      return new RoutePolicy(Map.copyOf(byRouteKey), List.copyOf(sorted), denyUnlisted);
    }
  }
}
