package dev.lambdaguard.aws.ratelimit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Assertions;

/**
 * The real Redis the tests run against: {@code GUARD_TEST_REDIS_URL}, by default {@code redis://127.0.0.1:6379}.
 * Shared by every Redis test (rate limits, replay ids, shared failure counts). When it is unreachable the Redis tests fail with a message saying how to start it: they are never skipped, since
 * a skipped test would let the distributed limits ship untested.
 */
public final class RedisTestSupport {

  private RedisTestSupport() {}

  public static String url() {
    String configured = System.getenv("GUARD_TEST_REDIS_URL");
    return configured != null && !configured.isBlank() ? configured : "redis://127.0.0.1:6379";
  }

  public static void requireRedis() {
    URI uri = URI.create(url());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379), 500);
    } catch (IOException e) {
      String message = "REDIS NOT REACHABLE at " + url() + ": the distributed rate-limit tests cannot run ("
          + e.getClass().getSimpleName() + ")";
      Assertions.fail(message + ". Start one (redis-server --bind 127.0.0.1) or point GUARD_TEST_REDIS_URL at one.");
    }
  }

  /** A key prefix of its own for each test, so that runs never share buckets. */
  public static String freshPrefix() {
    return "lambdaguard-test:" + Long.toHexString(System.nanoTime()) + ":";
  }
}
