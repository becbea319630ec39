package dev.lambdaguard.bench.coldstart;

import dev.lambdaguard.Reason;
import dev.lambdaguard.events.EventSink;
import dev.lambdaguard.events.InvocationSummary;
import dev.lambdaguard.events.SecurityEvent;
import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.Unit;

/**
 * The guard's metrics written through {@code software.amazon.cloudwatchlogs:aws-embedded-metrics} instead of
 * {@code EmfMetrics}: the same metrics and dimensions, for the cold-start comparison only. Uses the library's
 * Lambda environment directly (console sink, no probing of agents or metadata endpoints).
 */
final class LibraryEmfSink implements EventSink {

  private final EventSink events;
  private final LambdaEnvironment environment = new LambdaEnvironment();

  LibraryEmfSink(EventSink events) {
    this.events = events;
  }

  @Override
  public void emit(SecurityEvent event) {
    events.emit(event);
  }

  @Override
  public void endInvocation(InvocationSummary s) {
    try {
      String function = s.invocation().function().functionName();
      function = function != null ? function : "unknown";
      MetricsLogger metrics = new MetricsLogger(environment);
      metrics.setNamespace("LambdaGuard");
      if (s.route() != null) {
        metrics.setDimensions(DimensionSet.of("function", function), DimensionSet.of("function", function, "route",
            s.route()));
      } else {
        metrics.setDimensions(DimensionSet.of("function", function));
      }
      Reason reason = s.reason();
      metrics.putMetric("Requests", 1, Unit.COUNT);
      metrics.putMetric("Allowed", s.decision().equals("allow") ? 1 : 0, Unit.COUNT);
      metrics.putMetric("Denied", reason != null ? 1 : 0, Unit.COUNT);
      metrics.putMetric("AuthFailures", reason != null && reason.kind() == Reason.Kind.AUTHENTICATION ? 1 : 0,
          Unit.COUNT);
      metrics.putMetric("RateLimited", reason != null && reason.kind() == Reason.Kind.RATE_LIMIT ? 1 : 0,
          Unit.COUNT);
      metrics.putMetric("GuardErrors", s.decision().equals("error") ? 1 : 0, Unit.COUNT);
      metrics.putMetric("Detections", s.findings().size(), Unit.COUNT);
      metrics.putMetric("ChainLatency", s.chainNanos() / 1000, Unit.MICROSECONDS);
      metrics.flush();
      if (reason != null) {
        MetricsLogger byReason = new MetricsLogger(environment);
        byReason.setNamespace("LambdaGuard");
        byReason.setDimensions(DimensionSet.of("function", function, "reason", reason.code()));
        byReason.putMetric("DeniedByReason", 1, Unit.COUNT);
        byReason.flush();
      }
    } catch (Exception e) {
      // The library throws checked validation exceptions; a sink never throws into an invocation.
      System.err.println("metrics could not be written: " + e.getClass().getName());
    }
  }
}
