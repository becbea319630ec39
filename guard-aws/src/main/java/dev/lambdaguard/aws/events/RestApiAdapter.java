package dev.lambdaguard.aws.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.lambdaguard.Body;
import dev.lambdaguard.Denial;
import dev.lambdaguard.GatewayContext;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.MultiValueMap;
import dev.lambdaguard.Outcome.Header;
import java.util.List;
import java.util.Map;

/**
 * API Gateway REST API proxy events (payload format 1.0).
 *
 * <p>The event carries headers and query twice: single-valued maps (last value wins) and multi-valued ones.
 * The multi-valued maps are read, so that a value hidden behind a later duplicate is still inspected.
 */
public final class RestApiAdapter implements HttpEventAdapter<APIGatewayProxyRequestEvent> {

  public static final String SOURCE = "apigw-rest-v1";

  @Override
  public Class<APIGatewayProxyRequestEvent> eventType() {
    return APIGatewayProxyRequestEvent.class;
  }

  @Override
  public APIGatewayProxyRequestEvent emptyEvent() {
    return new APIGatewayProxyRequestEvent();
  }

  @Override
  public GuardRequest toRequest(APIGatewayProxyRequestEvent event, Invocation ids) {
    APIGatewayProxyRequestEvent.ProxyRequestContext rc = event.getRequestContext();
    APIGatewayProxyRequestEvent.RequestIdentity identity = rc == null ? null : rc.getIdentity();
    MultiValueMap headers = Requests.headers(event.getMultiValueHeaders(), event.getHeaders());
    String method = event.getHttpMethod();
    String resource = event.getResource();
    return GuardRequest.builder(SOURCE)
        .method(method)
        .path(event.getPath())
        .routeKey(method != null && resource != null ? method + " " + resource : null)
        .headers(headers)
        .query(Requests.query(
            event.getMultiValueQueryStringParameters(), event.getQueryStringParameters()))
        .pathParameters(event.getPathParameters())
        .cookies(Requests.cookies(null, headers))
        .body(Body.fromEvent(event.getBody(), Boolean.TRUE.equals(event.getIsBase64Encoded())))
        .sourceIp(identity != null ? Requests.sourceIp(identity.getSourceIp()) : null)
        .userAgent(identity != null ? identity.getUserAgent() : null)
        .apiKey(Requests.apiKey(identity != null ? identity.getApiKey() : null, headers))
        .gateway(gateway(rc))
        .requestId(rc != null ? rc.getRequestId() : null)
        .traceId(ids.traceId())
        .build();
  }

  @Override
  public Object denialResponse(APIGatewayProxyRequestEvent event, Denial denial, Invocation ids) {
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(denial.status())
        .withHeaders(Responses.headers(denial))
        .withBody(Responses.body(denial, ids))
        .withIsBase64Encoded(false);
  }

  @Override
  public Object addHeaders(APIGatewayProxyRequestEvent event, Object response, List<Header> headers) {
    if (response instanceof APIGatewayProxyResponseEvent r && !headers.isEmpty()) {
      if (r.getMultiValueHeaders() != null) {
        r.setMultiValueHeaders(Responses.mergedMulti(r.getMultiValueHeaders(), headers));
      }
      r.setHeaders(Responses.merged(r.getHeaders(), headers));
    }
    return response;
  }

  @SuppressWarnings("unchecked")
  private static GatewayContext gateway(APIGatewayProxyRequestEvent.ProxyRequestContext rc) {
    if (rc == null) {
      return GatewayContext.NONE;
    }
    Map<String, Object> authorizer = rc.getAuthorizer();
    String type = null;
    Map<String, Object> claims = null;
    String principalId = null;
    if (authorizer != null && !authorizer.isEmpty()) {
      if (authorizer.get("claims") instanceof Map<?, ?> cognito) {
        type = "cognito";
        claims = (Map<String, Object>) cognito;
      } else {
        type = "lambda";
        claims = authorizer;
        principalId = authorizer.get("principalId") instanceof String p ? p : null;
      }
    } else if (rc.getIdentity() != null && rc.getIdentity().getUserArn() != null) {
      type = "iam";
    }
    return new GatewayContext(rc.getAccountId(), rc.getApiId(), rc.getStage(), rc.getDomainName(),
        type, claims, null, principalId);
  }
}
