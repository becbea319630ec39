package dev.lambdaguard.egress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which hosts the function may connect to, and what happens otherwise; immutable, built once at init.
 *
 * <p>A host is allowed when it equals an allowed name or, for a pattern {@code *.example.com}, ends with
 * {@code .example.com}. Loopback (Lambda extensions, the runtime API) is allowed unless {@link Builder#denyLoopback}.
 * In {@link Mode#REPORT} (the default) a connection to another host goes ahead and is reported; in
 * {@link Mode#BLOCK} it is refused before any packet leaves (the client sees a failed connection).
 *
 * <pre>{@code
 * Guard.builder().egressMonitoring(EgressPolicy.builder().allow("*.amazonaws.com", "api.stripe.com").build())
 * }</pre>
 */
public final class EgressPolicy {

  /** What happens to a connection to a host that is not allowed. */
  public enum Mode {
    /** It goes ahead and is reported. */
    REPORT,
    /** It is refused and reported. */
    BLOCK
  }

  private final List<String> exact;
  private final List<String> suffixes;
  private final Mode mode;
  private final boolean loopbackAllowed;

  private EgressPolicy(Builder b) {
    this.exact = List.copyOf(b.exact);
    this.suffixes = List.copyOf(b.suffixes);
    this.mode = b.mode;
    this.loopbackAllowed = b.loopbackAllowed;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Mode mode() {
    return mode;
  }

  /** Whether {@code host} (a name or an address literal, any case) may be connected to. */
  public boolean allows(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (loopbackAllowed && isLoopback(h)) {
      return true;
    }
    if (exact.contains(h)) {
      return true;
    }
    for (String suffix : suffixes) {
      if (h.endsWith(suffix) && h.length() > suffix.length()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || isLoopbackIpv4(host) || host.equals("::1") || host.equals("[::1]");
  }

  /**
   * A literal 127.x.x.x address: digits and dots only, four parts. A name that merely starts so
   * ({@code 127.0.0.1.nip.io}, {@code 127.evil.example}) resolves anywhere and is not loopback.
   */
  private static boolean isLoopbackIpv4(String host) {
    if (!host.startsWith("127.") || host.length() > 15) {
      return false;
    }
    int dots = 0;
    boolean digitBefore = false;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c == '.') {
        if (!digitBefore) {
          return false;
        }
        dots++;
        digitBefore = false;
      } else if (c >= '0' && c <= '9') {
        digitBefore = true;
      } else {
        return false;
      }
    }
    return dots == 3 && digitBefore;
  }

  /** Configures a policy; setters validate at once and name the setting. Not thread-safe; the policy is. */
  public static final class Builder {
    private final List<String> exact = new ArrayList<>();
    private final List<String> suffixes = new ArrayList<>();
    private Mode mode = Mode.REPORT;
    private boolean loopbackAllowed = true;

    private Builder() {}

    /** Allows hosts by exact name or by {@code *.domain} pattern. */
    public Builder allow(String... hosts) {
      for (String host : hosts) {
        Objects.requireNonNull(host, "allow");
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("*.") && h.length() > 2 && h.indexOf('*', 1) < 0) {
          suffixes.add(h.substring(1));
        } else if (!h.isEmpty() && h.indexOf('*') < 0 && h.indexOf('/') < 0 && h.indexOf(' ') < 0) {
          exact.add(h);
        } else {
          throw new IllegalArgumentException("allow takes a host name or *.domain: " + host);
        }
      }
      return this;
    }

    /** Refuses connections to hosts that are not allowed (default: report them only). */
    public Builder block() {
      this.mode = Mode.BLOCK;
      return this;
    }

    /** Treats loopback like any other host (default: always allowed, for Lambda extensions). */
    public Builder denyLoopback() {
      this.loopbackAllowed = false;
      return this;
    }

    public EgressPolicy build() {
      return new EgressPolicy(this);
    }
  }
}
