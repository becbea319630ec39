package dev.lambdaguard.aws.iam;

import java.util.Locale;

/** How bad a finding is; the linter fails a build at or above a chosen level ({@code high} by default). */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH;

  /** The lower-case name used in output and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The severity named {@code label} (any case). */
  public static Severity of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
