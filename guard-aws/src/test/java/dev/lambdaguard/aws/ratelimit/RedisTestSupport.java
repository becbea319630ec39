package dev.lambdaguard.aws.ratelimit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Redis the tests run against: {@code GUARD_TEST_REDIS_URL}, by default {@code redis://127.0.0.1:6379}.
 * When it is unreachable the Redis tests are skipped with a loud message, unless {@code GUARD_REQUIRE_REDIS=1}
 * (CI sets it), which turns that into a failure.
 */
final class RedisTestSupport {

  private RedisTestSupport() {}

  static String url() {
    String configured = System.getenv("GUARD_TEST_REDIS_URL");
    return configured != null && !configured.isBlank() ? configured : "redis://127.0.0.1:6379";
  }

  static void requireRedis() {
    URI uri = URI.create(url());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379), 500);
    } catch (IOException e) {
      String message = "REDIS NOT REACHABLE at " + url() + ": the distributed rate-limit tests cannot run ("
          + e.getClass().getSimpleName() + ")";
      if ("1".equals(System.getenv("GUARD_REQUIRE_REDIS"))) {
        Assertions.fail(message + " and GUARD_REQUIRE_REDIS=1");
      }
      System.err.println("*** " + message + "; SKIPPED. Set GUARD_REQUIRE_REDIS=1 to fail instead. ***");
      Assumptions.abort(message);
    }
  }

  /** A key prefix of its own for each test, so that runs never share buckets. */
  static String freshPrefix() {
    return "lambdaguard-test:" + Long.toHexString(System.nanoTime()) + ":";
  }
}
