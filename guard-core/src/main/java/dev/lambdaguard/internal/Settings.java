package dev.lambdaguard.internal;

import java.time.Duration;
import java.util.Objects;

/** Validation of configuration values, with messages that name the setting (a bad value fails at init). */
public final class Settings {

  private Settings() {}

  /** {@code value}, when it lies in {@code [min, max]}; else an {@link IllegalArgumentException} naming {@code setting}. */
  public static Duration within(String setting, Duration value, Duration min, Duration max) {
    Objects.requireNonNull(value, setting);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(setting + " must be between " + min + " and " + max + ": " + value);
    }
    return value;
  }

  /** {@code value}, when it lies in {@code [min, max]}; else an {@link IllegalArgumentException} naming {@code setting}. */
  public static int within(String setting, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(setting + " must be between " + min + " and " + max + ": " + value);
    }
    return value;
  }
}
