package dev.lambdaguard.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Denial;
import dev.lambdaguard.Finding;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.MultiValueMap;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.Principal;
import dev.lambdaguard.Reasons;
import dev.lambdaguard.SecurityContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each detector fires on its pattern, and stays quiet on the honest traffic that looks most like it. */
class AnomalyDetectorTest {

  private static final long T0 = 1_800_000_000_000L;
  /** Distinct counts are estimated with keyed hashes: a fixed key makes every run of a test count the same. */
  private static final long SEED = 0x5eed_1234_abcdL;
  private static final Outcome OK = Outcome.Handled.of("ok");
  private static final Outcome BAD_TOKEN = Denial.unauthorized(Reasons.SIGNATURE_INVALID, "no");
  private static final Outcome EXPIRED = Denial.unauthorized(Reasons.TOKEN_EXPIRED, "no");
  private static final Outcome NOT_ALLOWED = Denial.forbidden(Reasons.ROUTE_NOT_ALLOWED, "no");

  private final List<Anomaly> reported = new ArrayList<>();

  private static GuardRequest request(String ip, String path, String authorization) {
    MultiValueMap.Builder headers = MultiValueMap.headersBuilder();
    if (authorization != null) {
      headers.add("Authorization", authorization);
    }
    return GuardRequest.builder("apigw-http-v2").method("GET").path(path).routeKey("GET /orders/{id}")
        .sourceIp(ip).headers(headers.build()).build();
  }

  private static SecurityContext as(String subject) {
    return SecurityContext.empty().withPrincipal(new Principal(subject, null, null, null, null, null));
  }

  private List<Anomaly> observe(AnomalyDetector detector, GuardRequest request, Outcome outcome,
      SecurityContext context, long now) {
    List<Anomaly> found = detector.observe(request, outcome, context, now);
    reported.addAll(found);
    return found;
  }

  private List<Anomaly> of(AnomalyType type) {
    return reported.stream().filter(a -> a.type() == type).toList();
  }

  @Test
  void aTokenIsKeyedWithoutItsSchemeAndABasicPasswordIsNeverKeyed() {
    assertEquals("eyJ.abc.def", AnomalyDetector.credentialOf(request("198.51.100.1", "/", "Bearer eyJ.abc.def")));
    assertEquals("eyJ.abc.def", AnomalyDetector.credentialOf(request("198.51.100.1", "/", "bearer eyJ.abc.def")));
    assertEquals(null, AnomalyDetector.credentialOf(request("198.51.100.1", "/", "Basic YWxpY2U6c2VjcmV0")));
    assertEquals(null, AnomalyDetector.credentialOf(request("198.51.100.1", "/", "basic YWxpY2U6c2VjcmV0")));
    assertEquals(null, AnomalyDetector.credentialOf(request("198.51.100.1", "/", "Basic\tYWxpY2U6c2VjcmV0")),
        "a tab separates the scheme too");
  }

  @Test
  void guessedPasswordsInBasicHeadersAreCredentialStuffingToo() {
    AnomalyDetector detector = new AnomalyDetector(AnomalyPolicy.defaults(), SEED);
    for (int i = 0; i < 12; i++) {
      String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:guess" + i).getBytes());
      observe(detector, request("198.51.100.9", "/orders/1", basic), BAD_TOKEN, SecurityContext.empty(),
          T0 + i * 1000L);
    }
    List<Anomaly> stuffing = of(AnomalyType.CREDENTIAL_STUFFING);
    assertEquals(1, stuffing.size(), reported.toString());
    assertEquals("198.51.100.9", stuffing.get(0).key());
  }

  @Test
  void manyDifferentFailedCredentialsFromOneAddressAreCredentialStuffing() {
    AnomalyDetector detector = new AnomalyDetector(AnomalyPolicy.defaults(), SEED);
    for (int i = 0; i < 12; i++) {
      observe(detector, request("198.51.100.7", "/orders/1", "Bearer stolen-" + i), BAD_TOKEN, SecurityContext.empty(),
          T0 + i * 1000L);
    }
    List<Anomaly> stuffing = of(AnomalyType.CREDENTIAL_STUFFING);
    assertEquals(1, stuffing.size(), "reported once, then quiet for the cooldown: " + reported);
    Anomaly anomaly = stuffing.get(0);
    assertEquals("auth_failures_per_ip", anomaly.feature());
    assertEquals("ip", anomaly.keyKind());
    assertEquals("198.51.100.7", anomaly.key());
    assertEquals(AnomalyPolicy.DEFAULT_AUTH_FAILURES, anomaly.threshold());
    assertTrue(anomaly.observed() >= AnomalyPolicy.DEFAULT_AUTH_FAILURES);
    assertTrue(anomaly.score() >= 50 && anomaly.score() <= 100, "score " + anomaly.score());
  }

