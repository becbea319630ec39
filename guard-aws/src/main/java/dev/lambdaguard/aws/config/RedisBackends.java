package dev.lambdaguard.aws.config;

import dev.lambdaguard.anomaly.SharedFailures;
import dev.lambdaguard.aws.anomaly.RedisSharedFailures;
import dev.lambdaguard.aws.ratelimit.RedisRateLimitBackend;
import dev.lambdaguard.config.RateLimitBackendFactory;
import dev.lambdaguard.config.SharedFailuresFactory;
import dev.lambdaguard.ratelimit.RateLimitBackend;
import java.time.Duration;

/**
 * The fleet-wide stores on Redis (ElastiCache, Valkey), with their default timeouts, each connecting at first use:
 * {@code rateLimit.redisUrl}, the rate-limit backend, and {@code anomaly.redisUrl}, the shared count of failed
 * authentications. Needs lettuce (an optional dependency of guard-aws) on the class path.
 */
public final class RedisBackends implements RateLimitBackendFactory, SharedFailuresFactory {

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public RateLimitBackend create(String url, Duration commandTimeout) {
    try {
      RedisRateLimitBackend.Builder builder = RedisRateLimitBackend.builder(url);
      return (commandTimeout == null ? builder : builder.commandTimeout(commandTimeout)).build();
    } catch (NoClassDefFoundError e) {
      throw new IllegalStateException("the Redis backend needs io.lettuce:lettuce-core and "
          + "com.bucket4j:bucket4j_jdk17-lettuce on the class path", e);
    }
  }

  @Override
  public SharedFailures create(String url) {
    try {
      return RedisSharedFailures.builder(url).build();
    } catch (NoClassDefFoundError e) {
      throw new IllegalStateException("the shared failure count needs io.lettuce:lettuce-core on the class path", e);
    }
  }
}
