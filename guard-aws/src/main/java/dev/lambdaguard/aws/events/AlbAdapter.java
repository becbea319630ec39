package dev.lambdaguard.aws.events;

import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import dev.lambdaguard.Body;
import dev.lambdaguard.Denial;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.HttpStatus;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.MultiValueMap;
import dev.lambdaguard.Outcome.Header;
import java.util.List;

/**
 * Application Load Balancer target events, in single-value (default) and multi-value header modes.
 *
 * <p>ALB passes the query string without URL-decoding it; this adapter decodes it so that encoded
 * payloads are inspected as the handler will read them. An ALB event has no source IP field: the client
 * address is the entry the ALB appended last to X-Forwarded-For. A response must use the header form of
 * the request's mode (ALB ignores the other one), so denials follow the request.
 */
public final class AlbAdapter implements HttpEventAdapter<ApplicationLoadBalancerRequestEvent> {

  public static final String SOURCE = "alb";

  @Override
  public Class<ApplicationLoadBalancerRequestEvent> eventType() {
    return ApplicationLoadBalancerRequestEvent.class;
  }

  @Override
  public ApplicationLoadBalancerRequestEvent emptyEvent() {
    return new ApplicationLoadBalancerRequestEvent();
  }

  @Override
  public GuardRequest toRequest(ApplicationLoadBalancerRequestEvent event, Invocation ids) {
    MultiValueMap headers = Requests.headers(event.getMultiValueHeaders(), event.getHeaders());
    return GuardRequest.builder(SOURCE)
        .method(event.getHttpMethod())
        .path(event.getPath())
        .headers(headers)
        .query(QueryStrings.fromEncodedMaps(
            event.getMultiValueQueryStringParameters(), event.getQueryStringParameters()))
        .cookies(Requests.cookies(null, headers))
        .body(Body.fromEvent(event.getBody(), event.getIsBase64Encoded()))
        .sourceIp(Requests.albClientIp(headers))
        .apiKey(Requests.apiKey(null, headers))
        .traceId(ids.traceId())
        .build();
  }

  @Override
  public Object denialResponse(ApplicationLoadBalancerRequestEvent event, Denial denial, Invocation ids) {
    ApplicationLoadBalancerResponseEvent response = new ApplicationLoadBalancerResponseEvent();
    response.setStatusCode(denial.status());
    response.setStatusDescription(denial.status() + " " + HttpStatus.phrase(denial.status()));
    if (isMultiValue(event)) {
      response.setMultiValueHeaders(Responses.multiValueHeaders(denial));
    } else {
      response.setHeaders(Responses.headers(denial));
    }
    response.setBody(Responses.body(denial, ids));
    response.setIsBase64Encoded(false);
    return response;
  }

  @Override
  public Object addHeaders(ApplicationLoadBalancerRequestEvent event, Object response, List<Header> headers) {
    if (response instanceof ApplicationLoadBalancerResponseEvent r && !headers.isEmpty()) {
      if (isMultiValue(event)) {
        r.setMultiValueHeaders(Responses.mergedMulti(r.getMultiValueHeaders(), headers));
      } else {
        r.setHeaders(Responses.merged(r.getHeaders(), headers));
      }
    }
    return response;
  }

  private static boolean isMultiValue(ApplicationLoadBalancerRequestEvent event) {
    return event.getMultiValueHeaders() != null;
  }
}
