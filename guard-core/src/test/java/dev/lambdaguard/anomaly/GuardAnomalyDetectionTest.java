package dev.lambdaguard.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Denial;
import dev.lambdaguard.FakeClock;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.MultiValueMap;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.Reasons;
import dev.lambdaguard.RecordingSink;
import dev.lambdaguard.events.EventJson;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.events.SecurityEvent;
import dev.lambdaguard.ratelimit.internal.KeyHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The guard feeds every decided request to the detector and reports what it finds as anomaly events. */
class GuardAnomalyDetectionTest {

  /** A credential that must never reach an event, whatever the detector reports. */
  private static final String CANARY_TOKEN =
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.Y2FuYXJ5LXNpZ25hdHVyZS1hbm9tYWx5";

  private final FakeClock clock = new FakeClock(1_800_000_000_000L);
  private final RecordingSink sink = new RecordingSink();

  private static GuardRequest attempt(String ip, String token) {
    return GuardRequest.builder("apigw-http-v2").method("GET").path("/orders/1").routeKey("GET /orders/{id}")
        .sourceIp(ip).headers(MultiValueMap.headersBuilder().add("Authorization", "Bearer " + token).build()).build();
  }

  private Guard guard(boolean detection) {
    Guard.Builder builder = Guard.builder().clock(clock).eventSink(sink).environment(Map.of())
        .credentialCheck(false)
        // Refuses every token but the canary, as a token check would.
        .addInterceptor(chain -> chain.request().headers().firstOrNull("authorization").endsWith(CANARY_TOKEN)
            ? chain.proceed()
            : Denial.unauthorized(Reasons.SIGNATURE_INVALID, "The token is not valid."));
    if (detection) {
      builder.anomalyDetection(AnomalyPolicy.defaults());
    }
    return builder.build();
  }

  @Test
  void credentialStuffingThroughTheGuardIsOneAnomalyEventAfterTheDenial() {
    Guard guard = guard(true);
    AtomicInteger handled = new AtomicInteger();
    for (int i = 0; i < 12; i++) {
      clock.setMillis(clock.currentTimeMillis() + 1000);
      Outcome outcome = guard.handle(attempt("198.51.100.7", "guess-" + i), Invocation.NONE,
          context -> handled.incrementAndGet());
      assertInstanceOf(Denial.class, outcome, "detection never changes the decision");
    }
    assertEquals(0, handled.get());
    SecurityEvent.AnomalyEvent event = sink.only(SecurityEvent.AnomalyEvent.class);
    assertEquals(AnomalyType.CREDENTIAL_STUFFING, event.anomaly().type());
    assertEquals("198.51.100.7", event.request().sourceIp());
    List<String> types = sink.types();
    assertEquals("anomaly", types.get(types.indexOf("anomaly")));
    assertEquals("deny", types.get(types.indexOf("anomaly") - 1), "the request's own event comes first: " + types);
  }

  @Test
  void aSharedCountThatCannotAnswerIsOneNoticePerOutageAndTheEnvironmentCountsAlone() {
    AtomicInteger calls = new AtomicInteger();
    boolean[] down = {true};
    SharedFailures flaky = (source, credential, now, rule, claim) -> {
      calls.incrementAndGet();
      assertFalse(source.contains("198.51.100") || credential.contains("guess"), "only hashes are shared");
      if (down[0]) {
        throw new IllegalStateException("unreachable");
      }
      return new SharedFailures.Tally(1, 1, false);
    };
    Guard guard = Guard.builder().clock(clock).eventSink(sink).environment(Map.of()).credentialCheck(false)
        .addInterceptor(chain -> Denial.unauthorized(Reasons.SIGNATURE_INVALID, "The token is not valid."))
        .anomalyDetection(AnomalyPolicy.builder().only(AnomalyType.CREDENTIAL_STUFFING).sharedFailures(flaky).build())
        .build();
    for (int i = 0; i < 12; i++) {
      clock.setMillis(clock.currentTimeMillis() + 1000);
      guard.handle(attempt("198.51.100.7", "guess-" + i), Invocation.NONE, context -> "ok");
    }
    assertEquals(12, calls.get(), "every failure is offered to the shared count");
    List<SecurityEvent.NoticeEvent> notices = sink.events(SecurityEvent.NoticeEvent.class);
    assertEquals(1, notices.size(), "one notice for the outage, not one per failure: " + sink.types());
    assertEquals("anomaly_shared_fallback", notices.get(0).notice());
    assertEquals(AnomalyType.CREDENTIAL_STUFFING, sink.only(SecurityEvent.AnomalyEvent.class).anomaly().type(),
        "counted alone, the environment still reports what it saw");

    down[0] = false; // back: the shared tally decides (it says no), then it fails again: a second notice
    guard.handle(attempt("198.51.100.8", "guess-x"), Invocation.NONE, context -> "ok");
    down[0] = true;
    guard.handle(attempt("198.51.100.8", "guess-y"), Invocation.NONE, context -> "ok");
    assertEquals(2, sink.events(SecurityEvent.NoticeEvent.class).size(), sink.types().toString());
  }

