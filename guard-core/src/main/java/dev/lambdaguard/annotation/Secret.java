package dev.lambdaguard.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field that receives a secret at init, through the configured secret provider ({@code secrets.provider}) and the
 * shared cache: {@code @Secret("orders/db#password") private String dbPassword;}. A {@code String} field gets the
 * value once; a {@code java.util.function.Supplier<String>} field reads through the cache at each {@code get()},
 * so it follows rotations. The value is registered with the redactor, so it never appears in an event.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Secret {

  /** The secret's name, or one field of a JSON secret: {@code name#field}. */
  String value();
}
