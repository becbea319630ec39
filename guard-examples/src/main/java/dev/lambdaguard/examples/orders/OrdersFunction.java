package dev.lambdaguard.examples.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdaguard.Guard;
import dev.lambdaguard.aws.GuardedRequestHandler;

/**
 * The orders API as deployed: the plain handler wrapped in code. This is the Lambda handler
 * ({@code dev.lambdaguard.examples.orders.OrdersFunction::handleRequest}).
 *
 * <p>The guard is built once, when the class initializes (during the Lambda init phase), and serves every
 * invocation of the execution environment.
 */
public final class OrdersFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private static final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> GUARDED =
      GuardedRequestHandler.wrap(new OrdersHandler(), Guard.builder().strictJsonBodies().build());

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return GUARDED.handleRequest(event, context);
  }
}
