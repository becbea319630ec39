package dev.lambdaguard.auth;

import static dev.lambdaguard.auth.JwtHarness.AUDIENCE;
import static dev.lambdaguard.auth.JwtHarness.ISSUER;
import static dev.lambdaguard.auth.JwtHarness.NOW;
import static dev.lambdaguard.auth.JwtHarness.RSA;
import static dev.lambdaguard.auth.JwtHarness.claims;
import static dev.lambdaguard.auth.JwtHarness.reasonOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opaque tokens through a real RFC 7662 endpoint on loopback. */
class IntrospectionTest {

  private static final String CLIENT_SECRET = "resource-server-secret-" + System.nanoTime();

  private HttpServer server;
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicReference<String> lastAuthorization = new AtomicReference<>();
  private volatile int status = 200;
  private volatile long delayMillis;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/introspect", exchange -> {
      calls.incrementAndGet();
      lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
      String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
      String token = "";
      for (String pair : form.split("&")) {
        if (pair.startsWith("token=")) {
          token = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
        }
      }
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = answers.getOrDefault(token, "{\"active\":false}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  /**
   * Timeouts far above a loopback round trip: on a loaded two-core CI machine the first call (class loading,
   * a new connection) can take hundreds of milliseconds. The slow-server case sets its own delay above them.
   */
  private JwtHarness harness() {
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/introspect");
    return new JwtHarness(JwtHarness.defaults().opaqueTokens(new Introspection(endpoint, "orders-rs",
        () -> CLIENT_SECRET, Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(2))));
  }

  private static String active(String extra) {
    return "{\"active\":true,\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"bob\",\"scope\":\"orders:read\","
        + "\"client_id\":\"mobile\",\"exp\":" + (NOW + 600) + extra + "}";
  }

  @Test
  void anActiveOpaqueTokenIsAcceptedWithItsClaimsAndCached() {
    answers.put("opaque-token-1", active(""));
    JwtHarness harness = harness();
    assertEquals("allowed", reasonOf(harness.bearer("opaque-token-1")));
    assertEquals("bob", harness.principal.get().subject());
    assertEquals("mobile", harness.principal.get().clientId());
    assertEquals("allowed", reasonOf(harness.bearer("opaque-token-1")));
    assertEquals(1, calls.get(), "the second use is served from the cache");
    String expected = Base64.getEncoder().encodeToString(("orders-rs:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    assertEquals("Basic " + expected, lastAuthorization.get());
  }

  @Test
  void theCacheIsCappedByTheMaximumCacheTime() {
    answers.put("opaque-token-2", active(""));
    JwtHarness harness = harness();
    assertEquals("allowed", reasonOf(harness.bearer("opaque-token-2")));
    harness.clock.setMillis((NOW + 31) * 1000);
    assertEquals("allowed", reasonOf(harness.bearer("opaque-token-2")));
    assertEquals(2, calls.get(), "after 30 s the answer is asked again (revocation is seen)");
    answers.put("opaque-token-2", "{\"active\":false}");
    harness.clock.setMillis((NOW + 62) * 1000);
    assertEquals("token_inactive", reasonOf(harness.bearer("opaque-token-2")));
  }

  @Test
  void inactiveUnknownAndForeignTokensAreRefused() {
    JwtHarness harness = harness();
    assertEquals("token_inactive", reasonOf(harness.bearer("never-issued")));
    answers.put("for-another-api", active("").replace(AUDIENCE, "billing-api"));
    assertEquals("audience_mismatch", reasonOf(harness.bearer("for-another-api")));
    answers.put("expired", active("").replace("\"exp\":" + (NOW + 600), "\"exp\":" + (NOW - 600)));
    assertEquals("token_expired", reasonOf(harness.bearer("expired")));
    answers.put("odd-answer", "{\"active\":\"yes\"}");
    assertEquals("introspection_unavailable", reasonOf(harness.bearer("odd-answer")));
    answers.put("a-refresh-token", active(",\"token_type\":\"refresh_token\""));
    assertEquals("token_type_invalid", reasonOf(harness.bearer("a-refresh-token")));
  }

  @Test
  void anEndpointFailureDeniesWith503NeverAccepts() {
    answers.put("opaque-token-3", active(""));
    status = 500;
    JwtHarness harness = harness();
    dev.lambdaguard.Denial denial = (dev.lambdaguard.Denial) harness.bearer("opaque-token-3");
    assertEquals("introspection_unavailable", denial.reason().code());
    assertEquals(503, denial.status());
    status = 302; // a redirect is not followed: credentials never go elsewhere
    assertEquals("introspection_unavailable", reasonOf(harness.bearer("opaque-token-3")));
    status = 200;
    delayMillis = 2_500;
    assertEquals("introspection_unavailable", reasonOf(harness.bearer("opaque-token-3")));
    assertEquals(0, harness.handlerCalls.get());
  }

  @Test
  void jwtsAreStillVerifiedLocally() {
    JwtHarness harness = harness();
    assertEquals("allowed", reasonOf(harness.bearer(Tokens.sign("RS256", RSA, claims()))));
    assertEquals(0, calls.get());
    assertTrue(harness.sink.types().contains("allow"));
  }
}