  @Test
  void oneClientRetryingItsOneExpiredTokenIsNotStuffing() {
    AnomalyDetector detector = new AnomalyDetector(AnomalyPolicy.defaults(), SEED);
    for (int i = 0; i < 50; i++) {
      observe(detector, request("198.51.100.8", "/orders/1", "Bearer my-old-token"), EXPIRED, SecurityContext.empty(),
          T0 + i * 1000L);
    }
    assertEquals(List.of(), reported);
  }

  @Test
  void aNatWhoseUsersMostlySucceedIsNotStuffing() {
    AnomalyDetector detector = new AnomalyDetector(AnomalyPolicy.defaults(), SEED);
    long now = T0;
    for (int user = 0; user < 200; user++) {
      now += 2000;
      // Every user behind the NAT fails once with a typo'd token, then succeeds four times.
      observe(detector, request("203.0.113.1", "/orders/" + (user % 5), "Bearer typo-" + user), EXPIRED,
          SecurityContext.empty(), now);
      for (int ok = 0; ok < 4; ok++) {
        observe(detector, request("203.0.113.1", "/orders/" + (user % 5), "Bearer good-" + user), OK,
            as("user-" + user), now + ok);
      }
    }
    assertEquals(List.of(), of(AnomalyType.CREDENTIAL_STUFFING));
  }

  @Test
  void failuresAreForgottenWithTheHalfLife() {
    AnomalyPolicy policy = AnomalyPolicy.builder().authFailureHalfLife(Duration.ofMinutes(1)).build();
    AnomalyDetector detector = new AnomalyDetector(policy, SEED);
    // One failure every two minutes: the decayed count never reaches the threshold.
    for (int i = 0; i < 60; i++) {
      observe(detector, request("198.51.100.9", "/orders/1", "Bearer guess-" + i), BAD_TOKEN, SecurityContext.empty(),
          T0 + i * 120_000L);
    }
    assertEquals(List.of(), reported);
  }

  @Test
  void manyRefusedPathsFromOneAddressAreScanning() {
    AnomalyDetector detector = new AnomalyDetector(AnomalyPolicy.defaults(), SEED);
    String[] probes = new String[40];
    for (int i = 0; i < probes.length; i++) {
      probes[i] = "/admin/probe-" + i;
    }
    long now = T0;
    for (String probe : probes) {
      observe(detector, request("192.0.2.50", probe, null), NOT_ALLOWED, SecurityContext.empty(), now += 500);
    }
    List<Anomaly> scanning = of(AnomalyType.SCANNING);
    assertEquals(1, scanning.size(), reported.toString());
    assertEquals("distinct_denied_paths_per_ip", scanning.get(0).feature());
    assertEquals("192.0.2.50", scanning.get(0).key());
  }

  @Test
  void oneAccountReadingManyDistinctOrdersIsEnumeration() {
    AnomalyDetector detector = new AnomalyDetector(AnomalyPolicy.defaults(), SEED);
    for (int id = 0; id < 60; id++) {
      observe(detector, request("192.0.2.51", "/orders/" + (1000 + id), "Bearer scraper"), OK, as("scraper"),
          T0 + id * 5000L);
    }
    List<Anomaly> scanning = of(AnomalyType.SCANNING);
    assertEquals(1, scanning.size(), reported.toString());
    assertEquals("distinct_paths_per_principal", scanning.get(0).feature());
    assertEquals("principal", scanning.get(0).keyKind());
    assertEquals("scraper", scanning.get(0).key());
  }

  @Test
  void aUserReadingHerOwnOrdersAgainAndAgainIsNotScanning() {
    AnomalyDetector detector = new AnomalyDetector(AnomalyPolicy.defaults(), SEED);
    for (int i = 0; i < 2000; i++) {
      observe(detector, request("192.0.2.52", "/orders/" + (i % 15), "Bearer alice"), OK, as("alice"),
          T0 + i * 1000L);
    }
    assertEquals(List.of(), reported);
  }

  @Test
  void repeatedInputFindingsFromOneAddressAreScanning() {
    AnomalyDetector detector = new AnomalyDetector(AnomalyPolicy.only(AnomalyType.SCANNING), SEED);
    SecurityContext withFinding = SecurityContext.empty()
        .withFinding(new Finding("sql_injection", "sqli.tautology", "query/q", 90));
    for (int i = 0; i < 6; i++) {
      observe(detector, request("192.0.2.53", "/orders/1", null), OK, withFinding, T0 + i * 1000L);
    }
    List<Anomaly> scanning = of(AnomalyType.SCANNING);
    assertEquals(1, scanning.size(), reported.toString());
    assertEquals("input_findings_per_ip", scanning.get(0).feature());
  }

