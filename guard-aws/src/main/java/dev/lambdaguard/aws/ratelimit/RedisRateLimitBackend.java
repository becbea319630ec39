package dev.lambdaguard.aws.ratelimit;

import dev.lambdaguard.Clock;
import dev.lambdaguard.aws.redis.RedisConnector;
import dev.lambdaguard.aws.redis.RedisOptions;
import dev.lambdaguard.ratelimit.RateLimitBackend;
import dev.lambdaguard.ratelimit.RateLimitRule;
import dev.lambdaguard.ratelimit.RateProbe;
import dev.lambdaguard.ratelimit.internal.Buckets;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Buckets in Redis (Amazon ElastiCache for Redis, Valkey) shared by every execution environment, through
 * bucket4j's Lettuce integration: the limit holds for the fleet, not per environment.
 *
 * <p>The client is created at the first check, once per environment, and reused (creating it, with Netty
 * and Lettuce's classes, takes about a second on a cold JVM: the first check pays it). Commands time out after
 * {@code commandTimeout} (100 ms by default) and are refused at once while the connection is down, so a
 * Redis outage costs a request at most that long; the policy then falls back to local buckets or fails
 * closed. After a failed connect the next attempt waits {@code reconnectBackoff}; a connection that fails
 * three commands in a row (dead after a freeze, without a reset) is dropped and made again. Keys carry a prefix and
 * expire once their bucket would be full again (plus a margin), so Redis memory stays bounded by the number
 * of active callers.
 *
 * <p>bucket4j's Lettuce integration is compare-and-swap based: a check is a read and a scripted write, two
 * round trips on a cold key and on contention.
 */
public final class RedisRateLimitBackend implements RateLimitBackend, AutoCloseable {

  public static final Duration DEFAULT_COMMAND_TIMEOUT = RedisOptions.DEFAULT_COMMAND_TIMEOUT;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = RedisOptions.DEFAULT_CONNECT_TIMEOUT;
  public static final Duration DEFAULT_RECONNECT_BACKOFF = RedisOptions.DEFAULT_RECONNECT_BACKOFF;
  public static final String DEFAULT_KEY_PREFIX = "lambdaguard:rl:";

  private final RedisConnector redis;
  private final String keyPrefix;
  private volatile ProxyManager<byte[]> buckets;
  private volatile StatefulRedisConnection<byte[], byte[]> managerConnection;

  private RedisRateLimitBackend(Builder b) {
    this.redis = b.options.connector(b.redisUri);
    this.keyPrefix = b.options.keyPrefix();
  }

  /** A backend for {@code redis://host:port} (or {@code rediss://} for TLS, as ElastiCache in transit encryption needs). */
  public static Builder builder(String redisUri) {
    return new Builder(redisUri);
  }

  @Override
  public RateProbe tryConsume(String key, RateLimitRule rule) {
    try {
      RateProbe probe = Buckets.probe(buckets().builder()
          .build(redisKey(key, rule), (BucketConfiguration) rule.bucketConfiguration())
          .tryConsumeAndReturnRemaining(1));
      redis.succeeded();
      return probe;
    } catch (RuntimeException e) {
      redis.failed();
      // Lettuce's and bucket4j's messages may name the key; only the kind of failure is kept.
      throw new RateLimitBackendException("Redis rate-limit check failed: " + e.getClass().getSimpleName(), null);
    }
  }

  /**
   * The Redis key: prefix, the rule's fingerprint (changed limits start new buckets rather than keeping the
   * old limit in existing ones), the caller key.
   */
  private byte[] redisKey(String key, RateLimitRule rule) {
    return (keyPrefix + rule.fingerprint() + ":" + key).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void charge(String key, RateLimitRule rule, long tokens) {
    try {
      buckets().builder().build(redisKey(key, rule), (BucketConfiguration) rule.bucketConfiguration())
          .consumeIgnoringRateLimits(tokens);
      redis.succeeded();
    } catch (RuntimeException e) {
      redis.failed();
      throw new RateLimitBackendException("Redis rate-limit charge failed: " + e.getClass().getSimpleName(), null);
    }
  }

  private ProxyManager<byte[]> buckets() {
    ProxyManager<byte[]> manager = buckets;
    StatefulRedisConnection<byte[], byte[]> connection = redis.connection();
    if (manager == null || connection != managerConnection) {
      managerConnection = connection;
      manager = Bucket4jLettuce.casBasedBuilder(connection)
          .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
          .requestTimeout(redis.commandTimeout())
          .build();
      buckets = manager;
    }
    return manager;
  }

  /** Closes the connection and the client (tests, or an orderly shutdown). */
  @Override
  public void close() {
    buckets = null;
    redis.close();
  }

  /** Configures a backend; validation happens here, at init. */
  public static final class Builder {
    private final String redisUri;
    private RedisOptions options = RedisOptions.defaults("rateLimit", DEFAULT_KEY_PREFIX);

    private Builder(String redisUri) {
      this.redisUri = Objects.requireNonNull(redisUri, "redisUri");
      options.connector(redisUri); // validates the URI now
    }

    /** The prefix of every key, so that several functions can share one Redis (default {@code lambdaguard:rl:}). */
    public Builder keyPrefix(String prefix) {
      options = options.withKeyPrefix(prefix);
      return this;
    }

    /** How long one check may take before the fallback applies; 10 ms to 2 s. */
    public Builder commandTimeout(Duration timeout) {
      options = options.withCommandTimeout(timeout);
      return this;
    }

    /** How long a connect may take; 10 ms to 5 s. */
    public Builder connectTimeout(Duration timeout) {
      options = options.withConnectTimeout(timeout);
      return this;
    }

    /** How long after a failed connect the next one is tried; 0 to 5 min. */
    public Builder reconnectBackoff(Duration backoff) {
      options = options.withReconnectBackoff(backoff);
      return this;
    }

    public Builder clock(Clock clock) {
      options = options.withClock(clock);
      return this;
    }

    public RedisRateLimitBackend build() {
      return new RedisRateLimitBackend(this);
    }
  }
}
