package dev.lambdaguard.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Limits per caller, e.g. {@code @RateLimit("100/1m, 10/1s")}: {@code rateLimit.limit} and {@code rateLimit.anonymous}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateLimit {

  /** Limits per caller (anonymous ones too, unless {@link #anonymous()} is given). */
  String value();

  /** Limits per anonymous caller; empty: the same as {@link #value()} unless a lower source sets it. */
  String anonymous() default "";
}
