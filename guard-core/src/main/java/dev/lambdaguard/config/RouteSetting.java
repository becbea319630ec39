package dev.lambdaguard.config;

/**
 * One setting of a single route ({@code GET /orders/{id}}), from a {@code @Route} annotation or the {@code routes}
 * object of {@code guard.json}. A route's scopes add to the guard-wide ones; its roles, schema and mode replace them.
 */
public enum RouteSetting {
  SCOPES("scopes", "scopes this route needs besides jwt.scopes, comma-separated"),
  ROLES("roles", "roles of which this route needs one, instead of jwt.roles, comma-separated"),
  RATE_LIMIT("rateLimit", "limits per caller on this route, e.g. 5/1m"),
  SCHEMA("schema", "JSON Schema (class-path resource) of this route's body"),
  RICH_TEXT("richText", "JSON body fields holding rich text on this route, comma-separated"),
  MODE("mode", "block, monitor or off for this route's injection findings"),
  ALLOW("allow", "fields allowed to carry categories on this route: field=cat+cat, comma-separated");

  private final String key;
  private final String description;

  RouteSetting(String key, String description) {
    this.key = key;
    this.description = description;
  }

  /** The key inside a route's object in {@code guard.json}. */
  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  /** The route setting with this key, or null. */
  public static RouteSetting byKey(String key) {
    for (RouteSetting s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    return null;
  }
}
