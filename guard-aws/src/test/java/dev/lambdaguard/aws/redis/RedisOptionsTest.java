package dev.lambdaguard.aws.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lambdaguard.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every way of making Redis options checks the same rules with the same messages: the record's own constructor as
 * much as {@code defaults} and the {@code with…} methods.
 */
class RedisOptionsTest {

  private static final Duration COMMAND = RedisOptions.DEFAULT_COMMAND_TIMEOUT;
  private static final Duration CONNECT = RedisOptions.DEFAULT_CONNECT_TIMEOUT;
  private static final Duration BACKOFF = RedisOptions.DEFAULT_RECONNECT_BACKOFF;
  private static final Clock CLOCK = Clock.system();

  /** A key prefix that reads like a credential: no message may repeat it. */
  private static final String SECRET_LOOKING = "tenant-hunter2-";

  private static String refused(Class<? extends RuntimeException> type, Executable making) {
    return assertThrows(type, making).getMessage();
  }

  @Test
  void theConstructorRefusesAKeyPrefixOutsideOneTo64CharactersWithoutRepeatingIt() {
    String tooLong = SECRET_LOOKING.repeat(5); // 75 characters
    for (String prefix : new String[] {null, "", "   ", tooLong}) {
      String message = refused(IllegalArgumentException.class,
          () -> new RedisOptions("rateLimit", prefix, COMMAND, CONNECT, BACKOFF, CLOCK));
      assertEquals("rateLimit.redis.keyPrefix must be 1 to 64 characters", message);
      assertFalse(message.contains("hunter2"), message);
    }
  }

  @Test
  void theConstructorRefusesTimeoutsOutOfRangeNamingTheSettingAndTheBounds() {
    assertEquals("anomaly.redis.commandTimeout must be between PT0.01S and PT2S: PT0.009S",
        refused(IllegalArgumentException.class,
            () -> new RedisOptions("anomaly", "lg:", Duration.ofMillis(9), CONNECT, BACKOFF, CLOCK)));
    assertEquals("anomaly.redis.commandTimeout must be between PT0.01S and PT2S: PT2.001S",
        refused(IllegalArgumentException.class,
            () -> new RedisOptions("anomaly", "lg:", Duration.ofMillis(2001), CONNECT, BACKOFF, CLOCK)));
    assertEquals("anomaly.redis.connectTimeout must be between PT0.01S and PT5S: PT6S",
        refused(IllegalArgumentException.class,
            () -> new RedisOptions("anomaly", "lg:", COMMAND, Duration.ofSeconds(6), BACKOFF, CLOCK)));
    assertEquals("anomaly.redis.reconnectBackoff must be between PT0S and PT5M: PT-1S",
        refused(IllegalArgumentException.class,
            () -> new RedisOptions("anomaly", "lg:", COMMAND, CONNECT, Duration.ofSeconds(-1), CLOCK)));
  }

  @Test
  void theConstructorRefusesMissingValuesNamingThem() {
    assertEquals("scope", refused(NullPointerException.class,
        () -> new RedisOptions(null, "lg:", COMMAND, CONNECT, BACKOFF, CLOCK)));
    assertEquals("rateLimit.redis.commandTimeout", refused(NullPointerException.class,
        () -> new RedisOptions("rateLimit", "lg:", null, CONNECT, BACKOFF, CLOCK)));
    assertEquals("rateLimit.redis.connectTimeout", refused(NullPointerException.class,
        () -> new RedisOptions("rateLimit", "lg:", COMMAND, null, BACKOFF, CLOCK)));
    assertEquals("rateLimit.redis.reconnectBackoff", refused(NullPointerException.class,
        () -> new RedisOptions("rateLimit", "lg:", COMMAND, CONNECT, null, CLOCK)));
    assertEquals("clock", refused(NullPointerException.class,
        () -> new RedisOptions("rateLimit", "lg:", COMMAND, CONNECT, BACKOFF, null)));
  }

  @Test
  void theBoundsThemselvesAreAccepted() {
    RedisOptions lowest = new RedisOptions("rateLimit", "x", Duration.ofMillis(10), Duration.ofMillis(10),
        Duration.ZERO, CLOCK);
    RedisOptions highest = new RedisOptions("rateLimit", "p".repeat(64), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofMinutes(5), CLOCK);

    assertEquals(Duration.ofMillis(10), lowest.commandTimeout());
    assertEquals(64, highest.keyPrefix().length());
  }

  @Test
  void defaultsAndEachWithMethodGiveTheConstructorsMessages() {
    RedisOptions options = RedisOptions.defaults("rateLimit", "lg:");

    assertEquals("jwt.replay.redis.keyPrefix must be 1 to 64 characters",
        refused(IllegalArgumentException.class, () -> RedisOptions.defaults("jwt.replay", "")));
    assertEquals("rateLimit.redis.keyPrefix must be 1 to 64 characters",
        refused(IllegalArgumentException.class, () -> options.withKeyPrefix(" ")));
    assertEquals("rateLimit.redis.commandTimeout must be between PT0.01S and PT2S: PT3S",
        refused(IllegalArgumentException.class, () -> options.withCommandTimeout(Duration.ofSeconds(3))));
    assertEquals("rateLimit.redis.connectTimeout must be between PT0.01S and PT5S: PT0.001S",
        refused(IllegalArgumentException.class, () -> options.withConnectTimeout(Duration.ofMillis(1))));
    assertEquals("rateLimit.redis.reconnectBackoff must be between PT0S and PT5M: PT6M",
        refused(IllegalArgumentException.class, () -> options.withReconnectBackoff(Duration.ofMinutes(6))));
    assertEquals("clock", refused(NullPointerException.class, () -> options.withClock(null)));
  }
}
