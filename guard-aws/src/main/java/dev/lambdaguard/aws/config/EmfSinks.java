package dev.lambdaguard.aws.config;

import dev.lambdaguard.aws.metrics.EmfMetrics;
import dev.lambdaguard.config.MetricsSinkFactory;
import dev.lambdaguard.events.EventFormat;
import dev.lambdaguard.events.EventSink;

/** {@code metrics.namespace}: events on standard output with the invocation's metrics in Embedded Metric Format. */
public final class EmfSinks implements MetricsSinkFactory {

  @Override
  public String name() {
    return "emf";
  }

  @Override
  public EventSink aroundStdout(String namespace, EventFormat format) {
    return EmfMetrics.namespace(namespace).build().aroundStdout(format);
  }
}
