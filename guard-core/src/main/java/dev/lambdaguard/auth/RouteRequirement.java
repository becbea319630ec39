package dev.lambdaguard.auth;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What a caller needs for one route: every listed scope, at least one listed role, and for privileged
 * routes a recent or strong enough authentication (RFC 8176 {@code amr}, {@code acr}, {@code auth_time}).
 * Immutable: each method returns a copy.
 *
 * <pre>{@code
 * RouteRequirement.scopes("orders:write").anyRole("admin", "ops").amr("mfa").maxAuthAge(Duration.ofMinutes(15))
 * }</pre>
 */
public final class RouteRequirement {

  private static final RouteRequirement AUTHENTICATED =
      new RouteRequirement(Set.of(), Set.of(), Set.of(), Set.of(), null);

  private final Set<String> scopes;
  private final Set<String> anyRoles;
  private final Set<String> amr;
  private final Set<String> acr;
  private final Duration maxAuthAge;

  private RouteRequirement(Set<String> scopes, Set<String> anyRoles, Set<String> amr, Set<String> acr, Duration maxAuthAge) {
    this.scopes = scopes;
    this.anyRoles = anyRoles;
    this.amr = amr;
    this.acr = acr;
    this.maxAuthAge = maxAuthAge;
  }

  /** Any authenticated caller. */
  public static RouteRequirement authenticated() {
    return AUTHENTICATED;
  }

  /** Callers holding every one of {@code scopes}. */
  public static RouteRequirement scopes(String... scopes) {
    return AUTHENTICATED.andScopes(scopes);
  }

  /** Callers in at least one of {@code roles}. */
  public static RouteRequirement roles(String... roles) {
    return AUTHENTICATED.anyRole(roles);
  }

  public RouteRequirement andScopes(String... more) {
    return new RouteRequirement(union(scopes, more), anyRoles, amr, acr, maxAuthAge);
  }

  public RouteRequirement anyRole(String... roles) {
    return new RouteRequirement(scopes, union(anyRoles, roles), amr, acr, maxAuthAge);
  }

  /** Requires one of these authentication methods in {@code amr}, e.g. {@code mfa}, {@code otp}, {@code hwk}. */
  public RouteRequirement amr(String... methods) {
    return new RouteRequirement(scopes, anyRoles, union(amr, methods), acr, maxAuthAge);
  }

  /** Requires {@code acr} to be one of these values. */
  public RouteRequirement acr(String... values) {
    return new RouteRequirement(scopes, anyRoles, amr, union(acr, values), maxAuthAge);
  }

  /** Requires the user to have authenticated at most this long ago ({@code auth_time}). */
  public RouteRequirement maxAuthAge(Duration age) {
    if (Objects.requireNonNull(age, "maxAuthAge").isNegative() || age.isZero()) {
      throw new IllegalArgumentException("maxAuthAge must be positive: " + age);
    }
    return new RouteRequirement(scopes, anyRoles, amr, acr, age);
  }

  public Set<String> scopes() {
    return scopes;
  }

  public Set<String> anyRoles() {
    return anyRoles;
  }

  public Set<String> amrValues() {
    return amr;
  }

  public Set<String> acrValues() {
    return acr;
  }

  /** The maximum authentication age, or null. */
  public Duration maxAuthAge() {
    return maxAuthAge;
  }

  private static Set<String> union(Set<String> existing, String... more) {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>(existing);
    for (String value : more) {
      if (Objects.requireNonNull(value, "value").isBlank() || value.contains(" ")) {
        throw new IllegalArgumentException("scope, role, amr and acr values are single words: '" + value + "'");
      }
      out.add(value);
    }
    return Set.copyOf(out);
  }

  @Override
  public String toString() {
    return "RouteRequirement[scopes=" + scopes + ", anyRoles=" + anyRoles + ", amr=" + amr + ", acr=" + acr
        + ", maxAuthAge=" + maxAuthAge + "]";
  }
}
