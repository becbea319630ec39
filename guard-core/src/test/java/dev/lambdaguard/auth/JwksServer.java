package dev.lambdaguard.auth;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback serving a JWK set and an OpenID discovery document, with knobs for the
 * failures a key endpoint has in production: slow answers, error statuses, rotation.
 */
public final class JwksServer implements AutoCloseable {

  private final HttpServer server;
  private volatile String jwks = "{\"keys\":[]}";
  private volatile String discoveryIssuer;
  private volatile int status = 200;
  private volatile long delayMillis;
  private final AtomicInteger jwksRequests = new AtomicInteger();
  private final AtomicInteger discoveryRequests = new AtomicInteger();

  public JwksServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "jwks-server");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/jwks.json", exchange -> {
      jwksRequests.incrementAndGet();
      respond(exchange, jwks);
    });
    server.createContext("/.well-known/openid-configuration", exchange -> {
      discoveryRequests.incrementAndGet();
      String issuer = discoveryIssuer != null ? discoveryIssuer : issuer();
      respond(exchange, "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwksUri() + "\"}");
    });
    server.start();
  }

  private void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
    try {
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The issuer this server plays: its base URL. */
  public String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public URI jwksUri() {
    return URI.create(issuer() + "/jwks.json");
  }

  public JwksServer jwks(String json) {
    this.jwks = json;
    return this;
  }

  public JwksServer status(int status) {
    this.status = status;
    return this;
  }

  public JwksServer delayMillis(long delay) {
    this.delayMillis = delay;
    return this;
  }

  /** Makes discovery name another issuer (a mix-up attack). */
  public JwksServer discoveryIssuer(String issuer) {
    this.discoveryIssuer = issuer;
    return this;
  }

  public int jwksRequests() {
    return jwksRequests.get();
  }

  public int discoveryRequests() {
    return discoveryRequests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
