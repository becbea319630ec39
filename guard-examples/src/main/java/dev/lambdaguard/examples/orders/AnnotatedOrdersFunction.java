package dev.lambdaguard.examples.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdaguard.annotation.Guarded;
import dev.lambdaguard.annotation.RateLimit;
import dev.lambdaguard.annotation.Route;
import dev.lambdaguard.aws.GuardedRequestHandler;
import dev.lambdaguard.config.GuardConfig;
import java.util.Map;

/**
 * The orders API configured by annotations: the policy (routes, scopes, limits, the body's schema, rich text) is
 * written on the class; what differs per deployment (the token issuer, audience and keys) comes from
 * {@code GUARD_JWT_*} environment variables, which fill what the annotations leave open. The same policy as
 * {@link OrdersSecurity} writes in code. Handler: {@code dev.lambdaguard.examples.orders.AnnotatedOrdersFunction::handleRequest}.
 */
@Guarded(denyUnlisted = true)
@RateLimit(OrdersSecurity.CALLER_LIMITS)
@Route(value = "GET /orders/{id}", scopes = "orders:read")
@Route(value = "POST /orders", scopes = "orders:write", rateLimit = OrdersSecurity.CREATE_ORDER_LIMITS,
    schema = "schemas/order.json", richText = "body/giftMessage")
public final class AnnotatedOrdersFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> guarded;

  /** The Lambda entry point, during the init phase: annotations, then the function's environment, then guard.json. */
  public AnnotatedOrdersFunction() {
    this(System.getenv(), AnnotatedOrdersFunction.class.getClassLoader());
  }

  /** With an environment and a class path of the caller's choosing (tests). */
  public AnnotatedOrdersFunction(Map<String, String> environment, ClassLoader resources) {
    this.guarded = GuardedRequestHandler.wrap(new OrdersHandler(),
        GuardConfig.load(AnnotatedOrdersFunction.class, environment, resources).newGuard());
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return guarded.handleRequest(event, context);
  }
}
