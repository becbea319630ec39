package dev.lambdaguard.examples.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdaguard.Guard;
import dev.lambdaguard.auth.JwtAuthenticator;
import dev.lambdaguard.aws.GuardedRequestHandler;

/**
 * The orders API as deployed: the plain handler wrapped in code, requiring a bearer token with the
 * route's scope. This is the Lambda handler ({@code dev.lambdaguard.examples.orders.OrdersFunction::handleRequest}).
 *
 * <p>The runtime creates one instance per execution environment, during the init phase; the guard built
 * in the constructor serves every invocation of that environment.
 */
public final class OrdersFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> guarded;

  /** The Lambda entry point: the policy from the environment (see {@link OrdersSecurity}). */
  public OrdersFunction() {
    this(OrdersSecurity.guardFromEnvironment(System.getenv()));
  }

  /** With a token policy of the caller's choosing and local rate limits (tests). */
  public OrdersFunction(JwtAuthenticator authenticator) {
    this(OrdersSecurity.guard(authenticator));
  }

  /** With a guard of the caller's choosing (tests, the demo). */
  public OrdersFunction(Guard guard) {
    this.guarded = GuardedRequestHandler.wrap(new OrdersHandler(), guard);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return guarded.handleRequest(event, context);
  }
}
