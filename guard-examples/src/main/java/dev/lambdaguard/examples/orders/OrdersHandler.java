package dev.lambdaguard.examples.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdaguard.SecurityContext;
import dev.lambdaguard.events.JsonText;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A small orders API on an HTTP API (payload 2.0), written as a plain handler that knows nothing of the
 * guard except that it may read the security context. {@code GET /orders/{id}} reads an order,
 * {@code POST /orders} creates one from a JSON body.
 */
public final class OrdersHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String route = event.getRouteKey() == null ? "" : event.getRouteKey();
    return switch (route) {
      case "GET /orders/{id}" -> getOrder(event);
      case "POST /orders" -> createOrder();
      default -> json(404, "{\"error\":\"not_found\"}");
    };
  }

  private static APIGatewayV2HTTPResponse getOrder(APIGatewayV2HTTPEvent event) {
    String id = event.getPathParameters() == null ? null : event.getPathParameters().get("id");
    if (id == null || !id.chars().allMatch(Character::isDigit) || id.isEmpty() || id.length() > 12) {
      return json(404, "{\"error\":\"not_found\"}");
    }
    return json(200, "{\"id\":" + JsonText.quote(id) + ",\"status\":\"shipped\",\"total\":42.50}");
  }

  private static APIGatewayV2HTTPResponse createOrder() {
    // The guard parsed the body once, strictly; the handler reads the same tree instead of parsing again.
    JsonNode body = SecurityContext.current().flatMap(SecurityContext::jsonBody).orElse(null);
    if (body == null || !body.path("item").isString() || !body.path("quantity").canConvertToInt()) {
      return json(422, "{\"error\":\"item and quantity are required\"}");
    }
    int quantity = body.path("quantity").asInt();
    // The gift message is rich text: what the handler reads here is already sanitized by the guard.
    String gift = body.path("giftMessage").isString() ? ",\"giftMessage\":" + JsonText.quote(body.get("giftMessage").asString()) : "";
    return json(201, "{\"id\":\"1001\",\"item\":" + JsonText.quote(body.path("item").asString())
        + ",\"quantity\":" + quantity + gift + "}");
  }

  private static APIGatewayV2HTTPResponse json(int status, String body) {
    APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
    response.setStatusCode(status);
    response.setHeaders(Map.of("Content-Type", "application/json"));
    response.setBody(body);
    return response;
  }
}
