package dev.lambdaguard.config;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The one look-up of an optional integration (metrics writer, Redis store, secret provider): the factories that a
 * class loader lists for a {@link ServiceLoader} service, chosen by name. Callers look up only when their setting is
 * given, so that a function which does not use an integration never loads it (cold start).
 */
final class Plugins {

  /**
   * What every plugin factory has: the name configuration chooses it by. A common type rather than a name-reading
   * lambda at each call site, which the configuration path avoids: each lambda is a class spun at run time, paid at
   * cold start (BENCHMARKS.md, "no lambda in the config path").
   */
  interface Named {

    String name();
  }

  private Plugins() {}

  /**
   * The first factory of {@code type} named {@code name} that {@code loader} provides; the factories listed after it
   * are not instantiated.
   *
   * @param value the value that asked for the factory, and {@code setting} its key: what a failure blames
   * @param wanted what a failure says is missing, e.g. {@code Redis store}
   * @param hint where it comes from, e.g. {@code guard-aws brings it}
   * @throws ConfigurationException when no factory has that name, listing the names found, in class-path order
   */
  static <F extends Named> F named(Class<F> type, String name, ClassLoader loader, ConfigValue value, String setting,
      String wanted, String hint) {
    List<String> found = new ArrayList<>();
    for (F factory : ServiceLoader.load(type, loader)) {
      String candidate = factory.name();
      if (candidate.equals(name)) {
        return factory;
      }
      found.add(candidate);
    }
    throw Values.fail(value, setting, "no " + wanted + " on the class path (found: " + found + "; " + hint + ")");
  }
}
