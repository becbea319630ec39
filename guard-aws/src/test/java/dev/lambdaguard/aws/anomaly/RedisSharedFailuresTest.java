package dev.lambdaguard.aws.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Denial;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.MultiValueMap;
import dev.lambdaguard.Reasons;
import dev.lambdaguard.SecurityContext;
import dev.lambdaguard.anomaly.Anomaly;
import dev.lambdaguard.anomaly.AnomalyDetector;
import dev.lambdaguard.anomaly.AnomalyPolicy;
import dev.lambdaguard.anomaly.AnomalyType;
import dev.lambdaguard.anomaly.SharedFailures;
import dev.lambdaguard.aws.ratelimit.RedisTestSupport;
import dev.lambdaguard.aws.redis.RedisConnector;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failed authentications counted in the real Redis by several execution environments together: stuffing spread
 * over them is reported, once; only hashes are stored; and an unreachable Redis leaves each environment counting
 * alone.
 */
class RedisSharedFailuresTest {

  private static final long T0 = 1_800_000_000_000L;
  private static final SharedFailures.Rule RULE =
      new SharedFailures.Rule(Duration.ofMinutes(30).toMillis(), Duration.ofMinutes(15).toMillis(), 8, 4, 600_000);

  private String prefix;

  @BeforeEach
  void redis() {
    RedisTestSupport.requireRedis();
    prefix = RedisTestSupport.freshPrefix();
  }

  /**
   * A store under this test's prefix, with timeouts a cold test JVM can meet at its first command (loading the
   * client's classes takes longer than the 100 ms a function would allow).
   */
  private RedisSharedFailures store() {
    return RedisSharedFailures.builder(RedisTestSupport.url()).keyPrefix(prefix)
        .commandTimeout(Duration.ofSeconds(2)).connectTimeout(Duration.ofSeconds(2)).build();
  }

  private static GuardRequest attempt(String ip, String token) {
    return GuardRequest.builder("apigw-http-v2").method("GET").path("/orders/1").routeKey("GET /orders/{id}")
        .sourceIp(ip).headers(MultiValueMap.headersBuilder().add("Authorization", "Bearer " + token).build()).build();
  }

  @Test
  void failuresFromTwoEnvironmentsAddUpAndTheDistinctCredentialsAreCounted() {
    try (RedisSharedFailures a = store();
        RedisSharedFailures b = store()) {
      SharedFailures.Tally tally = null;
      for (int i = 0; i < 6; i++) {
        tally = (i % 2 == 0 ? a : b).recordAuthFailure("src-hash", "cred-" + (i % 3), T0 + i, RULE, false);
      }
      assertEquals(6.0, tally.failures(), 0.01, "six failures in a few milliseconds barely decay");
      assertEquals(3, tally.distinctCredentials());
      assertFalse(tally.reportClaimed(), "under the thresholds, and no claim asked");
      // Half an hour later the count has halved, then this failure adds one.
      SharedFailures.Tally later = a.recordAuthFailure("src-hash", null, T0 + 1_800_005, RULE, false);
      assertEquals(4.0, later.failures(), 0.05);
    }
  }

  @Test
  void onlyOneEnvironmentClaimsTheReportPerCooldown() {
    try (RedisSharedFailures a = store();
        RedisSharedFailures b = store()) {
      int claims = 0;
      for (int i = 0; i < 30; i++) {
        SharedFailures.Tally tally = (i % 2 == 0 ? a : b).recordAuthFailure("src", "c" + i, T0 + i * 1000L, RULE, true);
        claims += tally.reportClaimed() ? 1 : 0;
        if (i == 6) {
          assertEquals(0, claims, "seven failures are under the threshold of eight");
        }
      }
      assertEquals(1, claims);
      // Another address, over the thresholds and not yet claimed: only a call that asks claims it.
      for (int i = 0; i < 10; i++) {
        assertFalse(b.recordAuthFailure("other", "c" + i, T0 + i * 1000L, RULE, false).reportClaimed(),
            "an environment whose own share of failures is too low to report does not claim");
      }
      assertTrue(a.recordAuthFailure("other", "c10", T0 + 11_000, RULE, true).reportClaimed());
    }
  }

