package dev.lambdaguard.config;

import dev.lambdaguard.Guard;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one configuration model of a guard, built at init from four sources, highest first: settings given in
 * code ({@link #with}), annotations on the handler class and its handler method, {@code GUARD_*} environment
 * variables, and {@code guard.json} on the class path. Each setting, and each setting of each route, takes the
 * value of the highest source that gives one. The model is turned into a guard by the code builder
 * ({@link #guardBuilder()}): the same {@link Guard.Builder}, {@code JwtAuthenticator}, {@code RateLimitPolicy}
 * and {@code InputPolicy} calls a hand-written configuration would make, so both behave identically.
 *
 * <p>A configuration that cannot work fails here, at init, with a {@link ConfigurationException} naming the
 * source and the setting. Immutable and thread-safe; {@code docs/configuration.md} lists every setting.
 *
 * <pre>{@code
 * static final Guard GUARD = GuardConfig.load(MyHandler.class, System.getenv(), MyHandler.class.getClassLoader())
 *     .newGuard();
 * }</pre>
 */
public final class GuardConfig implements dev.lambdaguard.SnapshotAware {

  private final Class<?> handlerClass;
  private final Map<String, String> environment;
  private final ClassLoader resources;
  /** Highest first: code, annotations, environment, file. */
  private final List<ConfigLayer> layers;
  /** Every route with its settings merged by precedence, computed once. */
  private final Map<String, Map<RouteSetting, ConfigValue>> routes;
  private final List<SecretFields.Target> secretFields;
  /** The one secret cache of this configuration (token keys and injected fields), made at the first need. */
  private final SecretsSupport secrets = new SecretsSupport();
  /** The builder assembled to check the configuration at load, handed to the first guardBuilder() call. */
  private Guard.Builder checked;

  private GuardConfig(Class<?> handlerClass, Map<String, String> environment, ClassLoader resources,
      List<ConfigLayer> layers) {
    this.handlerClass = handlerClass;
    this.environment = environment;
    this.resources = resources;
    this.layers = List.copyOf(layers);
    this.routes = mergeRoutes(this.layers);
    this.secretFields = SecretFields.of(handlerClass);
    this.checked = GuardAssembly.builder(this); // every value parsed and checked now, so a bad one fails at load
    if (!secretFields.isEmpty()) {
      secrets.cache(this, new ConfigValue("", secretFields.get(0).origin())); // a provider must exist: fail now if not
    }
  }

  /** Reads annotations on handlerClass, then GUARD_* variables of environment, then guard.json found through resources. */
  public static GuardConfig load(Class<?> handlerClass, Map<String, String> environment, ClassLoader resources) {
    return load(handlerClass, null, environment, resources);
  }

  /**
   * As {@link #load(Class, Map, ClassLoader)}, with the annotations of the handler method {@code methodName} (the
   * {@code method} of a {@code Class::method} handler string) rather than the one found by default: the method
   * marked {@code @Guarded}, else an annotated {@code handleRequest}.
   */
  public static GuardConfig load(Class<?> handlerClass, String methodName, Map<String, String> environment,
      ClassLoader resources) {
    Objects.requireNonNull(handlerClass, "handlerClass");
    Map<String, String> env = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    List<ConfigLayer> layers = new ArrayList<>(4);
    layers.add(ConfigLayer.builder("code").build());
    layers.add(AnnotationSettings.read(handlerClass, methodName));
    layers.add(EnvironmentSettings.read(env));
    layers.add(FileSettings.read(resources != null ? resources : handlerClass.getClassLoader(),
        FileSettings.DEFAULT_RESOURCE));
    return new GuardConfig(handlerClass, env, resources != null ? resources : handlerClass.getClassLoader(), layers);
  }

  /** This configuration with {@code setting} given in code: it wins over every other source. */
  public GuardConfig with(Setting setting, String value) {
    ConfigLayer.Builder code = codeLayer();
    code.set(setting, Objects.requireNonNull(value, "value"), "code setting " + setting.key());
    return withCode(code);
  }

  /** This configuration with one setting of {@code route} given in code. */
  public GuardConfig with(String route, RouteSetting setting, String value) {
    ConfigLayer.Builder code = codeLayer();
    code.set(route, setting, Objects.requireNonNull(value, "value"),
        "code setting routes[\"" + route + "\"]." + setting.key());
    return withCode(code);
  }

  /** A copy of the code layer, to add to. */
  private ConfigLayer.Builder codeLayer() {
    ConfigLayer current = layers.get(0);
    ConfigLayer.Builder code = ConfigLayer.builder("code");
    for (Map.Entry<Setting, ConfigValue> e : current.settings().entrySet()) {
      code.set(e.getKey(), e.getValue().text(), e.getValue().origin());
    }
    for (Map.Entry<String, Map<RouteSetting, ConfigValue>> route : current.routes().entrySet()) {
      code.route(route.getKey(), "code");
      for (Map.Entry<RouteSetting, ConfigValue> e : route.getValue().entrySet()) {
        code.set(route.getKey(), e.getKey(), e.getValue().text(), e.getValue().origin());
      }
    }
    return code;
  }

  private GuardConfig withCode(ConfigLayer.Builder code) {
    List<ConfigLayer> next = new ArrayList<>(layers);
    next.set(0, code.build());
    return new GuardConfig(handlerClass, environment, resources, next);
  }

  /** A guard built from this configuration (what the code builder would build for the same settings). */
  public Guard newGuard() {
    return guardBuilder().build();
  }

  /**
   * A code builder holding this configuration, for what settings cannot say (an event sink, a clock, your own
   * interceptors) and for replacing a whole part in code: a later {@code jwt(...)} or {@code rateLimit(...)}
   * call wins, as code does.
   */
  public Guard.Builder guardBuilder() {
    synchronized (this) {
      Guard.Builder first = checked;
      if (first != null) {
        checked = null; // assembled once at load: the first guard costs no second assembly
        return first;
      }
    }
    return GuardAssembly.builder(this); // each further guard gets parts of its own (caches, buckets)
  }

  /**
   * Fills the {@link dev.lambdaguard.annotation.Secret} fields of the handler class: its static ones, and the
   * instance ones of {@code handler} when given (null for static fields only). Call at init, once per instance; a
   * {@code String} field reads its secret now (a secret that cannot be read fails here, naming the field), a
   * {@code Supplier<String>} field reads through the shared cache at each {@code get()}.
   *
   * @throws ConfigurationException when a secret cannot be read
   */
  public void injectSecrets(Object handler) {
    if (handler != null && !handlerClass.isInstance(handler)) {
      throw new IllegalArgumentException("injectSecrets: not an instance of " + handlerClass.getName());
    }
    if (!secretFields.isEmpty()) {
      SecretFields.inject(secretFields, handler, secrets.cache(this, new ConfigValue("", secretFields.get(0).origin())));
    }
  }

  /**
   * After a SnapStart restore: forgets the secrets this configuration's cache holds, so that restored copies fetch
   * them again ({@code Supplier<String>} fields then read fresh values; {@code String} fields keep what they got at
   * init). Register the configuration with the SnapStart hooks to have it called.
   */
  @Override
  public void afterRestore() {
    dev.lambdaguard.secrets.SecretCache cache = secrets.madeOrNull();
    if (cache != null) {
      cache.afterRestore();
    }
  }

  /** This configuration's secret cache, shared by token keys and injected fields. */
  SecretsSupport secrets() {
    return secrets;
  }

  /** The value of {@code setting} from the highest source that gives one, or null. */
  public ConfigValue value(Setting setting) {
    for (ConfigLayer layer : layers) {
      ConfigValue value = layer.settings().get(setting);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** Every route any source names, each with its settings merged by precedence; in the order first named. */
  public Map<String, Map<RouteSetting, ConfigValue>> routes() {
    return routes;
  }

  private static Map<String, Map<RouteSetting, ConfigValue>> mergeRoutes(List<ConfigLayer> layers) {
    Map<String, Map<RouteSetting, ConfigValue>> merged = new LinkedHashMap<>();
    for (int i = layers.size() - 1; i >= 0; i--) { // lowest first, so that higher layers overwrite
      for (Map.Entry<String, Map<RouteSetting, ConfigValue>> route : layers.get(i).routes().entrySet()) {
        Map<RouteSetting, ConfigValue> values = merged.get(route.getKey());
        if (values == null) {
          values = new EnumMap<>(RouteSetting.class);
          merged.put(route.getKey(), values);
        }
        values.putAll(route.getValue());
      }
    }
    for (Map.Entry<String, Map<RouteSetting, ConfigValue>> route : merged.entrySet()) {
      route.setValue(Collections.unmodifiableMap(route.getValue()));
    }
    return Collections.unmodifiableMap(merged);
  }

  /** The handler class whose annotations were read. */
  public Class<?> handlerClass() {
    return handlerClass;
  }

  /** The environment the configuration was read from (the guard's function name and version come from it too). */
  public Map<String, String> environment() {
    return environment;
  }

  /** Where class-path resources (schemas, JWK sets, {@code guard.json}) are looked up. */
  public ClassLoader resources() {
    return resources;
  }

  /** The layers, highest first, for diagnostics and tests. */
  public List<ConfigLayer> layers() {
    return layers;
  }
}
