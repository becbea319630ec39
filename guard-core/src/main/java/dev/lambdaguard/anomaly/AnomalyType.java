package dev.lambdaguard.anomaly;

import java.util.Locale;

/** The attack patterns the anomaly detector recognises; the code is the stable {@code anomaly} field of events. */
public enum AnomalyType {
  /** Many failed authentications with many different credentials from one source: stuffing or brute force. */
  CREDENTIAL_STUFFING,
  /** One caller walking many distinct paths: refused probes per source address, or any paths per principal. */
  SCANNING,
  /** One credential presented from more source addresses than one client plausibly has. */
  TOKEN_THEFT,
  /** A route's request rate far above its own recent baseline. */
  VOLUME_SPIKE;

  private final String code = name().toLowerCase(Locale.ROOT);

  /** The type as events carry it, e.g. {@code credential_stuffing}. */
  public String code() {
    return code;
  }
}
