package dev.lambdaguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import dev.lambdaguard.auth.ApiKeyAuthenticator;
import dev.lambdaguard.auth.JwksServer;
import dev.lambdaguard.auth.JwtAuthenticator;
import dev.lambdaguard.auth.KeySource;
import dev.lambdaguard.auth.RoutePolicy;
import dev.lambdaguard.auth.RouteRequirement;
import dev.lambdaguard.auth.TestKeys;
import dev.lambdaguard.auth.Tokens;
import dev.lambdaguard.auth.internal.OfflinePriming;
import dev.lambdaguard.events.EventJson;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.events.SecurityEvent;
import dev.lambdaguard.input.InputPolicy;
import dev.lambdaguard.input.RouteInput;
import dev.lambdaguard.json.JsonLimits;
import dev.lambdaguard.json.StrictJsonParser;
import dev.lambdaguard.ratelimit.RateLimitBackend;
import dev.lambdaguard.ratelimit.RateLimitPolicy;
import dev.lambdaguard.ratelimit.RateLimitRule;
import dev.lambdaguard.ratelimit.RateProbe;
import dev.lambdaguard.secrets.SecretCache;
import dev.lambdaguard.secrets.SecretProvider;
import dev.lambdaguard.secrets.SecretValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SnapStart: priming before the checkpoint calls no network and reports nothing; after a restore, keys, tokens,
 * secrets and local windows are fetched or counted anew, and events say the copy was restored. The hooks are
 * invoked directly, as the CRaC runtime would.
 */
class SnapshotTest {

  private static final RSAKey KEY = TestKeys.rsa("snap-1", 2048);
  private static final long NOW = 1_800_000_000L;

  private final FakeClock clock = new FakeClock(NOW * 1000);
  private final RecordingSink sink = new RecordingSink();
  private JwksServer jwks;

  @BeforeEach
  void start() throws Exception {
    jwks = new JwksServer().jwks(TestKeys.publicJwks(KEY));
  }

  @AfterEach
  void stop() {
    jwks.close();
  }

  private Guard.Builder guard() {
    return Guard.builder().clock(clock).eventSink(sink).environment(Map.of());
  }

  private JwtAuthenticator jwt() {
    return JwtAuthenticator.builder().issuer(jwks.issuer()).audiences("orders-api").keys(KeySource.jwks(jwks.jwksUri()))
        .routes(RoutePolicy.builder().route("GET /orders", RouteRequirement.scopes("orders:read")).build()).clock(clock).build();
  }

  private GuardRequest withToken(String subject) {
    String token = Tokens.sign("RS256", KEY, "{\"iss\":\"" + jwks.issuer() + "\",\"sub\":\"" + subject
        + "\",\"aud\":\"orders-api\",\"scope\":\"orders:read\",\"exp\":" + (NOW + 600) + "}");
    return GuardRequest.builder("alb").method("GET").path("/orders").routeKey("GET /orders")
        .headers(MultiValueMap.headersBuilder().add("authorization", "Bearer " + token).build()).build();
  }

  private Outcome send(Guard guard, GuardRequest request) {
    return guard.handle(request, Invocation.NONE, context -> "ok");
  }

  @Test
  void primingCallsNoNetworkAndReportsNothing() {
    AtomicInteger sharedStoreCalls = new AtomicInteger();
    Guard guard = guard().jwt(jwt()).strictJsonBodies()
        .rateLimit(RateLimitPolicy.builder().anonymous("5/1m").authenticated("5/1m").backend(counting(sharedStoreCalls))
            .clock(clock).build())
        .inputInspection(InputPolicy.defaults()).build();
    sink.clear();

    guard.prime();

    assertEquals(0, jwks.jwksRequests(), "the authenticator's key source is not asked");
    assertEquals(0, sharedStoreCalls.get(), "a shared rate-limit store is not called");
    assertEquals(List.of(), sink.types(), "synthetic requests are not the function's: no event");
  }

  @Test
  void keysAndVerifiedTokensAreFetchedAgainAfterRestore() {
    Guard guard = guard().jwt(jwt()).build();
    assertEquals("ok", handled(send(guard, withToken("alice"))));
    assertEquals("ok", handled(send(guard, withToken("alice"))));
    assertEquals(1, jwks.jwksRequests());

    guard.afterRestore();
    assertEquals(1, jwks.jwksRequests(), "nothing is fetched by the restore itself");
    assertEquals("ok", handled(send(guard, withToken("alice"))));
    assertEquals(2, jwks.jwksRequests(), "the restored copy fetches its own keys, even for a token seen before");
  }

