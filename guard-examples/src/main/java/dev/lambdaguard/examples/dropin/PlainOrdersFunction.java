package dev.lambdaguard.examples.dropin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/**
 * The orders API as an existing function that knows nothing of Lambda Guard (mode 3, the drop-in layer): no guard
 * import, no guard dependency. Adding the Lambda Guard layer and {@code AWS_LAMBDA_EXEC_WRAPPER=/opt/lambda-guard},
 * with the policy in {@code GUARD_*} variables ({@code guard-examples/layer/template.yaml}), guards it without a code
 * change.
 *
 * <p>{@code GET /orders/{id}} reads an order, {@code POST /orders} accepts one, {@code POST /orders/{id}/cancel}
 * is not written yet and throws, as a function's bug would.
 */
public final class PlainOrdersFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String route = event.getRouteKey() == null ? "" : event.getRouteKey();
    return switch (route) {
      case "GET /orders/{id}" -> json(200, "{\"id\":\"" + digits(event) + "\",\"status\":\"shipped\"}");
      case "POST /orders" -> json(201, "{\"id\":\"1001\",\"accepted\":true}");
      case "POST /orders/{id}/cancel" ->
          throw new UnsupportedOperationException("cancelling orders is not written yet");
      default -> json(404, "{\"error\":\"not_found\"}");
    };
  }

  /** The order id if it is all digits, else empty: the function does its own small check, as functions do. */
  private static String digits(APIGatewayV2HTTPEvent event) {
    String id = event.getPathParameters() == null ? null : event.getPathParameters().get("id");
    return id != null && !id.isEmpty() && id.length() <= 12 && id.chars().allMatch(Character::isDigit) ? id : "";
  }

  private static APIGatewayV2HTTPResponse json(int status, String body) {
    APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
    response.setStatusCode(status);
    response.setHeaders(Map.of("Content-Type", "application/json"));
    response.setBody(body);
    return response;
  }
}
