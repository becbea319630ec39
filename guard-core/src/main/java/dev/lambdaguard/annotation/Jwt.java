package dev.lambdaguard.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bearer-token requirements: the {@code jwt.*} settings of {@code docs/configuration.md}. An empty attribute is
 * not set here (a lower source may set it). On a method it replaces the class's attributes one by one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Jwt {

  /** {@code cognito:<userPoolId>}, {@code auth0:<domain>}, {@code okta:<domain>/<serverId>}, {@code entra:<tenant>}, {@code entra-v1:<tenant>}, {@code oidc}. */
  String preset() default "";

  /** The exact issuer, an https URL. */
  String issuer() default "";

  String[] audience() default {};

  String[] clientIds() default {};

  /** The JWK set URL (https). */
  String jwksUrl() default "";

  /** A JWK set packaged as a class-path resource. */
  String jwksResource() default "";

  /** A JWK set file on the function's file system. */
  String jwksFile() default "";

  /** The secret holding an HMAC key shared with the issuer: its name or {@code name#field}, never the key. */
  String hmacKeyRef() default "";

  String[] algorithms() default {};

  /** Scopes every request needs; a {@link Route} adds its own. */
  String[] scopes() default {};

  /** Roles of which every request needs one; a {@link Route} naming its own roles replaces them. */
  String[] roles() default {};

  /** Allowed clock skew, e.g. {@code 60s}. */
  String clockSkew() default "";
}
