package dev.lambdaguard.config;

import java.util.Objects;

/**
 * One configured value and where it came from ({@code GUARD_RATE_LIMIT}, {@code @RateLimit(value) on
 * com.example.Handler}, {@code guard.json rateLimit.limit}), so that a bad value fails naming its source.
 *
 * @param text the value as written (a list comma-separated)
 * @param origin where it was written, for messages
 */
public record ConfigValue(String text, String origin) {
  public ConfigValue {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(origin, "origin");
  }

  @Override
  public String toString() {
    return origin; // a value may be a secret's name or a URL with credentials: messages name the origin only
  }
}