  @Test
  void aRequestWithoutAnyCredentialIsNotOfferedToTheSharedCount() {
    AtomicInteger calls = new AtomicInteger();
    SharedFailures counting = (source, credential, now, rule, claim) -> {
      calls.incrementAndGet();
      return new SharedFailures.Tally(1, 1, false);
    };
    Guard guard = Guard.builder().clock(clock).eventSink(sink).environment(Map.of()).credentialCheck(false)
        .addInterceptor(chain -> Denial.unauthorized(Reasons.TOKEN_MISSING, "No token."))
        .anomalyDetection(AnomalyPolicy.builder().only(AnomalyType.CREDENTIAL_STUFFING).sharedFailures(counting).build())
        .build();
    GuardRequest tokenless = GuardRequest.builder("apigw-http-v2").method("GET").path("/orders/1")
        .routeKey("GET /orders/{id}").sourceIp("198.51.100.7").build();
    for (int i = 0; i < 20; i++) {
      guard.handle(tokenless, Invocation.NONE, context -> "ok");
    }
    assertEquals(0, calls.get(), "a flood without tokens guesses nothing and costs no round trip");
    guard.handle(attempt("198.51.100.7", "guess"), Invocation.NONE, context -> "ok");
    assertEquals(1, calls.get());
  }

  @Test
  void aBasicHeaderIsSharedByItsUserNameNeverItsPassword() {
    List<String> shared = new ArrayList<>();
    SharedFailures recording = (source, credential, now, rule, claim) -> {
      shared.add(credential);
      return new SharedFailures.Tally(1, 1, false);
    };
    Guard guard = Guard.builder().clock(clock).eventSink(sink).environment(Map.of()).credentialCheck(false)
        .addInterceptor(chain -> Denial.unauthorized(Reasons.SIGNATURE_INVALID, "Bad credentials."))
        .anomalyDetection(AnomalyPolicy.builder().only(AnomalyType.CREDENTIAL_STUFFING).sharedFailures(recording)
            .build())
        .build();
    for (String userAndPassword : List.of("admin:Summer2024!", "admin:Winter2024!", "root:hunter2")) {
      String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(userAndPassword.getBytes());
      GuardRequest request = GuardRequest.builder("apigw-http-v2").method("GET").path("/orders/1")
          .routeKey("GET /orders/{id}").sourceIp("198.51.100.9")
          .headers(MultiValueMap.headersBuilder().add("Authorization", basic).build()).build();
      guard.handle(request, Invocation.NONE, context -> "ok");
    }
    assertEquals(List.of(KeyHash.of("admin"), KeyHash.of("admin"), KeyHash.of("root")), shared,
        "the hash of a password, often in a dictionary, is never sent");
  }

  @Test
  void withoutDetectionNoAnomalyIsReported() {
    Guard guard = guard(false);
    for (int i = 0; i < 12; i++) {
      guard.handle(attempt("198.51.100.7", "guess-" + i), Invocation.NONE, context -> "ok");
    }
    assertEquals(List.of(), sink.events(SecurityEvent.AnomalyEvent.class));
  }

  @Test
  void aSampledOutAllowStillReportsItsAnomaly() {
    Guard guard = Guard.builder().clock(clock).eventSink(sink).environment(Map.of()).credentialCheck(false)
        .allowEventSampleRate(0.0).anomalyDetection(AnomalyPolicy.only(AnomalyType.TOKEN_THEFT)).build();
    for (int i = 0; i < 8; i++) { // a minute apart: each address comes after the token's first minute at home
      clock.setMillis(clock.currentTimeMillis() + 60_000);
      guard.handle(attempt("100.64.0." + i, CANARY_TOKEN), Invocation.NONE, context -> "ok");
    }
    assertEquals(List.of("init", "anomaly"), sink.types());
  }

  @Test
  void theAnomalyLineCarriesScoreFeatureAndAHashedKeyButNeverTheToken() {
    Guard guard = Guard.builder().clock(clock).eventSink(sink).environment(Map.of()).credentialCheck(false)
        .anomalyDetection(AnomalyPolicy.only(AnomalyType.TOKEN_THEFT)).build();
    for (int i = 0; i < 8; i++) { // a minute apart: each address comes after the token's first minute at home
      clock.setMillis(clock.currentTimeMillis() + 60_000);
      guard.handle(attempt("100.64.0." + i, CANARY_TOKEN), Invocation.NONE, context -> "ok");
    }
    String line = new EventJson(new Redactor()).format(sink.only(SecurityEvent.AnomalyEvent.class));
    assertTrue(line.contains("\"event_type\":\"anomaly\""), line);
    assertTrue(line.contains("\"level\":\"WARN\""), line);
    assertTrue(line.contains("\"decision\":\"monitor\""), line);
    assertTrue(line.contains("\"anomaly\":\"token_theft\""), line);
    assertTrue(line.contains("\"feature\":\"distinct_sources_per_token\""), line);
    assertTrue(line.contains("\"key_kind\":\"token\""), line);
    assertTrue(line.contains("\"threshold\":6,"), line);
    assertTrue(line.contains("\"score\":"), line);
    assertTrue(line.contains("\"ocsf_class_uid\":2004"), line);
    assertFalse(line.contains(CANARY_TOKEN), line);
    assertFalse(line.contains("Y2FuYXJ5LXNpZ25hdHVyZS1hbm9tYWx5"), line);
  }
}
