package dev.lambdaguard.aws.metrics;

import dev.lambdaguard.Clock;
import dev.lambdaguard.events.EventSink;
import dev.lambdaguard.events.Redactor;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Security metrics as CloudWatch Embedded Metric Format (EMF) documents, written on standard output once per
 * invocation. CloudWatch Logs extracts the metrics from the log lines, so the function makes no network call
 * and no PutMetricData permission is needed.
 *
 * <p>Per HTTP invocation, under the configured namespace (metric names and dimensions are documented in
 * {@code docs/telemetry.md}):
 * <ul>
 *   <li>dimensions {@code [function]} and {@code [function, route]}: {@code Requests}, {@code Allowed},
 *       {@code Denied}, {@code AuthFailures}, {@code RateLimited}, {@code GuardErrors}, {@code Detections} (counts)
 *       and {@code ChainLatency} (microseconds);
 *   <li>on a denial, dimensions {@code [function, reason]}: {@code DeniedByReason};
 *   <li>per finding category, dimensions {@code [function, category]}: {@code DetectionsByCategory}.
 * </ul>
 * Non-HTTP events count as {@code PassThrough} under {@code [function]}. Dimensions are low-cardinality by
 * construction: the function name, the gateway's route template (never the path), reason codes and finding
 * categories (both fixed sets); at most {@value EmfWriter#MAX_CATEGORIES} category documents per invocation.
 *
 * <pre>{@code
 * static final Guard GUARD = Guard.builder()
 *     .eventSink(EmfMetrics.namespace("Orders/Security").build().aroundStdout())
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class EmfMetrics {

  private final String namespace;
  private final Redactor redactor;
  private final Clock clock;
  private final Supplier<PrintStream> out;

  private EmfMetrics(Builder b) {
    this.namespace = b.namespace;
    this.redactor = b.redactor;
    this.clock = b.clock;
    this.out = b.out;
  }

  /**
   * Starts a configuration writing under {@code namespace}: 1 to 255 printable ASCII characters, not starting
   * with {@code AWS/} (reserved for AWS's own metrics).
   */
  public static Builder namespace(String namespace) {
    return new Builder(namespace);
  }

  /** A sink that passes every event to {@code events} and writes the invocation's metrics at its end. */
  public EventSink around(EventSink events) {
    return new EmfMetricsSink(Objects.requireNonNull(events, "events"), new EmfWriter(namespace, redactor), clock, out);
  }

  /**
   * {@link #around} the default event sink: one JSON line per event on standard output, formatted with this
   * configuration's redactor.
   */
  public EventSink aroundStdout() {
    return aroundStdout(new dev.lambdaguard.events.EventJson(redactor));
  }

  /**
   * {@link #around} a standard-output sink writing events in {@code format}, e.g.
   * {@code new OcsfJson(Redactor.shared())} for OCSF objects beside the metrics.
   */
  public EventSink aroundStdout(dev.lambdaguard.events.EventFormat format) {
    return around(new dev.lambdaguard.events.StdoutJsonSink(Objects.requireNonNull(format, "format"), out));
  }

  /** The namespace metrics are written under. */
  public String namespace() {
    return namespace;
  }

  /** Configures {@link EmfMetrics}; setters validate at once and name the setting. Not thread-safe. */
  public static final class Builder {
    private final String namespace;
    private Redactor redactor = Redactor.shared();
    private Clock clock = Clock.system();
    private Supplier<PrintStream> out = () -> System.out;

    private Builder(String namespace) {
      Objects.requireNonNull(namespace, "namespace");
      if (namespace.isEmpty() || namespace.length() > 255 || !isPrintableAscii(namespace)
          || namespace.startsWith("AWS/") || namespace.isBlank()) {
        throw new IllegalArgumentException(
            "EMF namespace must be 1 to 255 printable ASCII characters, not starting with AWS/: " + namespace);
      }
      this.namespace = namespace;
    }

    /**
     * The redactor dimension values pass through, by default {@link Redactor#shared()}: the guard's, unless it
     * was given another.
     */
    public Builder redactor(Redactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor");
      return this;
    }

    /** The clock that stamps each document; for tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Where documents are written; by default {@code System.out}, looked up at each write. For tests. */
    public Builder output(Supplier<PrintStream> out) {
      this.out = Objects.requireNonNull(out, "output");
      return this;
    }

    public EmfMetrics build() {
      return new EmfMetrics(this);
    }
  }

  private static boolean isPrintableAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
