package dev.lambdaguard.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One route of a handler that serves several, with its own requirements: {@code @Route(value = "GET /orders/{id}",
 * scopes = "orders:read")}. Written on the class or on the method that serves the route; every {@code @Route} of the
 * class and its methods is read. Scopes add to the guard-wide ones; roles and a schema replace the guard-wide ones.
 * An empty attribute is not set here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(Routes.class)
public @interface Route {

  /** The route key as API Gateway writes it: {@code GET /orders/{id}}, {@code ANY /admin/{proxy+}}. */
  String value();

  String[] scopes() default {};

  /** Roles of which the caller needs one (instead of the guard-wide roles). */
  String[] roles() default {};

  /** Limits per caller on this route, e.g. {@code 5/1m}. */
  String rateLimit() default "";

  /** The JSON Schema (class-path resource) of this route's body. */
  String schema() default "";

  /** JSON body fields holding rich text on this route. */
  String[] richText() default {};

  /** {@code block}, {@code monitor} or {@code off} for this route's injection findings. */
  String mode() default "";

  /** Fields allowed to carry categories on this route: {@code "body/snippet=sqli+cmdi"}. */
  String[] allow() default {};
}
