package dev.lambdaguard.aws.secrets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback emulation of the AWS Parameters and Secrets Lambda Extension's HTTP interface: it checks the
 * token header, answers secrets and parameters in the extension's JSON shapes, and fails on demand
 * (throttling, 5xx, slowness).
 */
public final class ExtensionEmulator implements AutoCloseable {

  public final String token = "session-token-" + System.nanoTime();
  public final Map<String, String[]> secrets = new ConcurrentHashMap<>(); // id -> {value, versionId}
  public final Map<String, String> parameters = new ConcurrentHashMap<>();
  public final AtomicInteger calls = new AtomicInteger();
  public volatile int failStatus;
  public volatile long delayMillis;
  private final HttpServer server;

  public ExtensionEmulator() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "extension-emulator");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/secretsmanager/get", exchange -> {
      Map<String, String> query = query(exchange);
      String[] secret = secrets.get(query.getOrDefault("secretId", ""));
      answer(exchange, secret == null ? null
          : "{\"ARN\":\"arn:aws:secretsmanager:us-east-1:123456789012:secret:" + query.get("secretId") + "\",\"Name\":\""
              + query.get("secretId") + "\",\"SecretString\":" + json(secret[0]) + ",\"VersionId\":\"" + secret[1]
              + "\",\"VersionStages\":[\"AWSCURRENT\"]}");
    });
    server.createContext("/systemsmanager/parameters/get", exchange -> {
      Map<String, String> query = query(exchange);
      String value = parameters.get(query.getOrDefault("name", ""));
      answer(exchange, value == null ? null
          : "{\"Parameter\":{\"Name\":\"" + query.get("name") + "\",\"Type\":\"SecureString\",\"Value\":" + json(value)
              + ",\"Version\":3}}");
    });
    server.start();
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void answer(HttpExchange exchange, String body) throws IOException {
    calls.incrementAndGet();
    try {
      Thread.sleep(delayMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int status;
    String out;
    if (!token.equals(exchange.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token"))) {
      status = 401;
      out = "{\"message\":\"missing or invalid token\"}";
    } else if (failStatus != 0) {
      status = failStatus;
      out = failStatus == 400 ? "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}" : "{}";
    } else if (body == null) {
      status = 404;
      out = "{\"__type\":\"ResourceNotFoundException\"}";
    } else {
      status = 200;
      out = body;
    }
    byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream o = exchange.getResponseBody()) {
      o.write(bytes);
    }
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> out = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  private static String json(String value) {
    return dev.lambdaguard.events.JsonText.quote(value);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
