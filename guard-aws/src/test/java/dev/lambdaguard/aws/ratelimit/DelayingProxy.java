package dev.lambdaguard.aws.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A loopback TCP proxy to Redis that holds every chunk from the server for a while: a slow Redis, for the
 * timeout tests. Stops itself on close.
 */
final class DelayingProxy implements AutoCloseable {

  private final ServerSocket server;
  private final String targetHost;
  private final int targetPort;
  private volatile long delayMillis;
  private final java.util.concurrent.atomic.AtomicInteger generation = new java.util.concurrent.atomic.AtomicInteger();

  DelayingProxy(String targetHost, int targetPort, long delayMillis) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.delayMillis = delayMillis;
    Thread acceptor = new Thread(this::accept, "delaying-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(targetHost, targetPort);
        int born = generation.get();
        pipe(client.getInputStream(), upstream.getOutputStream(), 0, born);
        pipe(upstream.getInputStream(), client.getOutputStream(), delayMillis, born);
      } catch (IOException e) {
        return;
      }
    }
  }

  /**
   * Makes the connections open now silently dead: bytes are still read but no longer forwarded, no reset is
   * sent (what an idle NAT drop looks like after a Lambda freeze). New connections work.
   */
  void blackholeExistingConnections() {
    generation.incrementAndGet();
  }

  private void pipe(InputStream in, OutputStream out, long delay, int born) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (delay > 0) {
            Thread.sleep(delay);
          }
          if (generation.get() != born) {
            continue;
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // connection closed
      }
    }, "delaying-proxy-pipe");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
