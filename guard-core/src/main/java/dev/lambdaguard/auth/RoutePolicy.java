package dev.lambdaguard.auth;

import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.auth.internal.RoutePattern;
import dev.lambdaguard.internal.RouteTable;
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

  private static final RoutePolicy AUTHENTICATED_ONLY =
      new RoutePolicy(RouteTable.<RouteRequirement>builder("routes").build(), false);

  private final RouteTable<RouteRequirement> routes;
  private final boolean denyUnlisted;
  private final RouteRequirement unlisted;

  private RoutePolicy(RouteTable<RouteRequirement> routes, boolean denyUnlisted) {
    this(routes, denyUnlisted, RouteRequirement.authenticated());
  }

  private RoutePolicy(RouteTable<RouteRequirement> routes, boolean denyUnlisted, RouteRequirement unlisted) {
    this.routes = routes;
    this.denyUnlisted = denyUnlisted;
    this.unlisted = unlisted;
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
    RouteRequirement listed = routes.lookup(request.method(), request.routeKey(), request.path());
    if (listed != null) {
      return listed;
    }
    return denyUnlisted ? null : unlisted;
  }

  /** Builds a policy; routes are checked as they are added and fail with a message naming the route. */
  public static final class Builder {
    private final RouteTable.Builder<RouteRequirement> routes = RouteTable.builder("routes");
    private boolean denyUnlisted;
    private RouteRequirement unlisted = RouteRequirement.authenticated();

    private Builder() {}

    public Builder route(String route, RouteRequirement requirement) {
      routes.put(route, Objects.requireNonNull(requirement, "requirement"));
      return this;
    }

    /** Refuses routes that are not listed (403 route_not_allowed). */
    public Builder denyUnlisted() {
      this.denyUnlisted = true;
      return this;
    }

    /** What a route that is not listed needs (by default any authenticated caller), unless unlisted routes are denied. */
    public Builder unlisted(RouteRequirement requirement) {
      this.unlisted = Objects.requireNonNull(requirement, "unlisted");
      return this;
    }

    public RoutePolicy build() {
      return new RoutePolicy(routes.build(), denyUnlisted, unlisted);
    }
  }
}
