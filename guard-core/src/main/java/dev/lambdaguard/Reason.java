package dev.lambdaguard;

import java.util.Objects;

/**
 * A stable, machine-readable reason code for a decision, such as {@code token_expired}.
 *
 * <p>Codes are lower snake case and never change once released: dashboards, alarms and SIEM rules key on
 * them. The kind groups codes for event classification (an authentication failure, an input finding...).
 * The library's own codes are constants in {@link Reasons}; {@link #of} creates a code of your own.
 *
 * @param code the code, {@code [a-z][a-z0-9_]*}, at most 64 characters
 * @param kind what kind of decision the code describes
 */
public record Reason(String code, Kind kind) {

  /** The family a reason belongs to; decides the OCSF class of the event that carries it. */
  public enum Kind {
    /** The caller's identity could not be established (bad, missing or expired credentials). */
    AUTHENTICATION,
    /** The caller is known but not allowed. */
    AUTHORIZATION,
    /** The request itself is malformed, too large or carries an attack. */
    INPUT,
    /** The caller exceeded a limit. */
    RATE_LIMIT,
    /** A dependency the decision needs is not available. */
    AVAILABILITY,
    /** The guard itself failed; the request was refused (fail closed). */
    INTERNAL,
    /** Anything else, for user-defined interceptors. */
    POLICY;

    private final String code = name().toLowerCase(java.util.Locale.ROOT);

    /** The kind as it appears in events: lower case. */
    public String code() {
      return code;
    }
  }

  public Reason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(kind, "kind");
    if (!isValidCode(code)) {
      throw new IllegalArgumentException("reason code must match [a-z][a-z0-9_]{0,63}: " + code);
    }
  }

  /** A reason code of your own; throws {@link IllegalArgumentException} when the code is not snake case. */
  public static Reason of(String code, Kind kind) {
    return new Reason(code, kind);
  }

  private static boolean isValidCode(String code) {
    int n = code.length();
    if (n == 0 || n > 64 || code.charAt(0) < 'a' || code.charAt(0) > 'z') {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = code.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return code;
  }
}
