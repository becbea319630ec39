package dev.lambdaguard.annotation;

import dev.lambdaguard.input.Category;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The injection scan: {@code input.mode}, {@code input.categories}, {@code input.monitor}, {@code input.allow}. Its
 * presence turns input inspection on; an empty attribute is not set here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface InjectionPolicy {

  /** {@code block}, {@code monitor} or {@code off}; empty: block unless a lower source says otherwise. */
  String mode() default "";

  /** The categories looked for; empty: all, unless a lower source says otherwise. */
  Category[] categories() default {};

  /** Categories only reported, never refused. */
  Category[] monitor() default {};

  /** Fields allowed to carry categories: {@code "body/snippet=sqli+cmdi"}, {@code "body/signature"} (every category). */
  String[] allow() default {};
}
