package dev.lambdaguard.events;

import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The default sink: one JSON object per line on standard output, which Lambda ships to CloudWatch Logs.
 *
 * <p>Each event is written with a single {@code print} of a whole line, so concurrent invocations never
 * interleave within a line. The stream is looked up at each write because the Lambda runtime replaces
 * {@code System.out} with its own logging stream.
 */
public final class StdoutJsonSink implements EventSink {

  private final EventFormat format;
  private final Supplier<PrintStream> out;

  /** Writes to {@code System.out}, in {@code format} ({@link EventJson}, or {@link OcsfJson} for OCSF). */
  public StdoutJsonSink(EventFormat format) {
    this(format, () -> System.out);
  }

  /** Writes to the stream {@code out} supplies; for tests and custom outputs. */
  public StdoutJsonSink(EventFormat format, Supplier<PrintStream> out) {
    this.format = Objects.requireNonNull(format, "format");
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public void emit(SecurityEvent event) {
    try {
      out.get().print(format.formatLine(event));
    } catch (RuntimeException e) {
      // A sink never throws into an invocation. Losing one line is better than failing the request.
      dev.lambdaguard.internal.Diagnostics.warn("security event could not be written: " + e.getClass().getName());
    }
  }
}
