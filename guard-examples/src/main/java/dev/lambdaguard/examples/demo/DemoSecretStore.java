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
 * {@code X-Aws-Parameters-Secrets-Token}, and counts the fetches it serves.
 */
public final class DemoSecretStore implements AutoCloseable {

  private final String sessionToken = UUID.randomUUID().toString();
  private final Map<String, String[]> secrets = new ConcurrentHashMap<>(); // id -> {value, version id}
  private final AtomicInteger fetches = new AtomicInteger();
  private final HttpServer server;

  public DemoSecretStore() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/secretsmanager/get", this::answer);
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
