package dev.lambdaguard.aws.config;

import dev.lambdaguard.aws.ratelimit.RedisRateLimitBackend;
import dev.lambdaguard.config.RateLimitBackendFactory;
import dev.lambdaguard.ratelimit.RateLimitBackend;
import java.time.Duration;

/**
 * {@code rateLimit.redisUrl}: the fleet-wide rate-limit backend on Redis (ElastiCache, Valkey), with its default
 * timeouts; it connects at the first request. Needs lettuce (an optional dependency of guard-aws) on the class path.
 */
public final class RedisBackends implements RateLimitBackendFactory {

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
}
