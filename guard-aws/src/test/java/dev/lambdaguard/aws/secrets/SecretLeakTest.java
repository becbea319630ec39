package dev.lambdaguard.aws.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdaguard.FakeClock;
import dev.lambdaguard.Guard;
import dev.lambdaguard.auth.ApiKeyAuthenticator;
import dev.lambdaguard.auth.JwtAuthenticator;
import dev.lambdaguard.auth.KeySource;
import dev.lambdaguard.auth.Tokens;
import dev.lambdaguard.aws.Fixtures;
import dev.lambdaguard.aws.GuardedRequestHandler;
import dev.lambdaguard.aws.TestContext;
import dev.lambdaguard.aws.events.RuntimeSerialization;
import dev.lambdaguard.secrets.SecretCache;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Secrets fetched through every provider (Secrets Manager through the SDK with AWS's caching client, SSM
 * parameters through the SDK, the extension for both), used on every path (allow, deny, the handler's own exception, an
 * interceptor's failure, a refresh outage served stale, a secret never fetched, a secret planted in the
 * environment): no secret value, key or token
 * appears in anything written to stdout or stderr, while the events that prove each path ran do.
 */
class SecretLeakTest {

  static String random(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "");
  }

  final String jwtKey = random("hs256-");
  final String dbPassword = random("pw-");
  final String partnerA = random("k_live_a");
  final String partnerBOld = random("k_live_b");
  final String partnerBNew = random("k_live_c");
  final String webhookToken = random("whk-");
  final String signingSalt = random("salt-");
  final List<String> tokens = new ArrayList<>();

  SecretsManagerEmulator secretsManager;
  ExtensionEmulator extension;
  final FakeClock cacheClock = new FakeClock(0);
  final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  PrintStream originalOut;
  PrintStream originalErr;

  @BeforeEach
  void start() throws Exception {
    secretsManager = new SecretsManagerEmulator();
    secretsManager.put("orders/jwt", "{\"signingKey\":\"" + jwtKey + "\"}", "v1");
    secretsManager.put("prod/db", "{\"user\":\"app\",\"password\":\"" + dbPassword + "\"}", "v1");
    extension = new ExtensionEmulator();
    extension.secrets.put("partners/api-keys", new String[] {
        "{\"partner-a\":\"" + partnerA + "\",\"partner-b\":[\"" + partnerBOld + "\",\"" + partnerBNew + "\"]}", "v1"});
    extension.parameters.put("/orders/webhook-token", webhookToken);
    secretsManager.parameters.put("/orders/signing-salt", signingSalt);
    originalOut = System.out;
    originalErr = System.err;
    PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
  }

  @AfterEach
  void stop() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    secretsManager.close();
    extension.close();
  }

  SecretCache cache(dev.lambdaguard.secrets.SecretProvider provider) {
    return SecretCache.builder(provider).clock(cacheClock).refresher(Runnable::run).build();
  }

  String token(String key, String subject) {
    long now = System.currentTimeMillis() / 1000;
    String token = Tokens.hmac("HS256", key.getBytes(StandardCharsets.UTF_8), "{\"alg\":\"HS256\"}",
        "{\"iss\":\"https://issuer.example.com\",\"sub\":\"" + subject + "\",\"aud\":\"orders-api\",\"iat\":"
            + (now - 10) + ",\"exp\":" + (now + 600) + "}");
    tokens.add(token);
    return token;
  }

  static APIGatewayV2HTTPResponse call(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
      String path, Map<String, String> credentials) {
    APIGatewayV2HTTPEvent event = RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class,
        Fixtures.bytes("apigw-http-v2", "no-authorizer.json"));
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.putAll(credentials);
    event.setHeaders(headers);
    event.setRawPath(path);
    event.getRequestContext().getHttp().setPath(path);
    return handler.handleRequest(event, new TestContext("leak" + path.replace('/', '-')));
  }

  @Test
  void noSecretReachesStdoutOrStderrOnAnyPath() throws Exception {
    SecretCache viaSdk = cache(SecretsManagerProvider.builder().endpoint(secretsManager.endpoint())
        .region("us-east-1")
        .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key-id", "test-secret-key")))
        .timeouts(Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofSeconds(2))
        .cacheTtl(Duration.ofSeconds(1)).build());
    SecretCache viaExtension = cache(ParametersSecretsExtension.at(extension.base(), extension.token, false));
    SecretCache parameters = cache(ParametersSecretsExtension.at(extension.base(), extension.token, true));
    SecretCache parametersViaSdk = cache(SsmParameterProvider.builder().endpoint(secretsManager.endpoint())
        .region("us-east-1")
        .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key-id", "test-secret-key")))
        .timeouts(Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofSeconds(2)).build());
    Guard guard = Guard.builder()
        .environment(Map.of("LEGACY_DB_PASSWORD", dbPassword, "AWS_REGION", "us-east-1"))
        .jwtOrApiKey(
            JwtAuthenticator.builder().issuer("https://issuer.example.com").audiences("orders-api")
                .keys(KeySource.hmac(viaSdk, "orders/jwt#signingKey")).build(),
            ApiKeyAuthenticator.of(viaExtension, "partners/api-keys"))
        .addInterceptor(chain -> {
          if (chain.request().path().equals("/broken")) {
            throw new IllegalStateException("interceptor failed holding " + viaSdk.get("prod/db#password"));
          }
          return chain.proceed();
        })
        .build();
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = GuardedRequestHandler.wrap(
        (event, context) -> {
          String password = viaSdk.get("prod/db#password");
          String webhook = parameters.get("/orders/webhook-token");
          String salt = parametersViaSdk.get("/orders/signing-salt");
          if (event.getRawPath().equals("/fail")) {
            throw new IllegalStateException("login failed with " + password + " and " + webhook + " and " + salt);
          }
          APIGatewayV2HTTPResponse ok = new APIGatewayV2HTTPResponse();
          ok.setStatusCode(200);
          ok.setBody("{\"ok\":true}");
          return ok;
        }, guard);
    StringBuilder responses = new StringBuilder();

    // Allow: a token signed with the key from the SDK path, each partner's key from the extension path.
    responses.append(call(handler, "/orders/1", Map.of("authorization", "Bearer " + token(jwtKey, "alice"))));
    assertEquals(200, call(handler, "/orders/2", Map.of("x-api-key", partnerA)).getStatusCode());
    assertEquals(200, call(handler, "/orders/3", Map.of("x-api-key", partnerBNew)).getStatusCode());
    // Deny: a guessed key, a forged token, both credentials at once.
    assertEquals(401, call(handler, "/orders/4", Map.of("x-api-key", partnerA + "x")).getStatusCode());
    assertEquals(401, call(handler, "/orders/5",
        Map.of("authorization", "Bearer " + token(random("guessed-key-"), "mallory"))).getStatusCode());
    assertEquals(400, call(handler, "/orders/6",
        Map.of("authorization", "Bearer " + token(jwtKey, "alice"), "x-api-key", partnerBOld)).getStatusCode());
    // Error: the handler's exception names both secrets; the guard's error event must not.
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> call(handler, "/fail", Map.of("x-api-key", partnerBOld)));
    assertTrue(thrown.getMessage().contains(dbPassword), "the function's own exception reaches the runtime unchanged");
    // Error: an interceptor fails holding a secret; the guard fails closed with an error event.
    assertEquals(500, call(handler, "/broken", Map.of("x-api-key", partnerA)).getStatusCode());
    // Outage: every store fails; past the TTL the last good values are served and the failures reported.
    secretsManager.failStatus = 500;
    extension.failStatus = 503;
    Thread.sleep(1_100); // past the caching client's own TTL, so the SDK path really asks the store
    cacheClock.setNanos(Duration.ofMinutes(6).toNanos());
    assertEquals(200, call(handler, "/orders/7", Map.of("authorization", "Bearer " + token(jwtKey, "alice")))
        .getStatusCode());
    assertEquals(200, call(handler, "/orders/8", Map.of("x-api-key", partnerA)).getStatusCode());
    // A secret never fetched, during the outage: fail closed, naming the secret id only.
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> other = GuardedRequestHandler.wrap(
        (event, context) -> new APIGatewayV2HTTPResponse(),
        Guard.builder().environment(Map.of()).apiKeys(ApiKeyAuthenticator.of(
            cache(ParametersSecretsExtension.at(extension.base(), extension.token, false)), "partners/other")).build());
    APIGatewayV2HTTPResponse unavailable = call(other, "/orders/9", Map.of("x-api-key", partnerA));
    assertEquals(503, unavailable.getStatusCode());
    responses.append(unavailable);

    System.out.flush();
    System.err.flush();
    String written = captured.toString(StandardCharsets.UTF_8) + responses;
    for (String expected : List.of("\"principal\":\"partner-b\"", "\"reason\":\"api_key_invalid\"",
        "\"reason\":\"signature_invalid\"", "\"reason\":\"token_ambiguous\"", "\"event_type\":\"error\"",
        "\"notice\":\"secret_stale\"", "\"secret\":\"partners/api-keys\"", "\"secret\":\"/orders/webhook-token\"",
        "\"reason\":\"secret_unavailable\"", "\"secret\":\"partners/other\"", "\"variable\":\"LEGACY_DB_PASSWORD\"",
        "could not be refreshed")) {
      assertTrue(written.contains(expected), "the path that writes " + expected + " did not run:\n" + written);
    }
    List<String> values = new ArrayList<>(List.of(jwtKey, dbPassword, partnerA, partnerBOld, partnerBNew,
        webhookToken, signingSalt));
    values.addAll(tokens);
    for (String value : values) {
      assertFalse(written.contains(value), "a secret value reached the output:\n" + written);
    }
    assertFalse(written.contains("k_live_"), "an API key reached the output");
  }
}
