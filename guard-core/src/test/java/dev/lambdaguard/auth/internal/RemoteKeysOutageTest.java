package dev.lambdaguard.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import dev.lambdaguard.Reasons;
import dev.lambdaguard.auth.JwksServer;
import dev.lambdaguard.auth.TestKeys;
import dev.lambdaguard.auth.Tokens;
import dev.lambdaguard.json.JsonLimits;
import dev.lambdaguard.json.StrictJsonParser;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The remote key source composed as the authenticator composes it, with a cache short enough to expire
 * within a test (nimbus times its cache with the system clock): the last good keys keep working through
 * an outage, within the tolerance.
 */
class RemoteKeysOutageTest {

  private static final long TTL_MILLIS = 2000;
  private static final RSAKey KEY = TestKeys.rsa("key-1", 2048);
  private static final StrictJsonParser JSON = new StrictJsonParser(JsonLimits.defaults());

  private static CompactJws token() {
    return CompactJws.parse(Tokens.sign("RS256", KEY, "{\"sub\":\"alice\",\"exp\":4102444800}"), 8192, JSON);
  }

  private static RemoteKeys keys(Duration outageTolerance) {
    // Timeouts of 400 ms: the first fetch loads the HTTP client's classes, which on a loaded 2-core machine took
    // over the 100 ms these were, and the test then failed for want of its first key set. The outage itself is a
    // 503, answered at once. Nimbus wants refresh-ahead + 2 x (connect + read) + 100 ms within the time to live.
    return new RemoteKeys(Duration.ofMillis(400), Duration.ofMillis(400), 64 * 1024, Duration.ofMillis(TTL_MILLIS),
        Duration.ofMillis(30), Duration.ofMillis(50), outageTolerance);
  }

  @Test
  void cachedKeysKeepWorkingDuringAnOutageWithinTheTolerance() throws Exception {
    try (JwksServer server = new JwksServer().jwks(TestKeys.publicJwks(KEY))) {
      SignatureCheck check = new SignatureCheck(keys(Duration.ofMinutes(5)).source(server.jwksUri()));
      check.verify(token());
      server.status(503);
      Thread.sleep(TTL_MILLIS + 200); // past the cache's time to live
      check.verify(token());
      assertTrue(server.jwksRequests() >= 2, "the expired cache was refreshed, and the refresh failed");
    }
  }

  @Test
  void withoutToleranceAnOutageAfterExpiryDenies() throws Exception {
    try (JwksServer server = new JwksServer().jwks(TestKeys.publicJwks(KEY))) {
      SignatureCheck check = new SignatureCheck(keys(Duration.ofMillis(1)).source(server.jwksUri()));
      check.verify(token());
      server.status(503);
      Thread.sleep(TTL_MILLIS + 200);
      Refused refused = assertThrows(Refused.class, () -> check.verify(token()));
      assertEquals(Reasons.JWKS_UNAVAILABLE, refused.refusal().reason());
    }
  }
}