  @Test
  void oneTokenLaterPresentedFromManyAddressesIsTokenTheftAndTheKeyIsAHashNotTheToken() {
    AnomalyDetector detector = new AnomalyDetector(AnomalyPolicy.defaults(), SEED);
    String token = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl";
    // The owner's session from home, then the token shows up from new addresses.
    for (int i = 0; i < 10; i++) {
      observe(detector, request("198.51.100.5", "/orders/1", token), OK, as("bob"), T0 + i * 15_000L);
    }
    for (int i = 0; i < 8; i++) {
      observe(detector, request("100.64.0." + i, "/orders/1", token), OK, as("bob"), T0 + 300_000L + i * 10_000L);
    }
    List<Anomaly> theft = of(AnomalyType.TOKEN_THEFT);
    assertEquals(1, theft.size(), reported.toString());
    assertEquals("distinct_sources_per_token", theft.get(0).feature());
    assertEquals("token", theft.get(0).keyKind());
    assertEquals(6.0, theft.get(0).threshold(), "one home address: the configured bar");
    assertFalse(theft.get(0).key().contains("eyJ"), "the key must not be the token: " + theft.get(0).key());
    assertEquals(dev.lambdaguard.auth.internal.VerifiedTokens.fingerprint(
        dev.lambdaguard.auth.internal.VerifiedTokens.digest(token.substring("Bearer ".length()))),
        theft.get(0).key(), "the token's token_fingerprint, as its authentication events carry it");
  }

  @Test
  void anOwnerAndAThiefAlternatingBetweenThreeAddressesIsTokenTheft() {
    AnomalyDetector detector = new AnomalyDetector(AnomalyPolicy.defaults(), SEED);
    String home = "198.51.100.20";
    for (int i = 0; i < 5; i++) {
      observe(detector, request(home, "/orders/1", "Bearer shared"), OK, as("carol"), T0 + i * 20_000L);
    }
    String[] ips = {home, "203.0.113.99", "192.0.2.77"};
    for (int i = 0; i < 30; i++) {
      observe(detector, request(ips[i % 3], "/orders/1", "Bearer shared"), OK, as("carol"),
          T0 + 120_000L + i * 20_000L);
    }
    List<Anomaly> theft = of(AnomalyType.TOKEN_THEFT);
    assertEquals(1, theft.size(), reported.toString());
    assertEquals("source_switches_per_token", theft.get(0).feature());
  }

  @Test
  void aClientSpreadingItsOwnTokenOverAPoolOfAddressesFromTheStartIsOneHolderNotATheft() {
    AnomalyDetector detector = new AnomalyDetector(AnomalyPolicy.only(AnomalyType.TOKEN_THEFT), SEED);
    String[] pool = {"194.1.1.1", "194.2.2.2", "194.3.3.3", "194.4.4.4", "194.5.5.5"};
    // Thirty minutes of round robin over five egress addresses, every address used within the first minute.
    for (int i = 0; i < 900; i++) {
      observe(detector, request(pool[i % pool.length], "/orders/" + i, "Bearer fleet"), OK, as("svc"),
          T0 + i * 2_000L);
    }
    assertEquals(List.of(), reported, "no theft reported for a pool that was there from the first minute");
  }

  @Test
  void aPoolTokenLaterPresentedFromManyNewAddressesIsStillTokenTheftWithTheBarRaisedByThePool() {
    AnomalyDetector detector = new AnomalyDetector(AnomalyPolicy.only(AnomalyType.TOKEN_THEFT), SEED);
    String[] pool = {"194.1.1.1", "194.2.2.2", "194.3.3.3"};
    for (int i = 0; i < 30; i++) {
      observe(detector, request(pool[i % pool.length], "/orders/1", "Bearer fleet"), OK, as("svc"), T0 + i * 2_000L);
    }
    for (int i = 0; i < 4; i++) {
      observe(detector, request("91.0.0." + i, "/orders/1", "Bearer fleet"), OK, as("svc"), T0 + 300_000L + i * 60_000L);
    }
    assertEquals(List.of(), reported, "three home addresses and four new ones: under the raised bar of eight");
    // Distinct addresses are estimated (a 256-bit sketch whose hash seed is random per detector): a few more than
    // the bar make the alert certain rather than likely.
    for (int i = 0; i < 4; i++) {
      observe(detector, request("91.0.1." + i, "/orders/1", "Bearer fleet"), OK, as("svc"), T0 + 800_000L + i * 1000L);
    }
    List<Anomaly> theft = of(AnomalyType.TOKEN_THEFT);
    assertEquals(1, theft.size(), reported.toString());
    assertEquals("distinct_sources_per_token", theft.get(0).feature());
    assertEquals(8.0, theft.get(0).threshold());
  }

