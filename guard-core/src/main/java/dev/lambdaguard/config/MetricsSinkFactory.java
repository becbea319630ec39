package dev.lambdaguard.config;

import dev.lambdaguard.events.EventFormat;
import dev.lambdaguard.events.EventSink;

/**
 * Makes the event sink that writes metrics beside the events when {@code metrics.namespace} is set; found through
 * {@link java.util.ServiceLoader}, so that guard-aws brings CloudWatch's Embedded Metric Format without guard-core
 * knowing it. Looked up only when the setting is given.
 */
public interface MetricsSinkFactory extends Plugins.Named {

  /** The metric format: {@code emf}. */
  String name();

  /**
   * A standard-output sink writing each event in {@code format} and the invocation's metrics under
   * {@code namespace}.
   *
   * @throws IllegalArgumentException when the namespace is not valid, naming why
   */
  EventSink aroundStdout(String namespace, EventFormat format);
}
