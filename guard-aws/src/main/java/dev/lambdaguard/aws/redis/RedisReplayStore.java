package dev.lambdaguard.aws.redis;

import dev.lambdaguard.Clock;
import dev.lambdaguard.auth.ReplayStore;
import io.lettuce.core.SetArgs;
import java.nio.charset.StandardCharsets;

/**
 * Token ids ({@code jti}) and DPoP proof ids remembered in Redis, so that a token replayed to another
 * execution environment is refused too: one {@code SET key NX EX} per use, which is atomic, so two
 * environments racing with the same id cannot both win. Keys expire when the token can no longer be
 * accepted. When Redis cannot answer, the check fails closed (the token is refused with 503).
 */
public final class RedisReplayStore implements ReplayStore, AutoCloseable {

  static final long CLOCK_SKEW_MARGIN_SECONDS = 5;

  private final RedisConnector redis;
  private final String keyPrefix;
  private final Clock clock;

  private RedisReplayStore(RedisConnector redis, String keyPrefix, Clock clock) {
    this.redis = redis;
    this.keyPrefix = keyPrefix;
    this.clock = clock;
  }

  /** A store in the Redis at {@code redisUri}, keys under {@code keyPrefix}, with 100 ms command timeouts. */
  public static RedisReplayStore create(String redisUri, String keyPrefix) {
    return new RedisReplayStore(RedisOptions.defaults("jwt.replay", keyPrefix).connector(redisUri), keyPrefix,
        Clock.system());
  }

  @Override
  public boolean firstUse(String jti, long expiresAtEpochSeconds) {
    long now = clock.currentTimeMillis() / 1000;
    // Kept through the last acceptable second plus a margin for clock skew between this function and Redis:
    // a relative expiry, so that Redis's own clock does not shorten it.
    long seconds = Math.max(1, expiresAtEpochSeconds - now + 1 + CLOCK_SKEW_MARGIN_SECONDS);
    try {
      String reply = redis.connection().sync().set((keyPrefix + jti).getBytes(StandardCharsets.UTF_8), new byte[] {1},
          SetArgs.Builder.nx().ex(seconds));
      return "OK".equals(reply);
    } catch (RuntimeException e) {
      throw new RedisConnector.Unavailable("Redis replay check failed: " + e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {
    redis.close();
  }
}