  @Test
  void withNoSettleWindowEveryAddressCountsFromTheFirstUse() {
    AnomalyDetector detector = new AnomalyDetector(
        AnomalyPolicy.builder().only(AnomalyType.TOKEN_THEFT).tokenSettleWindow(Duration.ZERO).build(), SEED);
    for (int i = 0; i < 9; i++) { // the bar of six, with a margin for the sketch's estimate
      observe(detector, request("194.9.9." + i, "/orders/1", "Bearer fleet"), OK, as("svc"), T0 + i * 1_000L);
    }
    assertEquals(1, of(AnomalyType.TOKEN_THEFT).size(), reported.toString());
  }

  @Test
  void aMobileUserChangingAddressEveryQuarterHourIsNotTokenTheft() {
    AnomalyDetector detector = new AnomalyDetector(AnomalyPolicy.defaults(), SEED);
    for (int i = 0; i < 240; i++) {
      String ip = "100.70.1." + (i / 60); // a new address every 15 minutes (60 requests, 15 s apart)
      observe(detector, request(ip, "/orders/" + (i % 4), "Bearer dave"), OK, as("dave"), T0 + i * 15_000L);
    }
    assertEquals(List.of(), reported);
  }

  @Test
  void failedAuthenticationsDoNotCountTowardsTokenTheft() {
    AnomalyDetector detector = new AnomalyDetector(AnomalyPolicy.only(AnomalyType.TOKEN_THEFT), SEED);
    for (int i = 0; i < 20; i++) {
      observe(detector, request("100.64.1." + i, "/orders/1", "Bearer forged"), BAD_TOKEN, SecurityContext.empty(),
          T0 + i * 1000L);
    }
    assertEquals(List.of(), reported);
  }

  /** Twenty minutes of 30 requests a minute on the route, one of them a refused credential (a stale token). */
  private void steadyTrafficWithAStaleTokenAMinute(AnomalyDetector detector) {
    for (int minute = 0; minute < 20; minute++) {
      for (int i = 0; i < 30; i++) {
        long at = T0 + minute * 60_000L + i * 2000L;
        if (i == 0) {
          observe(detector, request("198.51.100." + minute, "/orders/1", "Bearer stale-" + minute), EXPIRED,
              SecurityContext.empty(), at);
        } else {
          observe(detector, request("198.51.100." + minute, "/orders/1", "Bearer ok-" + minute), OK, as("u" + minute), at);
        }
      }
    }
  }

  @Test
  void stuffingFromAPoolTooWideForAnyAddressToFailOftenIsABurstOfRefusedCredentialsOnTheRoute() {
    AnomalyDetector detector = new AnomalyDetector(AnomalyPolicy.only(AnomalyType.CREDENTIAL_STUFFING), SEED);
    steadyTrafficWithAStaleTokenAMinute(detector);
    assertEquals(List.of(), reported, "one refused credential a minute is the route's normal");
    long burst = T0 + 20 * 60_000L;
    for (int i = 0; i < 60; i++) { // sixty guesses in a minute, each from an address of its own
      observe(detector, request("45.1." + (i / 200) + "." + (i % 200), "/orders/1", "Bearer leaked-" + i), BAD_TOKEN,
          SecurityContext.empty(), burst + i * 1000L);
    }
    List<Anomaly> stuffing = of(AnomalyType.CREDENTIAL_STUFFING);
    assertEquals(1, stuffing.size(), reported.toString());
    assertEquals("auth_failures_per_minute_per_route", stuffing.get(0).feature());
    assertEquals("route", stuffing.get(0).keyKind());
    assertEquals("GET /orders/{id}", stuffing.get(0).key());
    assertEquals(30.0, stuffing.get(0).threshold(), "the minimum, above four times the route's mean of one");
  }

