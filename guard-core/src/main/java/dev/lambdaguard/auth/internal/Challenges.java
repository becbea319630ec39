package dev.lambdaguard.auth.internal;

import dev.lambdaguard.Denial;
import dev.lambdaguard.Reason;
import dev.lambdaguard.Reasons;
import java.util.Set;

/**
 * Denials for authentication and authorization, with the RFC 6750 / RFC 9470 {@code WWW-Authenticate}
 * challenge that tells a client what went wrong. Descriptions are fixed texts, never token content.
 */
public final class Challenges {

  private Challenges() {}

  /** The denial for a refused token. */
  public static Denial refused(String realm, Refusal refusal) {
    Reason reason = refusal.reason();
    if (reason.kind() == Reason.Kind.AVAILABILITY) {
      return Denial.of(503, reason, "The credentials cannot be checked right now.").withHeader("Retry-After", "5");
    }
    if (reason.equals(Reasons.TOKEN_MISSING)) {
      return Denial.unauthorized(reason, "A bearer token is required.")
          .withHeader("WWW-Authenticate", "Bearer realm=" + quote(realm));
    }
    if (reason.equals(Reasons.TOKEN_AMBIGUOUS)) {
      return Denial.badRequest(reason, "The request must carry exactly one bearer token, in the Authorization header.")
          .withHeader("WWW-Authenticate", "Bearer realm=" + quote(realm) + ", error=\"invalid_request\", error_description="
              + quote(refusal.detail()));
    }
    if (reason.equals(Reasons.DPOP_PROOF_INVALID)) {
      return Denial.unauthorized(reason, "The DPoP proof is not valid.")
          .withHeader("WWW-Authenticate", "DPoP realm=" + quote(realm) + ", error=\"invalid_dpop_proof\", error_description="
              + quote(refusal.detail()));
    }
    return Denial.unauthorized(reason, "The bearer token is not valid.")
        .withHeader("WWW-Authenticate", "Bearer realm=" + quote(realm) + ", error=\"invalid_token\", error_description="
            + quote(refusal.detail()));
  }

  /** 403 for missing scopes or roles, naming the scopes the route needs (RFC 6750 §3.1). */
  public static Denial insufficientScope(String realm, Set<String> scopes) {
    String challenge = "Bearer realm=" + quote(realm) + ", error=\"insufficient_scope\""
        + (scopes.isEmpty() ? "" : ", scope=" + quote(String.join(" ", scopes)));
    return Denial.forbidden(Reasons.INSUFFICIENT_SCOPE, "The caller is not allowed to use this route.")
        .withHeader("WWW-Authenticate", challenge);
  }

  /** 401 asking for a stronger or more recent authentication (RFC 9470 §3). */
  public static Denial stepUp(String realm, Set<String> acrValues, long maxAgeSeconds) {
    StringBuilder challenge = new StringBuilder("Bearer realm=").append(quote(realm))
        .append(", error=\"insufficient_user_authentication\"")
        .append(", error_description=\"a stronger or more recent authentication is required\"");
    if (!acrValues.isEmpty()) {
      challenge.append(", acr_values=").append(quote(String.join(" ", acrValues)));
    }
    if (maxAgeSeconds > 0) {
      challenge.append(", max_age=").append(maxAgeSeconds);
    }
    return Denial.unauthorized(Reasons.INSUFFICIENT_USER_AUTHENTICATION,
        "This route requires a stronger or more recent authentication.")
        .withHeader("WWW-Authenticate", challenge.toString());
  }

  /** 403 for a route a deny-by-default policy does not list. */
  public static Denial routeNotAllowed() {
    return Denial.forbidden(Reasons.ROUTE_NOT_ALLOWED, "The caller is not allowed to use this route.");
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
