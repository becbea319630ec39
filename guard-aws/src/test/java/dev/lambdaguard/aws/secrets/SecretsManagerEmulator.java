package dev.lambdaguard.aws.secrets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lambdaguard.events.JsonText;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback server speaking the Secrets Manager JSON 1.1 protocol for {@code GetSecretValue} and
 * {@code DescribeSecret} (and SSM's {@code GetParameter}, the same protocol), as the real SDK clients call them,
 * with throttling, server errors and slowness on demand, and rotation (a new version id).
 */
public final class SecretsManagerEmulator implements AutoCloseable {

  /** id -> {current value, current version id, pending value or null} */
  public final Map<String, String[]> secrets = new ConcurrentHashMap<>();
  /** SSM parameters (same JSON protocol): name or name:label -> value. */
  public final Map<String, String> parameters = new ConcurrentHashMap<>();
  public final AtomicInteger parameterCalls = new AtomicInteger();
  public final AtomicInteger getCalls = new AtomicInteger();
  public final AtomicInteger describeCalls = new AtomicInteger();
  public volatile int failStatus;
  public volatile long delayMillis;
  private final HttpServer server;
  private static final Pattern FIELD = Pattern.compile("\"(SecretId|VersionId|VersionStage|Name)\"\\s*:\\s*\"([^\"]*)\"");

  public SecretsManagerEmulator() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "secretsmanager-emulator");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public void put(String id, String value, String versionId) {
    secrets.put(id, new String[] {value, versionId, null});
  }

  private void handle(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> fields = new java.util.HashMap<>();
    Matcher m = FIELD.matcher(body);
    while (m.find()) {
      fields.put(m.group(1), m.group(2));
    }
    try {
      Thread.sleep(delayMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if ("AmazonSSM.GetParameter".equals(target)) {
      parameter(exchange, fields.getOrDefault("Name", ""), body.contains("\"WithDecryption\":true"));
      return;
    }
    String id = fields.getOrDefault("SecretId", "");
    String[] secret = secrets.get(id);
    if (failStatus != 0) {
      respond(exchange, failStatus, failStatus == 400
          ? "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"
          : "{\"__type\":\"InternalServiceError\",\"message\":\"boom\"}");
      return;
    }
    if (secret == null) {
      respond(exchange, 400, "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the specified secret.\"}");
      return;
    }
    String arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + id;
    if ("secretsmanager.DescribeSecret".equals(target)) {
      describeCalls.incrementAndGet();
      respond(exchange, 200, "{\"ARN\":\"" + arn + "\",\"Name\":\"" + id + "\",\"VersionIdsToStages\":{\"" + secret[1]
          + "\":[\"AWSCURRENT\"]" + (secret[2] != null ? ",\"pending-version\":[\"AWSPENDING\"]" : "") + "}}");
      return;
    }
    getCalls.incrementAndGet();
    boolean pending = "AWSPENDING".equals(fields.get("VersionStage")) || "pending-version".equals(fields.get("VersionId"));
    if (pending && secret[2] == null) {
      respond(exchange, 400, "{\"__type\":\"ResourceNotFoundException\",\"message\":\"no pending version\"}");
      return;
    }
    String value = pending ? secret[2] : secret[0];
    String version = pending ? "pending-version" : secret[1];
    respond(exchange, 200, "{\"ARN\":\"" + arn + "\",\"Name\":\"" + id + "\",\"VersionId\":\"" + version
        + "\",\"SecretString\":" + JsonText.quote(value) + ",\"VersionStages\":[\"" + (pending ? "AWSPENDING" : "AWSCURRENT")
        + "\"],\"CreatedDate\":1.7e9}");
  }

  /** SSM's GetParameter: a SecureString is only answered decrypted when decryption was asked for. */
  private void parameter(HttpExchange exchange, String name, boolean decrypt) throws IOException {
    parameterCalls.incrementAndGet();
    if (failStatus != 0) {
      respond(exchange, failStatus, failStatus == 400
          ? "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"
          : "{\"__type\":\"InternalServerError\",\"message\":\"boom\"}");
      return;
    }
    String value = parameters.get(name);
    if (value == null) {
      respond(exchange, 400, "{\"__type\":\"ParameterNotFound\"}");
      return;
    }
    respond(exchange, 200, "{\"Parameter\":{\"Name\":" + JsonText.quote(name) + ",\"Type\":\"SecureString\",\"Value\":"
        + JsonText.quote(decrypt ? value : "AQICAHencrypted") + ",\"Version\":3,\"DataType\":\"text\"}}");
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
