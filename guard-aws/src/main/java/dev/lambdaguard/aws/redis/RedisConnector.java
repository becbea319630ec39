package dev.lambdaguard.aws.redis;

import dev.lambdaguard.Clock;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Duration;

/**
 * One Redis connection per execution environment, made at first use and shared: short timeouts for the
 * connect handshake and every command, commands refused at once while disconnected (no queueing behind a
 * dead connection), and a back-off after a failed connect so that an outage costs each request nothing
 * more. Thread-safe.
 */
public final class RedisConnector implements AutoCloseable {

  /** Redis cannot be used right now; the message names only the kind of failure. */
  public static final class Unavailable extends RuntimeException {
    public Unavailable(String message) {
      super(message, null, false, false);
    }
  }

  private final RedisURI uri;
  private final Duration commandTimeout;
  private final Duration connectTimeout;
  private final long backoffNanos;
  private final Clock clock;
  private volatile StatefulRedisConnection<byte[], byte[]> connection;
  private RedisClient client;
  private long lastFailure = Long.MIN_VALUE;
  private final java.util.concurrent.atomic.AtomicInteger consecutiveFailures = new java.util.concurrent.atomic.AtomicInteger();

  /** After this many failed commands in a row the connection is dropped and made again (it may be dead). */
  static final int MAX_CONSECUTIVE_FAILURES = 3;

  public RedisConnector(String redisUri, Duration commandTimeout, Duration connectTimeout, Duration backoff, Clock clock) {
    try {
      this.uri = RedisURI.create(redisUri);
    } catch (IllegalArgumentException e) {
      // Neither the URI nor Lettuce's message (which repeats it) is kept: the URI may carry a password.
      throw new IllegalArgumentException("redis: not a Redis URI (redis://host:port)");
    }
    this.commandTimeout = commandTimeout;
    this.connectTimeout = connectTimeout;
    this.backoffNanos = backoff.toNanos();
    this.clock = clock;
  }

  public Duration commandTimeout() {
    return commandTimeout;
  }

  /** The connection, made now if needed; throws {@link Unavailable} when Redis cannot be reached. */
  public StatefulRedisConnection<byte[], byte[]> connection() {
    StatefulRedisConnection<byte[], byte[]> c = connection;
    return c != null ? c : connect();
  }

  private synchronized StatefulRedisConnection<byte[], byte[]> connect() {
    if (connection != null) {
      return connection;
    }
    long now = clock.nanoTime();
    if (lastFailure != Long.MIN_VALUE && now - lastFailure < backoffNanos) {
      throw new Unavailable("Redis is unreachable; not retried yet");
    }
    try {
      if (client == null) {
        // The URI's timeout bounds the connect handshake (HELLO and client info), which a slow Redis would
        // otherwise stretch to a minute.
        uri.setTimeout(commandTimeout);
        client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout)
                .keepAlive(SocketOptions.KeepAliveOptions.builder().enable().idle(Duration.ofSeconds(30))
                    .interval(Duration.ofSeconds(10)).count(3).build())
                .build())
            .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
            .build());
      }
      StatefulRedisConnection<byte[], byte[]> c = client.connect(ByteArrayCodec.INSTANCE);
      c.setTimeout(commandTimeout);
      connection = c;
      return c;
    } catch (RuntimeException e) {
      lastFailure = now;
      throw new Unavailable("Redis is unreachable: " + e.getClass().getSimpleName());
    }
  }

  /** A command succeeded. */
  public void succeeded() {
    consecutiveFailures.set(0);
  }

  /**
   * A command failed. After a Lambda freeze, a connection can die without a FIN or RST (an idle NAT or
   * conntrack drop): Lettuce still believes it connected and every command times out. Failing several
   * times in a row drops it, so the next use reconnects (within the back-off).
   */
  public void failed() {
    if (consecutiveFailures.incrementAndGet() >= MAX_CONSECUTIVE_FAILURES) {
      consecutiveFailures.set(0);
      synchronized (this) {
        if (connection != null) {
          connection.closeAsync();
          connection = null;
        }
      }
    }
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
    if (client != null) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
      client = null;
    }
  }
}
