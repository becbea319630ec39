package dev.lambdaguard.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Denial;
import dev.lambdaguard.FakeClock;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.MultiValueMap;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.RecordingSink;
import dev.lambdaguard.SecurityContext;
import dev.lambdaguard.auth.ApiKeyAuthenticator;
import dev.lambdaguard.auth.JwtAuthenticator;
import dev.lambdaguard.auth.KeySource;
import dev.lambdaguard.auth.RoutePolicy;
import dev.lambdaguard.auth.RouteRequirement;
import dev.lambdaguard.auth.Tokens;
import dev.lambdaguard.events.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One guard for people with tokens and partners with API keys: each credential on its own, never both. */
class JwtOrApiKeyTest {

  static final long NOW = 1_800_000_000L;
  static final String JWT_KEY = "hs256-" + Long.toHexString(System.nanoTime()) + "-0123456789abcdef0123";
  static final String API_KEY = "k_live_" + Long.toHexString(System.nanoTime()) + "p";
  static final RoutePolicy ROUTES = RoutePolicy.builder()
      .route("GET /orders/{id}", RouteRequirement.scopes("orders:read"))
      .route("POST /orders", RouteRequirement.scopes("orders:write"))
      .route("DELETE /orders/{id}", RouteRequirement.roles("admin"))
      .denyUnlisted()
      .build();

  final SecretCacheTest.FakeProvider provider = new SecretCacheTest.FakeProvider();
  final FakeClock clock = new FakeClock(NOW * 1000);
  final RecordingSink sink = new RecordingSink();
  final List<String> callers = new ArrayList<>();
  final Guard guard;

  JwtOrApiKeyTest() {
    provider.secrets.put("orders/jwt", SecretValue.text("{\"signingKey\":\"" + JWT_KEY + "\"}", "v1"));
    provider.secrets.put("orders/api-keys", SecretValue.text("{\"partner-a\":\"" + API_KEY + "\"}", "v1"));
    SecretCache secrets = SecretCache.builder(provider).redactor(new Redactor()).clock(clock)
        .refresher(Runnable::run).build();
    guard = Guard.builder().clock(clock).environment(Map.of()).eventSink(sink)
        .jwtOrApiKey(
            JwtAuthenticator.builder().issuer("https://issuer.example.com").audiences("orders-api")
                .keys(KeySource.hmac(secrets, "orders/jwt#signingKey")).routes(ROUTES).clock(clock).build(),
            ApiKeyAuthenticator.of(secrets, "orders/api-keys").withScopes("orders:read").withRoutes(ROUTES))
        .build();
  }

  static String token(String scope) {
    String claims = "{\"iss\":\"https://issuer.example.com\",\"sub\":\"alice\",\"aud\":\"orders-api\",\"iat\":"
        + (NOW - 60) + ",\"exp\":" + (NOW + 600) + ",\"scope\":\"" + scope + "\"}";
    return Tokens.hmac("HS256", JWT_KEY.getBytes(StandardCharsets.UTF_8), "{\"alg\":\"HS256\"}", claims);
  }

  Outcome send(String method, String path, String authorization, String apiKey) {
    MultiValueMap.Builder headers = MultiValueMap.headersBuilder();
    if (authorization != null) {
      headers.add("Authorization", authorization);
    }
    if (apiKey != null) {
      headers.add("X-API-Key", apiKey);
    }
    GuardRequest request = GuardRequest.builder("apigw-http-v2").method(method).path(path).headers(headers.build())
        .build();
    return guard.handle(request, Invocation.NONE, context -> {
      callers.add(SecurityContext.current().orElseThrow().principal().orElseThrow().subject());
      return "ok";
    });
  }

  static String reason(Outcome outcome) {
    return outcome instanceof Denial denial ? denial.status() + " " + denial.reason().code() : "allowed";
  }

  @Test
  void eachCredentialWorksOnItsOwnAndNamesItsCaller() {
    assertEquals("allowed", reason(send("GET", "/orders/7", "Bearer " + token("orders:read"), null)));
    assertEquals("allowed", reason(send("GET", "/orders/7", null, API_KEY)));
    assertEquals(List.of("alice", "partner-a"), callers);
    assertEquals(List.of("auth"), guard.interceptorNames().subList(0, 1));
  }

  @Test
  void keyHoldersAreAuthorizedByTheSameRoutePolicyWithTheScopesTheyAreGranted() {
    assertEquals("403 insufficient_scope", reason(send("POST", "/orders", null, API_KEY)));
    assertEquals("403 insufficient_scope", reason(send("DELETE", "/orders/7", null, API_KEY)),
        "a key carries no roles");
    assertEquals("403 route_not_allowed", reason(send("GET", "/admin", null, API_KEY)));
    assertEquals("allowed", reason(send("POST", "/orders", "Bearer " + token("orders:write"), null)));
    assertEquals(List.of("alice"), callers);
  }

  @Test
  void bothCredentialsAreAmbiguousAndNeitherGetsTheTokenChallenge() {
    assertEquals("400 token_ambiguous", reason(send("GET", "/orders/7", "Bearer " + token("orders:read"), API_KEY)));
    Outcome none = send("GET", "/orders/7", null, null);
    assertEquals("401 token_missing", reason(none));
    assertTrue(((Denial) none).headers().get("WWW-Authenticate").startsWith("Bearer"));
    assertTrue(callers.isEmpty());
  }

  @Test
  void aFailedCredentialNeverFallsBackToTheOther() {
    assertEquals("401 api_key_invalid", reason(send("GET", "/orders/7", null, API_KEY + "x")));
    assertEquals("401 signature_invalid", reason(send("GET", "/orders/7",
        "Bearer " + Tokens.hmac("HS256", "wrong-key-0123456789abcdef0123456789ab".getBytes(StandardCharsets.UTF_8),
            "{\"alg\":\"HS256\"}", "{\"sub\":\"mallory\"}"), null)));
    assertTrue(callers.isEmpty());
  }
}
