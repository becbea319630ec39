package dev.lambdaguard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The one plugin look-up, through a real {@link java.util.ServiceLoader} over a function package whose
 * {@code META-INF/services} file lists the factories, as guard-aws's jar does.
 */
class PluginsTest {

  /** A plugin type of the tests' own, so that no factory of guard-core's test class path is found by accident. */
  public interface StoreFactory extends Plugins.Named {}

  public static final class Memory implements StoreFactory {
    @Override
    public String name() {
      return "memory";
    }
  }

  public static final class FirstRedis implements StoreFactory {
    @Override
    public String name() {
      return "redis";
    }
  }

  public static final class SecondRedis implements StoreFactory {
    @Override
    public String name() {
      return "redis";
    }
  }

  /** Listed after the chosen factory: instantiating it would fail the look-up. */
  public static final class Unreachable implements StoreFactory {
    public Unreachable() {
      throw new IllegalStateException("a factory after the chosen one was instantiated");
    }

    @Override
    public String name() {
      return "unreachable";
    }
  }

  private static final ConfigValue URL =
      new ConfigValue("redis://:hunter2@cache:6379", "environment variable GUARD_STORE_URL");

  /** A function package listing {@code factories}, in this order. */
  private static ClassLoader listing(Class<?>... factories) {
    StringBuilder services = new StringBuilder();
    for (Class<?> factory : factories) {
      services.append(factory.getName()).append('\n');
    }
    return Resources.with("META-INF/services/" + StoreFactory.class.getName(), services.toString());
  }

  private static StoreFactory lookUp(String name, ClassLoader loader) {
    return Plugins.named(StoreFactory.class, name, loader, URL, "store.url", "Redis store", "guard-aws brings it");
  }

  @Test
  void theFirstFactoryWithTheNameIsChosenAndThoseListedAfterItAreNeverInstantiated() {
    ClassLoader loader = listing(Memory.class, FirstRedis.class, SecondRedis.class, Unreachable.class);

    assertInstanceOf(FirstRedis.class, lookUp("redis", loader));
    assertInstanceOf(Memory.class, lookUp("memory", loader));
  }

  @Test
  void noFactoryWithTheNameFailsNamingTheOriginTheSettingWhatWasWantedAndTheNamesFound() {
    ClassLoader loader = listing(Memory.class, FirstRedis.class);

    ConfigurationException e = assertThrows(ConfigurationException.class, () -> lookUp("valkey", loader));

    // the origin only, never the value: a URL may carry a password
    assertEquals("Lambda Guard configuration: environment variable GUARD_STORE_URL (store.url): "
        + "no Redis store on the class path (found: [memory, redis]; guard-aws brings it)", e.getMessage());
  }

  @Test
  void noFactoryAtAllFailsWithAnEmptyListOfNamesFound() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> lookUp("redis", listing()));

    assertEquals("Lambda Guard configuration: environment variable GUARD_STORE_URL (store.url): "
        + "no Redis store on the class path (found: []; guard-aws brings it)", e.getMessage());
  }
}
