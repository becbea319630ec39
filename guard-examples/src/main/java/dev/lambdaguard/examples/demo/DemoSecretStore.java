package dev.lambdaguard.examples.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lambdaguard.events.JsonText;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's secret store: a loopback stand-in for the AWS Parameters and Secrets Lambda Extension, so the
 * orders function reads its secrets over HTTP exactly as deployed, offline. It answers
 * {@code GET /secretsmanager/get?secretId=…} in the extension's JSON shape, only with the session token in
 * {@code X-Aws-Parameters-Secrets-Token}, and counts the fetches it serves. It also speaks the Secrets Manager API
 * itself ({@code DescribeSecret} and {@code GetSecretValue} in the JSON 1.1 protocol) at
 * {@link #secretsManagerEndpoint()}, for the function deployed without the extension that reads its secrets with
 * the AWS SDK.
 */
public final class DemoSecretStore implements AutoCloseable {

  private final String sessionToken = UUID.randomUUID().toString();
  private final Map<String, String[]> secrets = new ConcurrentHashMap<>(); // id -> {value, version id}
  private final AtomicInteger fetches = new AtomicInteger();
  private final HttpServer server;

  public DemoSecretStore() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/secretsmanager/get", this::answer);
    server.createContext("/", this::answerSdk);
    server.start();
  }

  /** Writes a new version of a secret, as a rotation would. */
  public void put(String id, String value) {
    secrets.put(id, new String[] {value, UUID.randomUUID().toString()});
  }

  /** The environment a function in this store's execution environment would have. */
  public Map<String, String> lambdaEnvironment() {
    return Map.of("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", String.valueOf(server.getAddress().getPort()),
        "AWS_SESSION_TOKEN", sessionToken);
  }

  /** Where an AWS SDK Secrets Manager client reaches this store. */
  public String secretsManagerEndpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The ARN of a secret, as Secrets Manager names it: the name and six characters of its own (fixed here). */
  public static String arn(String id) {
    return "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:" + id + "-a1B2c3";
  }

  public static final String REGION = "eu-west-1";
  /** The example account id of the AWS documentation. */
  public static final String ACCOUNT = "123456789012";

  public int fetches() {
    return fetches.get();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String id = secretId(exchange.getRequestURI().getRawQuery());
    String[] secret = id == null ? null : secrets.get(id);
    int status;
    String body;
    if (!sessionToken.equals(exchange.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token"))) {
      status = 401;
      body = "{\"message\":\"missing or invalid token\"}";
    } else if (secret == null) {
      status = 404;
      body = "{\"__type\":\"ResourceNotFoundException\"}";
    } else {
      fetches.incrementAndGet();
      status = 200;
      body = "{\"Name\":" + JsonText.quote(id) + ",\"SecretString\":" + JsonText.quote(secret[0])
          + ",\"VersionId\":\"" + secret[1] + "\",\"VersionStages\":[\"AWSCURRENT\"]}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Secrets Manager's own API, as the SDK calls it (the request signature is not checked: a stand-in). */
  private void answerSdk(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    String id = null;
    try {
      id = JSON.readTree(exchange.getRequestBody().readAllBytes()).path("SecretId").asString(null);
    } catch (tools.jackson.core.JacksonException e) {
      // answered as not found below
    }
    String[] secret = id == null ? null : secrets.get(id);
    int status;
    String body;
    if (secret == null) {
      status = 400;
      body = "{\"__type\":\"ResourceNotFoundException\","
          + "\"message\":\"Secrets Manager can't find the specified secret.\"}";
    } else if ("secretsmanager.DescribeSecret".equals(target)) {
      status = 200;
      body = "{\"ARN\":\"" + arn(id) + "\",\"Name\":" + JsonText.quote(id) + ",\"VersionIdsToStages\":{\""
          + secret[1] + "\":[\"AWSCURRENT\"]}}";
    } else if ("secretsmanager.GetSecretValue".equals(target)) {
      fetches.incrementAndGet();
      status = 200;
      body = "{\"ARN\":\"" + arn(id) + "\",\"Name\":" + JsonText.quote(id) + ",\"SecretString\":"
          + JsonText.quote(secret[0]) + ",\"VersionId\":\"" + secret[1] + "\",\"VersionStages\":[\"AWSCURRENT\"]}";
    } else {
      status = 400;
      body = "{\"__type\":\"UnknownOperationException\"}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  /** The secret asked for; a staged version is not found, as the demo's store keeps current versions only. */
  private static String secretId(String rawQuery) {
    String id = null;
    for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
      if (pair.startsWith("versionStage=")) {
        return null;
      }
      if (pair.startsWith("secretId=")) {
        id = URLDecoder.decode(pair.substring("secretId=".length()), StandardCharsets.UTF_8);
      }
    }
    return id;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
