package dev.lambdaguard.auth.internal;

import dev.lambdaguard.Reasons;
import java.util.List;
import java.util.Set;

/**
 * The claim checks of a token: a pure function of the claims, the policy and the time.
 *
 * <p>Order, as strict resource servers apply it: required claims, expiry, not-before and issued-at (with
 * the clock skew), issuer (exact match), audience (or the Cognito client id), token use, maximum age.
 *
 * @param issuer the exact expected issuer
 * @param audiences accepted audiences; empty when the token type carries none (Cognito access tokens)
 * @param clientIds accepted client ids; empty when not checked
 * @param tokenUse the required {@code token_use} claim (Cognito: {@code access} or {@code id}), or null
 * @param skewSeconds allowed clock skew
 * @param maxAgeSeconds maximum age since {@code iat}, or 0 for none
 * @param requiredClaims claims that must be present
 */
public record ClaimsCheck(
    String issuer,
    Set<String> audiences,
    Set<String> clientIds,
    String tokenUse,
    long skewSeconds,
    long maxAgeSeconds,
    Set<String> requiredClaims) {

  public ClaimsCheck {
    audiences = Set.copyOf(audiences);
    clientIds = Set.copyOf(clientIds);
    requiredClaims = Set.copyOf(requiredClaims);
  }

  /** Checks everything; throws {@link Refused} at the first failure. */
  public void check(TokenClaims claims, long nowSeconds) {
    if (claims.expiresAt() == TokenClaims.ABSENT) {
      throw Refused.of(Reasons.CLAIM_MISSING, "the token has no expiry");
    }
    for (String name : requiredClaims) {
      if (claims.all().get(name) == null) {
        throw Refused.of(Reasons.CLAIM_MISSING, "a required claim is missing");
      }
    }
    checkTime(claims, nowSeconds);
    if (issuer != null && !issuer.equals(claims.issuer())) {
      throw Refused.of(Reasons.ISSUER_MISMATCH, "the token is from another issuer");
    }
    if (!audiences.isEmpty() && !containsAny(claims.audiences(), audiences)) {
      throw Refused.of(Reasons.AUDIENCE_MISMATCH, "the token is for another audience");
    }
    if (!clientIds.isEmpty() && (claims.clientId() == null || !clientIds.contains(claims.clientId()))) {
      throw Refused.of(Reasons.AUDIENCE_MISMATCH, "the token is for another client");
    }
    if (tokenUse != null && !tokenUse.equals(claims.tokenUse())) {
      throw Refused.of(Reasons.TOKEN_TYPE_INVALID, "the token is not of the required use");
    }
  }

  /**
   * The time checks alone, which a cached token must pass again on every use.
   */
  public void checkTime(TokenClaims claims, long nowSeconds) {
    if (nowSeconds >= saturatedAdd(claims.expiresAt(), skewSeconds)) {
      throw Refused.of(Reasons.TOKEN_EXPIRED, "the token has expired");
    }
    if (claims.notBefore() != TokenClaims.ABSENT && claims.notBefore() > nowSeconds + skewSeconds) {
      throw Refused.of(Reasons.TOKEN_NOT_YET_VALID, "the token is not valid yet");
    }
    if (claims.issuedAt() != TokenClaims.ABSENT && claims.issuedAt() > nowSeconds + skewSeconds) {
      throw Refused.of(Reasons.TOKEN_NOT_YET_VALID, "the token was issued in the future");
    }
    if (maxAgeSeconds > 0) {
      if (claims.issuedAt() == TokenClaims.ABSENT) {
        throw Refused.of(Reasons.CLAIM_MISSING, "the token has no issue time");
      }
      if (nowSeconds - claims.issuedAt() > maxAgeSeconds + skewSeconds) {
        throw Refused.of(Reasons.TOKEN_EXPIRED, "the token is older than the maximum age");
      }
    }
  }

  private static boolean containsAny(List<String> values, Set<String> accepted) {
    for (String value : values) {
      if (accepted.contains(value)) {
        return true;
      }
    }
    return false;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}
