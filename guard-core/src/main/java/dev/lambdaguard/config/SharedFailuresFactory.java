package dev.lambdaguard.config;

import dev.lambdaguard.anomaly.SharedFailures;

/**
 * Makes the fleet-wide count of failed authentications that {@code anomaly.redisUrl} names; found through
 * {@link java.util.ServiceLoader}, so that guard-aws brings Redis without guard-core knowing it. Looked up only when
 * the setting is given.
 */
public interface SharedFailuresFactory extends Plugins.Named {

  /** The kind of store: {@code redis}. */
  String name();

  /**
   * A shared count in the store at {@code url}; it connects at first use, not now.
   *
   * @throws IllegalArgumentException when the URL is wrong, naming what and never a password
   */
  SharedFailures create(String url);
}