  @Test
  void aRestoredCopyReportsItsOwnColdStartAndMarksEveryEvent() {
    Guard guard = guard().jwt(jwt()).build();
    send(guard, GuardRequest.builder("alb").path("/orders").build());
    send(guard, GuardRequest.builder("alb").path("/orders").build());
    guard.afterRestore();
    send(guard, GuardRequest.builder("alb").path("/orders").build());
    send(guard, GuardRequest.builder("alb").path("/orders").build());

    List<SecurityEvent.DenyEvent> denials = sink.events(SecurityEvent.DenyEvent.class);
    assertEquals(List.of(true, false, true, false), denials.stream().map(d -> d.invocation().coldStart()).toList());
    assertEquals(List.of(false, false, true, true), denials.stream().map(d -> d.invocation().restored()).toList());
    EventJson json = new EventJson(new Redactor());
    assertFalse(json.format(denials.get(0)).contains("\"restored\""));
    assertTrue(json.format(denials.get(2)).contains("\"restored\":true"), json.format(denials.get(2)));
  }

  @Test
  void localWindowsStartAfreshAfterRestoreAndPrimingTakesNoneOfTheirTokens() {
    Guard guard = guard().rateLimit(RateLimitPolicy.builder().anonymous("1/1m").clock(clock).build())
        .strictJsonBodies().build();
    guard.prime();
    GuardRequest caller = GuardRequest.builder("alb").path("/orders").sourceIp("198.51.100.7").build();
    assertInstanceOf(Outcome.Handled.class, send(guard, caller), "priming left the window full");
    assertEquals(429, assertInstanceOf(Denial.class, send(guard, caller)).status());

    guard.afterRestore();
    assertInstanceOf(Outcome.Handled.class, send(guard, caller), "a restored copy does not inherit spent tokens");
  }

  @Test
  void secretsAreFetchedAgainAfterRestore() {
    AtomicInteger fetches = new AtomicInteger();
    SecretProvider provider = (id, stage) -> {
      fetches.incrementAndGet();
      return SecretValue.text("{\"partner\":\"k-" + "123456789abcdef\"}", "v1");
    };
    SecretCache secrets = SecretCache.builder(provider).clock(clock).ttl(Duration.ofMinutes(5)).build();
    Guard guard = guard().apiKeys(ApiKeyAuthenticator.of(secrets, "api-keys")).build();
    GuardRequest keyed = GuardRequest.builder("alb").path("/orders")
        .headers(MultiValueMap.headersBuilder().add("x-api-key", "k-123456789abcdef").build()).build();
    assertInstanceOf(Outcome.Handled.class, send(guard, keyed));
    assertInstanceOf(Outcome.Handled.class, send(guard, keyed));
    assertEquals(1, fetches.get());

    guard.afterRestore();
    assertInstanceOf(Outcome.Handled.class, send(guard, keyed));
    assertEquals(2, fetches.get(), "the key may have rotated while the snapshot was stored");
  }

  @Test
  void aSecretCacheForwardsTheRestoreToAProviderWithItsOwnCache() {
    AtomicInteger restored = new AtomicInteger();
    class CachingProvider implements SecretProvider, SnapshotAware {
      @Override
      public SecretValue fetch(String id, String versionStage) {
        return SecretValue.text("value", "v1");
      }

      @Override
      public void afterRestore() {
        restored.incrementAndGet();
      }
    }
    SecretCache secrets = SecretCache.builder(new CachingProvider()).clock(clock).build();
    secrets.afterRestore();
    assertEquals(1, restored.get());
  }

  @Test
  void primingCompilesSchemasSoABrokenOneIsFoundAtTheCheckpoint() {
    Guard broken = guard().inputInspection(InputPolicy.builder()
        .route("POST /orders", RouteInput.builder().schema("schemas/broken.json").build()).build()).build();
    assertThrows(IllegalArgumentException.class, broken::prime);

    Guard valid = guard().inputInspection(InputPolicy.builder()
        .route("POST /orders", RouteInput.builder().schema("schemas/order.json").build()).build()).build();
    valid.prime();
  }

  @Test
  void sampleTokensAreSignedAndVerifiedOffline() {
    StrictJsonParser json = new StrictJsonParser(JsonLimits.defaults().withMaxDepth(16));
    assertEquals(2, OfflinePriming.verifySampleTokens(json, 8192, NOW), "RS256 and ES256 both verified");
  }

  private static Object handled(Outcome outcome) {
    return assertInstanceOf(Outcome.Handled.class, outcome).response();
  }

  /** A shared store stand-in that only counts: priming must never reach it. */
  private static RateLimitBackend counting(AtomicInteger calls) {
    RateLimitBackend local = RateLimitBackend.local(100, Clock.system());
    return new RateLimitBackend() {
      @Override
      public RateProbe tryConsume(String key, RateLimitRule rule) {
        calls.incrementAndGet();
        return local.tryConsume(key, rule);
      }

      @Override
      public void charge(String key, RateLimitRule rule, long tokens) {
        calls.incrementAndGet();
      }
    };
  }
}
