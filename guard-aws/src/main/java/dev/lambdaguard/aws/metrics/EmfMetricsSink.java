package dev.lambdaguard.aws.metrics;

import dev.lambdaguard.Clock;
import dev.lambdaguard.events.EventSink;
import dev.lambdaguard.events.InvocationSummary;
import dev.lambdaguard.events.SecurityEvent;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Passes events on and writes one invocation's metrics at its end, in a single {@code print} so that
 * concurrent invocations never interleave within a document.
 */
final class EmfMetricsSink implements EventSink {

  private final EventSink events;
  private final EmfWriter writer;
  private final Clock clock;
  private final Supplier<PrintStream> out;

  EmfMetricsSink(EventSink events, EmfWriter writer, Clock clock, Supplier<PrintStream> out) {
    this.events = events;
    this.writer = writer;
    this.clock = clock;
    this.out = out;
  }

  @Override
  public void emit(SecurityEvent event) {
    events.emit(event);
  }

  @Override
  public void endInvocation(InvocationSummary summary) {
    try {
      events.endInvocation(summary);
    } finally {
      try {
        out.get().print(writer.documents(summary, clock.currentTimeMillis()));
      } catch (RuntimeException e) {
        // A sink never throws into an invocation: losing one invocation's metrics beats failing the request.
        dev.lambdaguard.internal.Diagnostics.warn("metrics could not be written: " + e.getClass().getName());
      }
    }
  }
}
