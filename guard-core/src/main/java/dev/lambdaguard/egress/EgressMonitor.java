package dev.lambdaguard.egress;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Watches outbound connections through the JVM's {@link ProxySelector}: every client that asks it where to connect
 * (HttpURLConnection, a {@code java.net.http.HttpClient} built after {@link #install}, the AWS SDK's URL-connection
 * client) is checked against an {@link EgressPolicy}; a host that is not allowed is reported and, in block mode,
 * sent to a proxy address that refuses at once, so that nothing leaves the function.
 *
 * <p>What it does not see: raw sockets ({@code new Socket(host, port)}), clients configured with their own proxy or
 * {@link Proxy#NO_PROXY}, clients that never consult the proxy selector (the SDK's Apache and CRT clients, Netty,
 * most database drivers), an {@code HttpClient} built before {@link #install}, native code, and DNS lookups. It is a
 * tripwire for unexpected HTTP egress, not a firewall: use VPC egress controls for that.
 *
 * <p>Each refused or reported host is reported once per execution environment (at most {@value #MAX_REPORTED_HOSTS}
 * distinct hosts; more are counted), so a loop cannot flood the logs. Thread-safe.
 */
public final class EgressMonitor extends ProxySelector {

  static final int MAX_REPORTED_HOSTS = 256;

  /**
   * Where a blocked connection is sent: loopback port 1 (tcpmux, which nothing serves in Lambda), refused by the
   * kernel at once; the client fails with a {@link java.net.ConnectException}.
   */
  static final Proxy REFUSING = new Proxy(Proxy.Type.HTTP, new InetSocketAddress(InetAddress.getLoopbackAddress(), 1));

  /**
   * One connection attempt to a host that is not allowed.
   *
   * @param host the host, as the client asked for it
   * @param port the port, or -1 when the URI has none
   * @param scheme the URI scheme ({@code http}, {@code https}, {@code socket})
   * @param blocked whether it was refused
   */
  public record Attempt(String host, int port, String scheme, boolean blocked) {}

  private static final Object INSTALL_LOCK = new Object();

  private final ProxySelector delegate;
  private final EgressPolicy policy;
  private final Consumer<Attempt> listener;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  private final AtomicLong unreported = new AtomicLong();

  EgressMonitor(ProxySelector delegate, EgressPolicy policy, Consumer<Attempt> listener) {
    this.delegate = delegate;
    this.policy = Objects.requireNonNull(policy, "policy");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Makes a monitor the JVM's default proxy selector, in front of the current one (replacing a monitor installed
   * before, not stacking on it). {@code listener} hears each first attempt to a host that is not allowed; it must be
   * fast and never throw.
   */
  public static EgressMonitor install(EgressPolicy policy, Consumer<Attempt> listener) {
    synchronized (INSTALL_LOCK) {
      ProxySelector current = ProxySelector.getDefault();
      ProxySelector base = current instanceof EgressMonitor monitor ? monitor.delegate : current;
      EgressMonitor monitor = new EgressMonitor(base, policy, listener);
      ProxySelector.setDefault(monitor);
      return monitor;
    }
  }

  /** Puts back the selector this monitor was installed in front of, if it is still the default. */
  public void uninstall() {
    synchronized (INSTALL_LOCK) {
      if (ProxySelector.getDefault() == this) {
        ProxySelector.setDefault(delegate);
      }
    }
  }

  @Override
  public List<Proxy> select(URI uri) {
    Objects.requireNonNull(uri, "uri");
    String host = uri.getHost();
    if (policy.allows(host)) {
      return delegate != null ? delegate.select(uri) : List.of(Proxy.NO_PROXY);
    }
    boolean block = policy.mode() == EgressPolicy.Mode.BLOCK;
    String name = host == null ? "(none)" : host;
    boolean first = !reported.contains(name)
        && (reported.size() < MAX_REPORTED_HOSTS ? reported.add(name) : noteUnreported());
    if (first) {
      try {
        listener.accept(new Attempt(name, uri.getPort(), uri.getScheme(), block));
      } catch (RuntimeException e) {
        // A listener never breaks the function's own call.
      }
    }
    if (block) {
      return List.of(REFUSING);
    }
    return delegate != null ? delegate.select(uri) : List.of(Proxy.NO_PROXY);
  }

  private boolean noteUnreported() {
    unreported.incrementAndGet();
    return false;
  }

  /** Attempts to hosts beyond the first {@value #MAX_REPORTED_HOSTS} that were not reported. */
  public long unreported() {
    return unreported.get();
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException failure) {
    if (delegate != null && !REFUSING.address().equals(address)) {
      delegate.connectFailed(uri, address, failure);
    }
  }
}
