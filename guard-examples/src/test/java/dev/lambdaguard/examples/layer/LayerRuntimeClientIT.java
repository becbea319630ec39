package dev.lambdaguard.examples.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The drop-in layer end to end, under the real AWS Lambda Runtime Interface Client: the packaged layer zip, unpacked
 * as /opt, the drop-in example function's deployable jar (which has no guard in it), the exec wrapper starting the
 * client, the client talking to a loopback Runtime API. The guard's policy comes from {@code GUARD_*} variables only:
 * tokens from an issuer whose JWK set the loopback server also serves, scope {@code orders:read} on every request,
 * three requests a minute per caller, input inspection blocking.
 */
class LayerRuntimeClientIT {

  private static final String HANDLER = "dev.lambdaguard.examples.dropin.PlainOrdersFunction::handleRequest";
  private static final String ISSUER = "https://auth.example.com";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  private static RuntimeApiEmulator api;
  private static LambdaRuntimeProcess runtime;
  private static RSAKey key;

  @BeforeAll
  static void startTheRuntime() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
    api = new RuntimeApiEmulator();
    String jwks = api.serve("/.well-known/jwks.json", new JWKSet(key.toPublicJWK()).toString());
    Path opt = LambdaRuntimeProcess.unpackLayer(LambdaRuntimeProcess.TARGET.resolve("lambda-guard-layer.zip"),
        work.resolve("opt"));
    runtime = LambdaRuntimeProcess.start(work, opt, functionJars(), HANDLER, api, Map.of(
        "GUARD_JWT_ISSUER", ISSUER,
        "GUARD_JWT_AUDIENCE", "orders-api",
        "GUARD_JWT_JWKS_URL", jwks,
        "GUARD_JWT_SCOPES", "orders:read",
        "GUARD_RATE_LIMIT", "3/1m",
        "GUARD_INPUT_MODE", "block"));
  }

  static List<Path> functionJars() {
    return List.of(LambdaRuntimeProcess.TARGET.resolve("lambda-guard-examples-dropin.jar"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (runtime != null) {
      runtime.close();
    }
    if (api != null) {
      api.close();
    }
  }

  private static String token(String subject, String scope) throws Exception {
    long now = System.currentTimeMillis();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
        new JWTClaimsSet.Builder().issuer(ISSUER).audience("orders-api").subject(subject).claim("scope", scope)
            .issueTime(new Date(now - 60_000)).expirationTime(new Date(now + 600_000)).build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  /** An HTTP API (payload 2.0) event as API Gateway sends it. */
  static byte[] event(String method, String route, String path, String id, String token, String body) {
    String authorization = token == null ? "" : ",\"authorization\":\"Bearer " + token + "\"";
    String json = """
        {"version":"2.0","routeKey":"%s %s","rawPath":"%s","rawQueryString":"",
         "headers":{"content-type":"application/json","user-agent":"curl/8.0","x-forwarded-for":"198.51.100.7"%s},
         "requestContext":{"accountId":"123456789012","apiId":"api","domainName":"api.example.com",
           "http":{"method":"%s","path":"%s","protocol":"HTTP/1.1","sourceIp":"198.51.100.7","userAgent":"curl/8.0"},
           "requestId":"r-%s","routeKey":"%s %s","stage":"$default","timeEpoch":1587481701067},
         %s"body":%s,"isBase64Encoded":false}
        """.formatted(method, route, path, authorization, method, path, path.hashCode(), method, route,
        id == null ? "" : "\"pathParameters\":{\"id\":\"" + id + "\"},",
        body == null ? "null" : JSON.writeValueAsString(body));
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** Invokes once; a runtime that does not answer fails the test with what it printed. */
  private static RuntimeApiEmulator.Outcome invoke(byte[] event) throws Exception {
    try {
      return api.invoke(event, runtime::isAlive);
    } catch (AssertionError noAnswer) {
      throw new AssertionError(noAnswer.getMessage() + diagnostics(), noAnswer);
    }
  }

  private static JsonNode respond(byte[] event) throws Exception {
    RuntimeApiEmulator.Outcome outcome = invoke(event);
    assertFalse(outcome.error(), () -> "an error instead of a response: " + outcome.body() + diagnostics());
    return JSON.readTree(outcome.body());
  }

  private static String reason(JsonNode response) {
    return JSON.readTree(response.get("body").asString()).path("error").asString();
  }

  private static String diagnostics() {
    try {
      return "\n--- runtime stdout\n" + runtime.stdout() + "\n--- runtime stderr\n" + runtime.stderr();
    } catch (Exception e) {
      return "";
    }
  }

  @Test
  void anAllowedRequestReachesTheFunctionUnchanged() throws Exception {
    JsonNode response = respond(event("GET", "/orders/{id}", "/orders/42", "42", token("alice", "orders:read"), null));

    assertEquals(200, response.get("statusCode").asInt(), diagnostics());
    assertEquals("{\"id\":\"42\",\"status\":\"shipped\"}", response.get("body").asString());
    assertTrue(runtime.stdout().contains("\"event_type\":\"allow\""), diagnostics());
  }

  @Test
  void noTokenIs401() throws Exception {
    JsonNode response = respond(event("GET", "/orders/{id}", "/orders/42", "42", null, null));

    assertEquals(401, response.get("statusCode").asInt(), diagnostics());
    assertEquals("token_missing", reason(response));
  }

  @Test
  void aTokenWithoutTheScopeIs403AndTheTokenIsInNoLogLine() throws Exception {
    String token = token("bob", "profile");
    JsonNode response = respond(event("GET", "/orders/{id}", "/orders/42", "42", token, null));

    assertEquals(403, response.get("statusCode").asInt(), diagnostics());
    assertEquals("insufficient_scope", reason(response));
    String log = runtime.stdout() + runtime.stderr();
    assertTrue(log.contains("\"event_type\":\"deny\""), diagnostics());
    assertFalse(log.contains(token.substring(token.lastIndexOf('.') + 1)), "the token's signature is in the log");
  }

  @Test
  void aConfigurationThatCannotWorkFailsInitThroughTheRuntimeApiNamingTheSetting() throws Exception {
    Path other = java.nio.file.Files.createDirectories(work.resolve("bad-config"));
    try (RuntimeApiEmulator badApi = new RuntimeApiEmulator();
        LambdaRuntimeProcess bad = LambdaRuntimeProcess.start(other, work.resolve("opt"), functionJars(), HANDLER,
            badApi, Map.of("GUARD_RATE_LIMIT", "100/1w"))) {
      RuntimeApiEmulator.InitError error = badApi.initError(30);

      assertTrue(error.body().contains("GUARD_RATE_LIMIT"), error.body());
      assertTrue(error.body().contains("unknown unit"), error.body());
      assertEquals(1, bad.exitCode(20), bad.stderr());
    }
  }

  @Test
  void aMalformedBodyIs400() throws Exception {
    JsonNode response = respond(event("POST", "/orders", "/orders", null, token("carol", "orders:read"),
        "{'item': 'tea'}"));

    assertEquals(400, response.get("statusCode").asInt(), diagnostics());
    assertEquals("json_malformed", reason(response));
  }

  @Test
  void anInjectionIs400() throws Exception {
    JsonNode response = respond(event("POST", "/orders", "/orders", null, token("dave", "orders:read"),
        "{\"item\":\"tea' OR '1'='1' --\"}"));

    assertEquals(400, response.get("statusCode").asInt(), diagnostics());
    assertEquals("injection_detected", reason(response));
  }

  @Test
  void theFourthRequestOfACallerInAMinuteIs429() throws Exception {
    String token = token("erin", "orders:read");
    for (int i = 0; i < 3; i++) {
      assertEquals(200, respond(event("GET", "/orders/{id}", "/orders/7", "7", token, null)).get("statusCode").asInt(),
          diagnostics());
    }

    JsonNode limited = respond(event("GET", "/orders/{id}", "/orders/7", "7", token, null));

    assertEquals(429, limited.get("statusCode").asInt(), diagnostics());
    assertEquals("rate_limited", reason(limited));
    assertNotNull(limited.get("headers").get("Retry-After"), limited.toString());
  }

  @Test
  void theFunctionsExceptionIsReportedByTheRuntimeAsWithoutTheGuard() throws Exception {
    RuntimeApiEmulator.Outcome outcome = invoke(event("POST", "/orders/{id}/cancel", "/orders/9/cancel", "9",
        token("frank", "orders:read"), null));

    assertTrue(outcome.error(), outcome.body());
    JsonNode error = JSON.readTree(outcome.body());
    assertEquals("java.lang.UnsupportedOperationException", error.get("errorType").asString(), outcome.body());
    assertEquals("cancelling orders is not written yet", error.get("errorMessage").asString());
  }
}
