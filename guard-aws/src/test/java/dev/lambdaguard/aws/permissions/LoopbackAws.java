package dev.lambdaguard.aws.permissions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A loopback HTTP server that answers whatever AWS protocol a test needs: each request (method, path, query,
 * {@code X-Amz-Target}, body) goes to the test's function, whose answer is sent back as it is.
 */
final class LoopbackAws implements AutoCloseable {

  record Request(String method, String path, String query, String target, String body) {}

  record Answer(int status, String contentType, String body) {
    static Answer json(int status, String body) {
      return new Answer(status, "application/x-amz-json-1.0", body);
    }

    static Answer xml(int status, String body) {
      return new Answer(status, "application/xml", body);
    }
  }

  static {
    // Headers and body go out in separate writes: without TCP_NODELAY each small answer waits out the client's
    // delayed ACK (~40 ms). Read once by the JDK's server, so it only helps if set before the first server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private volatile Function<Request, Answer> answers;

  LoopbackAws(Function<Request, Answer> answers) throws IOException {
    this.answers = answers;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "loopback-aws");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  void answer(Function<Request, Answer> answers) {
    this.answers = answers;
  }

  private void handle(HttpExchange exchange) throws IOException {
    Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
        exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("X-Amz-Target"),
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    requests.add(request);
    Answer answer = answers.apply(request);
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", answer.contentType());
    exchange.getResponseHeaders().add("x-amzn-RequestId", "loopback");
    if (request.method().equals("HEAD") || bytes.length == 0) {
      exchange.sendResponseHeaders(answer.status(), -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
