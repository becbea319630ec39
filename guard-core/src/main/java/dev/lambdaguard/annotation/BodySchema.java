package dev.lambdaguard.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The JSON Schema (a class-path resource) of POST, PUT and PATCH bodies on routes without their own:
 * {@code input.schema}. A missing resource fails at init naming this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface BodySchema {
  String value();
}