  @Test
  void theWindowAndTheCooldownRunOnTheCallersClockNotOnRedis() {
    try (RedisSharedFailures a = store()) {
      int claims = 0;
      for (int i = 0; i < 10; i++) {
        claims += a.recordAuthFailure("s", "c" + i, T0 + i * 1000L, RULE, true).reportClaimed() ? 1 : 0;
      }
      assertEquals(1, claims);
      long afterCooldown = T0 + RULE.cooldownMillis() + 10_000;
      assertTrue(a.recordAuthFailure("s", "again", afterCooldown, RULE, true).reportClaimed(),
          "ten minutes later by the callers' clock (milliseconds later by Redis's) the address is reported again");
      SharedFailures.Tally nextWindow = a.recordAuthFailure("s", "new", afterCooldown + RULE.windowMillis(), RULE, false);
      assertEquals(1, nextWindow.distinctCredentials(), "a new window counts its own credentials");
    }
  }

  @Test
  void stuffingSpreadOverFourEnvironmentsIsReportedOnceAndOnlyHashesAreStored() {
    List<AnomalyDetector> environments = new ArrayList<>();
    List<Anomaly> reported = new ArrayList<>();
    try (RedisSharedFailures shared = store()) {
      AnomalyPolicy policy = AnomalyPolicy.builder().only(AnomalyType.CREDENTIAL_STUFFING).sharedFailures(shared).build();
      AnomalyPolicy alone = AnomalyPolicy.only(AnomalyType.CREDENTIAL_STUFFING);
      List<AnomalyDetector> unshared = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        environments.add(new AnomalyDetector(policy));
        unshared.add(new AnomalyDetector(alone));
      }
      List<Anomaly> reportedAlone = new ArrayList<>();
      // Twenty guesses from one address, twenty seconds apart (within one cooldown), each to the next environment:
      // five per environment.
      for (int i = 0; i < 20; i++) {
        GuardRequest guess = attempt("203.0.113.45", "leaked-token-" + i);
        Denial refused = Denial.unauthorized(Reasons.SIGNATURE_INVALID, "no");
        reported.addAll(environments.get(i % 4).observe(guess, refused, SecurityContext.empty(), T0 + i * 20_000L));
        reportedAlone.addAll(unshared.get(i % 4).observe(guess, refused, SecurityContext.empty(), T0 + i * 20_000L));
      }
      assertEquals(List.of(), reportedAlone, "alone, each environment sees five failures: under the threshold");
      assertEquals(1, reported.size(), reported.toString());
      assertEquals(AnomalyType.CREDENTIAL_STUFFING, reported.get(0).type());
      assertEquals("203.0.113.45", reported.get(0).key(), "the event names the address, as without sharing");
      assertTrue(reported.get(0).observed() >= 8, reported.get(0).toString());
      environments.forEach(e -> assertEquals(0, e.sharedFailureErrors()));
      String stored = storedUnder(prefix);
      assertFalse(stored.contains("203.0.113"), "no address in Redis: " + stored);
      assertFalse(stored.contains("leaked-token"), "no credential in Redis: " + stored);
    }
  }

  @Test
  void anUnreachableRedisLeavesEachEnvironmentCountingAloneAndSaysSoWithoutTheKey() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (RedisSharedFailures dead = RedisSharedFailures.builder("redis://127.0.0.1:" + closedPort)
        .connectTimeout(Duration.ofMillis(100)).build()) {
      RedisConnector.Unavailable failure = assertThrows(RedisConnector.Unavailable.class,
          () -> dead.recordAuthFailure("secret-source-hash", "secret-credential-hash", T0, RULE, true));
      assertFalse(failure.getMessage().contains("secret"), failure.getMessage());

      AnomalyDetector detector = new AnomalyDetector(
          AnomalyPolicy.builder().only(AnomalyType.CREDENTIAL_STUFFING).sharedFailures(dead).build());
      List<Anomaly> reported = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        reported.addAll(detector.observe(attempt("198.51.100.7", "guess-" + i),
            Denial.unauthorized(Reasons.SIGNATURE_INVALID, "no"), SecurityContext.empty(), T0 + i * 1000L));
      }
      assertEquals(1, reported.size(), "counted alone, the local thresholds still report: " + reported);
      assertEquals(12, detector.sharedFailureErrors());
    }
  }

  /** Every key and value under {@code prefix}, as text. */
  private static String storedUnder(String prefix) {
    RedisClient client = RedisClient.create(RedisTestSupport.url());
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      StringBuilder all = new StringBuilder();
      for (String key : c.sync().keys(prefix + "*")) {
        all.append(key).append(" = ");
        switch (c.sync().type(key)) {
          case "hash" -> all.append(c.sync().hgetall(key));
          case "string" -> all.append(c.sync().get(key)); // the claim, and the HyperLogLog's raw registers
          default -> all.append(c.sync().type(key));
        }
        all.append('\n');
      }
      assertTrue(all.length() > 0, "the shared counts are under the prefix");
      return all.toString();
    } finally {
      client.shutdown();
    }
  }
}
