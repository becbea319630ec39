package dev.lambdaguard.aws.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdaguard.Body;
import dev.lambdaguard.Denial;
import dev.lambdaguard.GatewayContext;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.MultiValueMap;
import dev.lambdaguard.Outcome.Header;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * API Gateway HTTP API (payload format 2.0) and Lambda Function URL events, which share one shape.
 *
 * <p>Duplicate headers arrive comma-joined in one value and are kept that way: splitting on commas would
 * break values that contain them. The query is parsed from {@code rawQueryString}, which keeps every
 * value, rather than from the comma-joined map.
 */
public final class HttpApiAdapter implements HttpEventAdapter<APIGatewayV2HTTPEvent> {

  public static final String HTTP_API = "apigw-http-v2";
  public static final String FUNCTION_URL = "function-url";

  @Override
  public Class<APIGatewayV2HTTPEvent> eventType() {
    return APIGatewayV2HTTPEvent.class;
  }

  @Override
  public APIGatewayV2HTTPEvent emptyEvent() {
    return new APIGatewayV2HTTPEvent();
  }

  @Override
  public GuardRequest toRequest(APIGatewayV2HTTPEvent event, Invocation ids) {
    APIGatewayV2HTTPEvent.RequestContext rc = event.getRequestContext();
    APIGatewayV2HTTPEvent.RequestContext.Http http = rc == null ? null : rc.getHttp();
    MultiValueMap headers = Requests.headers(null, event.getHeaders());
    String raw = event.getRawQueryString();
    MultiValueMap query = raw != null && !raw.isEmpty()
        ? QueryStrings.parseRaw(raw)
        : Requests.query(null, event.getQueryStringParameters());
    return GuardRequest.builder(isFunctionUrl(rc) ? FUNCTION_URL : HTTP_API)
        .method(http != null ? http.getMethod() : null)
        .path(event.getRawPath() != null ? event.getRawPath() : http != null ? http.getPath() : null)
        .routeKey(event.getRouteKey())
        .headers(headers)
        .query(query)
        .pathParameters(event.getPathParameters())
        .cookies(Requests.cookies(event.getCookies(), headers))
        .body(Body.fromEvent(event.getBody(), event.getIsBase64Encoded()))
        .sourceIp(http != null ? Requests.sourceIp(http.getSourceIp()) : null)
        .userAgent(http != null ? http.getUserAgent() : null)
        .apiKey(Requests.apiKey(null, headers))
        .gateway(gateway(rc))
        .requestId(rc != null ? rc.getRequestId() : null)
        .traceId(ids.traceId())
        .build();
  }

  @Override
  public Object denialResponse(APIGatewayV2HTTPEvent event, Denial denial, Invocation ids) {
    APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
    response.setStatusCode(denial.status());
    response.setHeaders(Responses.headers(denial));
    response.setBody(Responses.body(denial, ids));
    response.setIsBase64Encoded(false);
    return response;
  }

  @Override
  public Object addHeaders(APIGatewayV2HTTPEvent event, Object response, List<Header> headers) {
    if (response instanceof APIGatewayV2HTTPResponse r && !headers.isEmpty()) {
      r.setHeaders(Responses.merged(r.getHeaders(), headers));
    }
    return response;
  }

  private static boolean isFunctionUrl(APIGatewayV2HTTPEvent.RequestContext rc) {
    return rc != null && rc.getDomainName() != null && rc.getDomainName().contains(".lambda-url.");
  }

  private static GatewayContext gateway(APIGatewayV2HTTPEvent.RequestContext rc) {
    if (rc == null) {
      return GatewayContext.NONE;
    }
    APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = rc.getAuthorizer();
    String type = null;
    Map<String, Object> claims = null;
    List<String> scopes = null;
    if (authorizer != null) {
      if (authorizer.getJwt() != null) {
        type = "jwt";
        claims = authorizer.getJwt().getClaims() == null ? null : new HashMap<>(authorizer.getJwt().getClaims());
        scopes = authorizer.getJwt().getScopes();
      } else if (authorizer.getLambda() != null) {
        type = "lambda";
        claims = authorizer.getLambda();
      } else if (authorizer.getIam() != null) {
        type = "iam";
      }
    }
    return new GatewayContext(rc.getAccountId(), rc.getApiId(), rc.getStage(), rc.getDomainName(),
        type, claims, scopes, null);
  }
}
