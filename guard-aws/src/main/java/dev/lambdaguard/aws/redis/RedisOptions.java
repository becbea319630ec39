package dev.lambdaguard.aws.redis;

import dev.lambdaguard.Clock;
import dev.lambdaguard.internal.Settings;
import java.time.Duration;
import java.util.Objects;

/**
 * The connection settings every Redis-backed store takes (rate limits, the shared failure count), validated by the
 * constructor (so {@link #defaults}, each {@code with…} and a direct {@code new} all check the same rules once) and
 * named by the store's setting scope ({@code rateLimit.redis.commandTimeout}); immutable.
 *
 * @param scope the settings' prefix in error messages, e.g. {@code rateLimit}
 * @param keyPrefix the prefix of every key: 1 to 64 characters
 * @param commandTimeout how long one command may take: 10 ms to 2 s
 * @param connectTimeout how long a connect may take: 10 ms to 5 s
 * @param reconnectBackoff how long after a failed connect the next one is tried: 0 to 5 min
 * @param clock the clock of the connect back-off
 */
public record RedisOptions(String scope, String keyPrefix, Duration commandTimeout, Duration connectTimeout,
    Duration reconnectBackoff, Clock clock) {

  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(100);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(200);
  public static final Duration DEFAULT_RECONNECT_BACKOFF = Duration.ofSeconds(5);

  /**
   * Checks every value, whichever way the options are made.
   *
   * @throws IllegalArgumentException when a value is out of range or the key prefix is missing, naming the setting
   *     (never the key prefix's text)
   * @throws NullPointerException when another value is null, naming it
   */
  public RedisOptions {
    Objects.requireNonNull(scope, "scope");
    if (keyPrefix == null || keyPrefix.isBlank() || keyPrefix.length() > 64) {
      throw new IllegalArgumentException(scope + ".redis.keyPrefix must be 1 to 64 characters");
    }
    Settings.within(scope + ".redis.commandTimeout", commandTimeout, Duration.ofMillis(10), Duration.ofSeconds(2));
    Settings.within(scope + ".redis.connectTimeout", connectTimeout, Duration.ofMillis(10), Duration.ofSeconds(5));
    Settings.within(scope + ".redis.reconnectBackoff", reconnectBackoff, Duration.ZERO, Duration.ofMinutes(5));
    Objects.requireNonNull(clock, "clock");
  }

  /** The defaults: 100 ms commands, 200 ms connects, 5 s back-off, the system clock. */
  public static RedisOptions defaults(String scope, String keyPrefix) {
    return new RedisOptions(scope, keyPrefix, DEFAULT_COMMAND_TIMEOUT, DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_RECONNECT_BACKOFF, Clock.system());
  }

  /** The prefix of every key, so that several functions can share one Redis: 1 to 64 characters. */
  public RedisOptions withKeyPrefix(String prefix) {
    return new RedisOptions(scope, prefix, commandTimeout, connectTimeout, reconnectBackoff, clock);
  }

  /** How long one command may take: 10 ms to 2 s. */
  public RedisOptions withCommandTimeout(Duration timeout) {
    return new RedisOptions(scope, keyPrefix, timeout, connectTimeout, reconnectBackoff, clock);
  }

  /** How long a connect may take: 10 ms to 5 s. */
  public RedisOptions withConnectTimeout(Duration timeout) {
    return new RedisOptions(scope, keyPrefix, commandTimeout, timeout, reconnectBackoff, clock);
  }

  /** How long after a failed connect the next one is tried: 0 to 5 min. */
  public RedisOptions withReconnectBackoff(Duration backoff) {
    return new RedisOptions(scope, keyPrefix, commandTimeout, connectTimeout, backoff, clock);
  }

  /** The clock of the connect back-off (tests). */
  public RedisOptions withClock(Clock clock) {
    return new RedisOptions(scope, keyPrefix, commandTimeout, connectTimeout, reconnectBackoff, clock);
  }

  /** A connector to {@code redisUri} with these settings; it validates the URI now and connects at first use. */
  public RedisConnector connector(String redisUri) {
    return new RedisConnector(redisUri, commandTimeout, connectTimeout, reconnectBackoff, clock);
  }
}
