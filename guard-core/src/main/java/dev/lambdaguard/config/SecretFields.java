package dev.lambdaguard.config;

import dev.lambdaguard.annotation.Secret;
import dev.lambdaguard.secrets.SecretCache;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@link Secret} fields of a handler class, found and checked once at load (type, not final), filled when the
 * handler asks ({@link GuardConfig#injectSecrets}). A {@code String} field gets the value now; a
 * {@code Supplier<String>} field reads through the cache at each {@code get()}.
 */
final class SecretFields {

  /** One field and where it is, for messages. */
  record Target(Field field, String reference, boolean supplier, String origin) {}

  private SecretFields() {}

  /** The secret fields of {@code type} (its own, not inherited ones), each checked; none is an empty list. */
  static List<Target> of(Class<?> type) {
    List<Target> targets = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      Secret secret = field.getAnnotation(Secret.class);
      if (secret == null) {
        continue;
      }
      String origin = "@Secret(\"" + secret.value() + "\") on " + type.getName() + "." + field.getName();
      if (secret.value().isBlank()) {
        throw new ConfigurationException("Lambda Guard configuration: " + origin + ": names no secret");
      }
      if (Modifier.isFinal(field.getModifiers())) {
        throw new ConfigurationException("Lambda Guard configuration: " + origin + ": the field must not be final");
      }
      boolean supplier = isStringSupplier(field.getGenericType());
      if (!supplier && field.getType() != String.class) {
        throw new ConfigurationException("Lambda Guard configuration: " + origin
            + ": the field must be a String or a Supplier<String>, not " + field.getType().getSimpleName());
      }
      targets.add(new Target(field, secret.value().trim(), supplier, origin));
    }
    return List.copyOf(targets);
  }

  private static boolean isStringSupplier(Type type) {
    return type instanceof ParameterizedType p && p.getRawType() == Supplier.class
        && p.getActualTypeArguments()[0] == String.class;
  }

  /**
   * Fills the fields: static ones always, instance ones when {@code instance} is given. A secret that cannot be read
   * fails here, naming the field, never the value.
   */
  static void inject(List<Target> targets, Object instance, SecretCache cache) {
    for (Target target : targets) {
      Field field = target.field();
      boolean isStatic = Modifier.isStatic(field.getModifiers());
      if (!isStatic && instance == null) {
        continue;
      }
      Object value;
      if (target.supplier()) {
        String reference = target.reference();
        value = (Supplier<String>) () -> cache.get(reference);
      } else {
        try {
          value = cache.get(target.reference());
        } catch (RuntimeException e) {
          throw new ConfigurationException("Lambda Guard configuration: " + target.origin() + ": the secret cannot be read ("
              + e.getClass().getSimpleName() + ")", e);
        }
      }
      try {
        field.setAccessible(true);
        field.set(isStatic ? null : instance, value);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new ConfigurationException("Lambda Guard configuration: " + target.origin() + ": the field cannot be set ("
            + e.getClass().getSimpleName() + ")", e);
      }
    }
  }
}
