package dev.lambdaguard.auth;

import static dev.lambdaguard.auth.JwtHarness.AUDIENCE;
import static dev.lambdaguard.auth.JwtHarness.NOW;
import static dev.lambdaguard.auth.JwtHarness.reasonOf;
import static dev.lambdaguard.auth.Tokens.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import dev.lambdaguard.Denial;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keys from a real loopback HTTP server: caching, rotation, rate-limited refetch, outages, discovery. */
class JwksRemoteTest {

  private static final RSAKey KEY_1 = TestKeys.rsa("key-1", 2048);
  private static final RSAKey KEY_2 = TestKeys.rsa("key-2", 2048);

  private JwksServer server;

  @BeforeEach
  void start() throws Exception {
    server = new JwksServer().jwks(TestKeys.publicJwks(KEY_1));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String claims(String subject) {
    return "{\"iss\":\"" + server.issuer() + "\",\"sub\":\"" + subject + "\",\"aud\":\"" + AUDIENCE + "\",\"exp\":"
        + (NOW + 600) + "}";
  }

  private JwtHarness harness(KeySource keys) {
    return new JwtHarness(JwtAuthenticator.builder().issuer(server.issuer()).audiences(AUDIENCE).keys(keys)
        .keyFetchTimeouts(Duration.ofMillis(200), Duration.ofMillis(300)));
  }

  @Test
  void keysAreFetchedOnceAndCachedAcrossTokens() {
    JwtHarness harness = harness(KeySource.jwks(server.jwksUri()));
    assertEquals(0, server.jwksRequests(), "nothing is fetched before the first token");
    assertEquals("allowed", reasonOf(harness.bearer(sign("RS256", KEY_1, claims("alice")))));
    assertEquals("allowed", reasonOf(harness.bearer(sign("RS256", KEY_1, claims("bob")))));
    assertEquals(1, server.jwksRequests());
  }

  @Test
  void aRotatedKeyIsFetchedWhenATokenNamesItsUnknownKid() {
    JwtHarness harness = harness(KeySource.jwks(server.jwksUri()));
    assertEquals("allowed", reasonOf(harness.bearer(sign("RS256", KEY_1, claims("alice")))));
    server.jwks(TestKeys.publicJwks(KEY_1, KEY_2));
    assertEquals("allowed", reasonOf(harness.bearer(sign("RS256", KEY_2, claims("alice")))));
    assertEquals(2, server.jwksRequests());
  }

  @Test
  void refetchingForUnknownKidsIsRateLimited() {
    JwtHarness harness = harness(KeySource.jwks(server.jwksUri()));
    assertEquals("allowed", reasonOf(harness.bearer(sign("RS256", KEY_1, claims("alice")))));
    for (int i = 0; i < 10; i++) {
      RSAKey unknown = TestKeys.rsa("unknown-" + i, 2048);
      assertEquals("key_not_found", reasonOf(harness.bearer(sign("RS256", unknown, claims("mallory")))));
    }
    assertTrue(server.jwksRequests() <= 2, "refetches: " + server.jwksRequests());
    assertEquals("allowed", reasonOf(harness.bearer(sign("RS256", KEY_1, claims("alice")))));
  }

  @Test
  void aFailingEndpointWithNoCachedKeyDeniesWith503NeverAccepts() {
    server.status(500);
    JwtHarness harness = harness(KeySource.jwks(server.jwksUri()));
    Denial denial = assertInstanceOf(Denial.class, harness.bearer(sign("RS256", KEY_1, claims("alice"))));
    assertEquals(503, denial.status());
    assertEquals("jwks_unavailable", denial.reason().code());
    assertEquals("5", denial.headers().get("Retry-After"));
    assertEquals(0, harness.handlerCalls.get());
  }

  @Test
  void aSlowEndpointTimesOutAndDenies() {
    server.delayMillis(2_000);
    JwtHarness harness = harness(KeySource.jwks(server.jwksUri()));
    assertEquals("jwks_unavailable", reasonOf(harness.bearer(sign("RS256", KEY_1, claims("alice")))));
    assertEquals(0, harness.handlerCalls.get());
  }

  @Test
  void anEndpointServingGarbageDenies() {
    server.jwks("<html>not a key set</html>");
    JwtHarness harness = harness(KeySource.jwks(server.jwksUri()));
    assertEquals("jwks_unavailable", reasonOf(harness.bearer(sign("RS256", KEY_1, claims("alice")))));
  }

  @Test
  void discoveryFindsTheKeysOfTheIssuer() {
    JwtHarness harness = harness(KeySource.oidcDiscovery());
    assertEquals("allowed", reasonOf(harness.bearer(sign("RS256", KEY_1, claims("alice")))));
    assertEquals("allowed", reasonOf(harness.bearer(sign("RS256", KEY_1, claims("bob")))));
    assertEquals(1, server.discoveryRequests());
    assertEquals(1, server.jwksRequests());
  }

  @Test
  void discoveryNamingAnotherIssuerIsAMixUpAndDenies() {
    server.discoveryIssuer("https://evil.example.com");
    JwtHarness harness = harness(KeySource.oidcDiscovery());
    assertEquals("jwks_unavailable", reasonOf(harness.bearer(sign("RS256", KEY_1, claims("alice")))));
    assertEquals(0, server.jwksRequests());
  }

  @Test
  void plainHttpKeyEndpointsAreRefusedAtInitExceptOnLoopback() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JwtAuthenticator.builder()
        .issuer("https://issuer.example.com").audiences(AUDIENCE)
        .keys(KeySource.jwks(URI.create("http://keys.example.com/jwks.json"))).build());
    assertTrue(e.getMessage().startsWith("keys must be an https URL"), e.getMessage());
  }

  @Test
  void aKeyUrlsCredentialsAreRefusedAndNeverEchoed() {
    IllegalArgumentException withUser = assertThrows(IllegalArgumentException.class, () -> JwtAuthenticator.builder()
        .issuer("https://issuer.example.com").audiences(AUDIENCE)
        .keys(KeySource.jwks(URI.create("https://svc:pa55-word-9@keys.example.com/jwks.json"))).build());
    assertEquals("keys must not carry credentials (user:password@): https://keys.example.com/jwks.json",
        withUser.getMessage());
    IllegalArgumentException plain = assertThrows(IllegalArgumentException.class, () -> JwtAuthenticator.builder()
        .issuer("https://issuer.example.com").audiences(AUDIENCE)
        .keys(KeySource.jwks(URI.create("http://keys.example.com/jwks.json?token=t0k3n-value"))).build());
    assertFalse(plain.getMessage().contains("t0k3n-value"), plain.getMessage());
  }
}
