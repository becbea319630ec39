package dev.lambdaguard.examples.layer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The Lambda Runtime API (2018-06-01) on loopback, as much of it as a Java runtime uses: {@code GET
 * /runtime/invocation/next} holds until the test invokes, then hands over the event with the headers Lambda sends
 * ({@code Lambda-Runtime-Aws-Request-Id}, {@code -Deadline-Ms}, {@code -Invoked-Function-Arn}, {@code -Trace-Id});
 * {@code POST /runtime/invocation/{id}/response} and {@code .../error} complete that invocation;
 * {@code POST /runtime/init/error} records an init failure. Other paths get 404. Also serves fixed documents at
 * other paths (a JWK set), as a function's dependencies would be reached.
 */
final class RuntimeApiEmulator implements AutoCloseable {

  static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:orders";
  private static final String PREFIX = "/2018-06-01/runtime/";

  /** What an invocation ended with: a response, or an error with its type header. */
  record Outcome(boolean error, String errorType, String body) {}

  /** An init failure as reported: the error type header and the body. */
  record InitError(String errorType, String body) {}

  private record Invocation(String id, byte[] event) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
  private final Map<String, CompletableFuture<Outcome>> outcomes = new ConcurrentHashMap<>();
  private final CompletableFuture<InitError> initError = new CompletableFuture<>();
  private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile boolean closed;

  RuntimeApiEmulator() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Serves {@code body} at {@code path} (GET), e.g. a JWK set. */
  String serve(String path, String body) {
    documents.put(path, body.getBytes(StandardCharsets.UTF_8));
    return "http://" + address() + path;
  }

  /** Invokes the function once and waits (up to 30 s, while {@code runtimeAlive}) for its response or error. */
  Outcome invoke(byte[] event, BooleanSupplier runtimeAlive) throws Exception {
    String id = "req-" + ids.incrementAndGet();
    CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    outcomes.put(id, outcome);
    pending.add(new Invocation(id, event));
    for (int waited = 0; waited < 30_000 && runtimeAlive.getAsBoolean(); waited += 250) {
      try {
        return outcome.get(250, TimeUnit.MILLISECONDS);
      } catch (TimeoutException notYet) {
        // poll again, unless the runtime has ended
      }
    }
    if (outcome.isDone()) {
      return outcome.get();
    }
    pending.remove(new Invocation(id, event));
    throw new AssertionError("the runtime did not answer invocation " + id
        + (runtimeAlive.getAsBoolean() ? " within 30 s" : ": it has ended"));
  }

  /** The init error the runtime reports, waiting up to {@code seconds}. */
  InitError initError(int seconds) throws Exception {
    return initError.get(seconds, TimeUnit.SECONDS);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (method.equals("GET") && path.equals(PREFIX + "invocation/next")) {
        next(exchange);
      } else if (method.equals("POST") && path.startsWith(PREFIX + "invocation/") && path.endsWith("/response")) {
        complete(exchange, path, "/response", new Outcome(false, null, text(body)));
      } else if (method.equals("POST") && path.startsWith(PREFIX + "invocation/") && path.endsWith("/error")) {
        complete(exchange, path, "/error", new Outcome(true, errorType(exchange), text(body)));
      } else if (method.equals("POST") && path.equals(PREFIX + "init/error")) {
        initError.complete(new InitError(errorType(exchange), text(body)));
        send(exchange, 202, "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8));
      } else if (method.equals("GET") && documents.containsKey(path)) {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, 200, documents.get(path));
      } else {
        send(exchange, 404, "{\"errorType\":\"NotFound\"}".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private void next(HttpExchange exchange) throws IOException {
    Invocation invocation = null;
    try {
      while (invocation == null && !closed) {
        invocation = pending.poll(200, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (invocation == null) {
      send(exchange, 500, "{\"errorType\":\"ShuttingDown\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", invocation.id());
    exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms",
        Long.toString(System.currentTimeMillis() + 30_000));
    exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
    exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id",
        "Root=1-5e9f0c65-1de4d666d4dd26aced652b6c;Parent=53995c3f42cd8ad8;Sampled=0");
    send(exchange, 200, invocation.event());
  }

  private void complete(HttpExchange exchange, String path, String suffix, Outcome outcome) throws IOException {
    String id = path.substring((PREFIX + "invocation/").length(), path.length() - suffix.length());
    CompletableFuture<Outcome> future = outcomes.get(id);
    if (future == null) {
      send(exchange, 400, "{\"errorType\":\"InvalidRequestID\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    future.complete(outcome);
    send(exchange, 202, "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8));
  }

  private static String errorType(HttpExchange exchange) {
    return exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    closed = true;
    server.stop(0);
    executor.shutdownNow();
  }
}