  @Test
  void aFloodWithoutTokensIsNotCredentialStuffing() {
    AnomalyDetector detector = new AnomalyDetector(AnomalyPolicy.only(AnomalyType.CREDENTIAL_STUFFING), SEED);
    steadyTrafficWithAStaleTokenAMinute(detector);
    Outcome missing = Denial.unauthorized(Reasons.TOKEN_MISSING, "no");
    for (int i = 0; i < 200; i++) {
      observe(detector, request("23.0." + (i / 200) + "." + (i % 200), "/orders/1", null), missing,
          SecurityContext.empty(), T0 + 20 * 60_000L + i * 300L);
    }
    assertEquals(List.of(), reported, "no credential was refused: nothing was guessed");
  }

  @Test
  void aRouteJumpingFarAboveItsBaselineIsAVolumeSpike() {
    AnomalyDetector detector = new AnomalyDetector(AnomalyPolicy.only(AnomalyType.VOLUME_SPIKE), SEED);
    long now = T0;
    // Twenty minutes of 30 requests a minute, then a minute of 400.
    for (int minute = 0; minute < 20; minute++) {
      for (int i = 0; i < 30; i++) {
        observe(detector, request("198.51.100.1", "/orders/1", null), OK, SecurityContext.empty(),
            now + minute * 60_000L + i * 2000L);
      }
    }
    assertEquals(List.of(), reported, "steady traffic is no spike");
    long spike = now + 20 * 60_000L;
    for (int i = 0; i < 400; i++) {
      observe(detector, request("198.51.100.1", "/orders/1", null), OK, SecurityContext.empty(), spike + i * 100L);
    }
    List<Anomaly> volume = of(AnomalyType.VOLUME_SPIKE);
    assertEquals(1, volume.size(), reported.toString());
    assertEquals("route", volume.get(0).keyKind());
    assertEquals("GET /orders/{id}", volume.get(0).key());
    assertTrue(volume.get(0).observed() >= AnomalyPolicy.DEFAULT_ROUTE_SPIKE_MINIMUM);
  }

  @Test
  void noVolumeSpikeBeforeTheBaselineIsWarm() {
    AnomalyDetector detector = new AnomalyDetector(AnomalyPolicy.only(AnomalyType.VOLUME_SPIKE), SEED);
    for (int i = 0; i < 1000; i++) {
      observe(detector, request("198.51.100.1", "/orders/1", null), OK, SecurityContext.empty(), T0 + i * 50L);
    }
    assertEquals(List.of(), reported);
  }

  @Test
  void aLargeAttackIsReportedAtMostTheCapPerMinuteAndTheRestIsCounted() {
    AnomalyPolicy policy = AnomalyPolicy.builder().only(AnomalyType.CREDENTIAL_STUFFING).maxAnomaliesPerMinute(3)
        .build();
    AnomalyDetector detector = new AnomalyDetector(policy, SEED);
    long now = T0;
    for (int attacker = 0; attacker < 10; attacker++) {
      for (int i = 0; i < 10; i++) {
        observe(detector, request("198.18.0." + attacker, "/orders/1", "Bearer g" + attacker + "-" + i), BAD_TOKEN,
            SecurityContext.empty(), now += 10);
      }
    }
    assertEquals(3, reported.size(), "ten addresses qualify within a second; the cap is three a minute");
    // A minute later the budget is back; the next anomaly says how many were dropped meanwhile.
    now += 60_000;
    for (int i = 0; i < 10; i++) {
      observe(detector, request("198.18.1.1", "/orders/1", "Bearer late-" + i), BAD_TOKEN, SecurityContext.empty(),
          now += 10);
    }
    assertEquals(4, reported.size());
    assertEquals(7, reported.get(3).suppressed());
  }

  @Test
  void stateStaysWithinItsBoundWhateverTheNumberOfCallers() {
    AnomalyPolicy policy = AnomalyPolicy.builder().maxTrackedKeys(64).build();
    AnomalyDetector detector = new AnomalyDetector(policy, SEED);
    for (int i = 0; i < 10_000; i++) {
      observe(detector, request("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), "/p/" + i,
          "Bearer t" + i), NOT_ALLOWED, as("u" + i), T0 + i);
    }
    assertTrue(detector.evictions() >= 3 * (10_000 - 64), "older keys gave way: " + detector.evictions());
  }

  @Test
  void disabledDetectorsReportNothing() {
    AnomalyPolicy policy = AnomalyPolicy.builder().disable(AnomalyType.CREDENTIAL_STUFFING).build();
    AnomalyDetector detector = new AnomalyDetector(policy, SEED);
    for (int i = 0; i < 12; i++) {
      observe(detector, request("198.51.100.7", "/orders/1", "Bearer stolen-" + i), BAD_TOKEN, SecurityContext.empty(),
          T0 + i * 1000L);
    }
    assertEquals(List.of(), of(AnomalyType.CREDENTIAL_STUFFING));
  }
}
