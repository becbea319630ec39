package dev.lambdaguard;

import dev.lambdaguard.internal.Maps;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller, as an authentication interceptor established it.
 *
 * @param subject the subject ({@code sub}) or another stable caller id; never null
 * @param issuer the issuer, or null
 * @param clientId the OAuth client id, or null
 * @param scopes the granted scopes; immutable
 * @param roles the roles or groups; immutable
 * @param claims every claim of the credential; immutable
 */
public record Principal(
    String subject,
    String issuer,
    String clientId,
    Set<String> scopes,
    Set<String> roles,
    Map<String, Object> claims) {

  public Principal {
    Objects.requireNonNull(subject, "subject");
    scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    roles = roles == null ? Set.of() : Set.copyOf(roles);
    claims = Maps.copyWithoutNulls(claims);
  }

  /** Whether every one of {@code required} is granted. */
  public boolean hasScopes(Set<String> required) {
    return scopes.containsAll(required);
  }

  @Override
  public String toString() {
    // Claims may hold personal data: keep them out of accidental logging.
    return "Principal[" + subject + "]";
  }
}
