package dev.lambdaguard.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler class, or one handler method of it, as configured by annotations. Annotations on the method
 * replace the class's, setting by setting; {@link Route}s of the class and of all its methods are collected.
 * Read once, at init, by {@code GuardConfig.load}: no per-request reflection, no weaving.
 *
 * <pre>{@code
 * @Guarded(denyUnlisted = true)
 * @Jwt(issuer = "https://idp.example.com/", audience = "orders-api", jwksUrl = "https://idp.example.com/jwks.json")
 * @RateLimit("60/1m, 10/1s")
 * @Route(value = "GET /orders/{id}", scopes = "orders:read")
 * @Route(value = "POST /orders", scopes = "orders:write", rateLimit = "5/1m", schema = "schemas/order.json")
 * public final class OrdersHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Guarded {

  /** Refuse routes no source lists (403 {@code route_not_allowed}); {@code jwt.denyUnlisted}. Only turns it on. */
  boolean denyUnlisted() default false;

  /** Parse JSON bodies strictly within limits; {@code json.strict}. Only turns it on. */
  boolean strictJson() default false;

  /** The share of allow and pass-through events written, {@code 0.0} to {@code 1.0}; empty: not set here. */
  String allowEventSampleRate() default "";

  /** {@code json} or {@code ocsf}: how events are written; {@code events.format}. Empty: not set here. */
  String eventFormat() default "";

  /** The CloudWatch namespace of EMF metrics (guard-aws); {@code metrics.namespace}. Empty: not set here. */
  String metricsNamespace() default "";

  /**
   * {@code on}, {@code off}, or the anomaly detectors to run, comma-separated ({@code credential_stuffing},
   * {@code scanning}, {@code token_theft}, {@code volume_spike}); {@code anomaly.detection}. Empty: not set here.
   */
  String anomalyDetection() default "";
}
