package dev.lambdaguard.config;

import dev.lambdaguard.ratelimit.RateLimitBackend;
import java.time.Duration;

/**
 * Makes the shared rate-limit backend that {@code rateLimit.redisUrl} names; found through
 * {@link java.util.ServiceLoader}, so that guard-aws brings Redis without guard-core knowing it. Looked up only when
 * the setting is given.
 */
public interface RateLimitBackendFactory extends Plugins.Named {

  /** The kind of store: {@code redis}. */
  String name();

  /**
   * A backend for {@code url}; it connects at first use, not now.
   *
   * @param commandTimeout the longest a command may take, or null for the backend's default
   * @throws IllegalArgumentException when the URL or timeout is wrong, naming what and never a password
   */
  RateLimitBackend create(String url, Duration commandTimeout);
}
