package dev.lambdaguard.aws.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Denial;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.aws.RecordingSink;
import dev.lambdaguard.config.ConfigurationException;
import dev.lambdaguard.config.GuardConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GUARD_RATE_LIMIT_REDIS_URL makes two execution environments share one limit, on the real Redis. */
class RedisFromConfigurationTest {

  static final class Handler {}

  static String redisUrl() {
    String configured = System.getenv("GUARD_TEST_REDIS_URL");
    return configured != null && !configured.isBlank() ? configured : "redis://127.0.0.1:6379";
  }

  static String decide(Guard guard, String sourceIp) {
    GuardRequest request = GuardRequest.builder("apigw-http-v2").method("GET").path("/orders/1")
        .routeKey("GET /orders/{id}").sourceIp(sourceIp).build();
    return guard.handle(request, Invocation.NONE, c -> "ok") instanceof Denial d ? d.status() + " " + d.reason().code()
        : "allowed";
  }

  @Test
  void twoEnvironmentsConfiguredFromTheirVariablesShareOneLimit() {
    // a timeout a cold test JVM can meet at its first command (loading the client's classes), failing closed so that
    // a limit kept locally cannot pass for a shared one
    Map<String, String> env = Map.of("GUARD_RATE_LIMIT", "2/1m", "GUARD_RATE_LIMIT_REDIS_URL", redisUrl(),
        "GUARD_RATE_LIMIT_REDIS_TIMEOUT", "2s", "GUARD_RATE_LIMIT_ON_BACKEND_FAILURE", "fail-closed");
    Guard first = GuardConfig.load(Handler.class, env, Handler.class.getClassLoader()).guardBuilder()
        .eventSink(new RecordingSink()).build();
    Guard second = GuardConfig.load(Handler.class, env, Handler.class.getClassLoader()).guardBuilder()
        .eventSink(new RecordingSink()).build();
    // a caller of its own in each run (an address from the documentation range, varied), so old buckets do not count
    long n = System.nanoTime();
    String caller = "2001:db8:" + Long.toHexString(n & 0xffff) + ":" + Long.toHexString((n >> 16) & 0xffff) + "::1";
    assertEquals("allowed", decide(first, caller));
    assertEquals("allowed", decide(second, caller));
    assertEquals("429 rate_limited", decide(first, caller));
    assertEquals("429 rate_limited", decide(second, caller));
  }

  @Test
  void aMalformedRedisUrlFailsAtLoadNamingTheVariable() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> GuardConfig.load(Handler.class,
        Map.of("GUARD_RATE_LIMIT", "2/1m", "GUARD_RATE_LIMIT_REDIS_URL", "http://cache:6379"), Handler.class.getClassLoader()));
    assertTrue(e.getMessage().startsWith(
        "Lambda Guard configuration: environment variable GUARD_RATE_LIMIT_REDIS_URL (rateLimit.redisUrl): "), e.getMessage());
  }
}
