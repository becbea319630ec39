package dev.lambdaguard.auth.internal;

import dev.lambdaguard.Reason;

/**
 * Thrown inside token verification to stop at the first failed check; caught at the authenticator's
 * boundary and turned into a denial. Stackless and cheap: attackers trigger it at will.
 */
public final class Refused extends RuntimeException {

  private final transient Refusal refusal;

  private Refused(Refusal refusal) {
    super(refusal.detail(), null, false, false);
    this.refusal = refusal;
  }

  public static Refused of(Reason reason, String detail) {
    return new Refused(new Refusal(reason, detail));
  }

  public Refusal refusal() {
    return refusal;
  }
}
