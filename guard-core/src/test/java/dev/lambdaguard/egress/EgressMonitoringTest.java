package dev.lambdaguard.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.lambdaguard.FakeClock;
import dev.lambdaguard.Guard;
import dev.lambdaguard.RecordingSink;
import dev.lambdaguard.events.EventJson;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.events.SecurityEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outbound calls from the function's own code, through real clients to a real loopback server: reported or refused
 * before they leave when the host is not allowed, untouched when it is.
 */
class EgressMonitoringTest {

  private final RecordingSink sink = new RecordingSink();
  private final AtomicInteger served = new AtomicInteger();
  private ProxySelector original;
  private HttpServer server;
  private String url;

  @BeforeEach
  void start() throws IOException {
    original = ProxySelector.getDefault();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      served.incrementAndGet();
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
  }

  @AfterEach
  void stop() {
    server.stop(0);
    ProxySelector.setDefault(original);
  }

  private void guard(EgressPolicy policy) {
    Guard.builder().clock(new FakeClock(1_800_000_000_000L)).eventSink(sink).environment(Map.of())
        .credentialCheck(false).egressMonitoring(policy).build();
  }

  private static int call(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    connection.setConnectTimeout(2000);
    connection.setReadTimeout(2000);
    try (InputStream ignored = connection.getInputStream()) {
      return connection.getResponseCode();
    } finally {
      connection.disconnect();
    }
  }

  @Test
  void inReportModeACallToAnUnlistedHostGoesAheadAndIsReportedOnce() throws IOException {
    guard(EgressPolicy.builder().allow("*.amazonaws.com").denyLoopback().build());
    assertEquals(204, call(url));
    assertEquals(204, call(url));
    assertEquals(2, served.get());
    SecurityEvent.EgressEvent event = sink.only(SecurityEvent.EgressEvent.class);
    assertEquals("127.0.0.1", event.host());
    assertEquals(server.getAddress().getPort(), event.port());
    assertEquals("http", event.scheme());
    assertFalse(event.blocked());
    String line = new EventJson(new Redactor()).format(event);
    assertTrue(line.contains("\"event_type\":\"egress\""), line);
    assertTrue(line.contains("\"decision\":\"monitor\""), line);
    assertTrue(line.contains("\"egress_host\":\"127.0.0.1\""), line);
    assertTrue(line.contains("\"ocsf_class_uid\":4001"), line);
  }

  @Test
  void inBlockModeTheCallFailsAndNothingReachesTheServer() {
    guard(EgressPolicy.builder().allow("api.example.com").denyLoopback().block().build());
    assertThrows(ConnectException.class, () -> call(url));
    assertEquals(0, served.get());
    SecurityEvent.EgressEvent event = sink.only(SecurityEvent.EgressEvent.class);
    assertTrue(event.blocked());
  }

  @Test
  void theJavaHttpClientIsRefusedToo() {
    guard(EgressPolicy.builder().denyLoopback().block().build());
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
    assertThrows(ConnectException.class, () -> client.send(request, HttpResponse.BodyHandlers.discarding()));
    assertEquals(0, served.get());
    assertEquals(1, sink.events(SecurityEvent.EgressEvent.class).size());
  }

  @Test
  void allowedHostsAndLoopbackByDefaultAreNeitherReportedNorRefused() throws IOException {
    guard(EgressPolicy.builder().block().build());
    assertEquals(204, call(url));
    assertEquals(List.of(), sink.events(SecurityEvent.EgressEvent.class));
  }

  @Test
  void hostPatternsMatchWholeLabels() {
    EgressPolicy policy = EgressPolicy.builder().allow("*.amazonaws.com", "API.Stripe.com").denyLoopback().build();
    assertTrue(policy.allows("secretsmanager.us-east-1.amazonaws.com"));
    assertTrue(policy.allows("api.stripe.com."));
    assertFalse(policy.allows("amazonaws.com"));
    assertFalse(policy.allows("evilamazonaws.com"));
    assertFalse(policy.allows("api.stripe.com.evil.net"));
    assertFalse(policy.allows("127.0.0.1"));
    assertFalse(policy.allows(null));
    assertEquals("allow takes a host name or *.domain: *evil*",
        assertThrows(IllegalArgumentException.class, () -> EgressPolicy.builder().allow("*evil*")).getMessage());
  }

  @Test
  void onlyALiteralLoopbackAddressIsLoopback() {
    EgressPolicy policy = EgressPolicy.builder().allow("api.stripe.com").build();
    assertTrue(policy.allows("127.0.0.1"));
    assertTrue(policy.allows("127.1.2.3"));
    assertTrue(policy.allows("localhost"));
    assertFalse(policy.allows("127.0.0.1.nip.io"), "a name that resolves anywhere");
    assertFalse(policy.allows("127.evil.example"));
    assertFalse(policy.allows("127..0.1"));
  }

  @Test
  void installingTwiceReplacesRatherThanStacks() {
    EgressMonitor first = EgressMonitor.install(EgressPolicy.builder().build(), attempt -> {});
    EgressMonitor second = EgressMonitor.install(EgressPolicy.builder().build(), attempt -> {});
    assertEquals(second, ProxySelector.getDefault());
    second.uninstall();
    assertEquals(original, ProxySelector.getDefault());
    first.uninstall(); // no longer the default: changes nothing
    assertEquals(original, ProxySelector.getDefault());
  }
}
