package dev.lambdaguard.bench.anomaly;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.lambdaguard.Clock;
import dev.lambdaguard.Guard;
import dev.lambdaguard.anomaly.Anomaly;
import dev.lambdaguard.anomaly.AnomalyPolicy;
import dev.lambdaguard.auth.JwtAuthenticator;
import dev.lambdaguard.auth.KeySource;
import dev.lambdaguard.events.SecurityEvent;
import dev.lambdaguard.examples.demo.DemoContext;
import dev.lambdaguard.examples.orders.OrdersFunction;
import dev.lambdaguard.examples.orders.OrdersSecurity;
import dev.lambdaguard.ratelimit.RateLimitPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a trace through the orders function as deployed (its route policy, rate limits and input policy, a
 * token check against the trace's issuer) with anomaly detection on and a simulated clock set to each request's
 * time, as one execution environment would see it. Collects every anomaly with the request that completed it.
 */
public final class TraceReplay {

  /** One reported anomaly and the request during which it was reported. */
  /** An anomaly, the request that completed it and that request's index in the trace. */
  public record Alert(Anomaly anomaly, SimRequest request, int index) {}

  /** The replay's outcome: the alerts, and how many requests each HTTP status answered. */
  /**
   * @param alerts every anomaly, with the request that completed it
   * @param statuses how many requests got each status
   * @param refusedCredentials the indexes (in the trace) of requests whose credential was refused (401 with a token)
   */
  public record Result(List<Alert> alerts, Map<Integer, Integer> statuses, java.util.BitSet refusedCredentials) {}

  /** A clock the replay moves. */
  static final class SimClock implements Clock {
    private long millis;

    @Override
    public long currentTimeMillis() {
      return millis;
    }

    @Override
    public long nanoTime() {
      return millis * 1_000_000;
    }
  }

  private TraceReplay() {}

  public static Result replay(TraceGenerator.Trace trace, AnomalyPolicy policy) {
    return replay(trace, policy, 1);
  }

  /**
   * Replays over {@code environments} execution environments, each request to one of them at random (as Lambda
   * spreads concurrent requests), each environment with its own guard and detector.
   */
  public static Result replay(TraceGenerator.Trace trace, AnomalyPolicy policy, int environments) {
    SimClock clock = new SimClock();
    List<Anomaly> reported = new ArrayList<>();
    OrdersFunction[] functions = new OrdersFunction[environments];
    for (int i = 0; i < environments; i++) {
      functions[i] = function(trace, policy, clock, reported);
    }
    java.util.Random spread = new java.util.Random(environments);
    DemoContext context = new DemoContext("sim");
    List<Alert> alerts = new ArrayList<>();
    Map<Integer, Integer> statuses = new HashMap<>();
    java.util.BitSet refused = new java.util.BitSet(trace.requests().size());
    for (int index = 0; index < trace.requests().size(); index++) {
      SimRequest request = trace.requests().get(index);
      clock.millis = request.at();
      OrdersFunction function = functions[environments == 1 ? 0 : spread.nextInt(environments)];
      int status = function.handleRequest(event(request), context).getStatusCode();
      statuses.merge(status, 1, Integer::sum);
      if (status == 401 && request.authorization() != null) {
        refused.set(index);
      }
      for (Anomaly anomaly : reported) {
        alerts.add(new Alert(anomaly, request, index));
      }
      reported.clear();
    }
    return new Result(alerts, statuses, refused);
  }

  /** One execution environment: the orders function with its own guard, reporting anomalies into {@code reported}. */
  private static OrdersFunction function(TraceGenerator.Trace trace, AnomalyPolicy policy, SimClock clock,
      List<Anomaly> reported) {
    byte[] secret = trace.hmacSecret();
    JwtAuthenticator tokens = JwtAuthenticator.builder()
        .issuer(SimIssuer.ISSUER)
        .audiences(SimIssuer.AUDIENCE)
        .keys(KeySource.hmac(() -> secret))
        .routes(OrdersSecurity.ROUTES)
        .clock(clock)
        .build();
    RateLimitPolicy limits = RateLimitPolicy.builder()
        .authenticated(OrdersSecurity.CALLER_LIMITS)
        .route("POST /orders", OrdersSecurity.CREATE_ORDER_LIMITS)
        .clock(clock)
        .build();
    Guard guard = Guard.builder()
        .jwt(tokens)
        .rateLimit(limits)
        .inputInspection(OrdersSecurity.INPUT)
        .anomalyDetection(policy)
        .clock(clock)
        .environment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders-sim"))
        .credentialCheck(false)
        .eventSink(event -> {
          if (event instanceof SecurityEvent.AnomalyEvent anomaly) {
            reported.add(anomaly.anomaly());
          }
        })
        .build();
    return new OrdersFunction(guard);
  }

  /** The HTTP API (payload 2.0) event the gateway would send for {@code request}. */
  static APIGatewayV2HTTPEvent event(SimRequest request) {
    APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setMethod(request.method());
    http.setPath(request.path());
    http.setProtocol("HTTP/1.1");
    http.setSourceIp(request.ip());
    http.setUserAgent("orders-app/2.3");
    APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
    context.setHttp(http);
    context.setRouteKey(request.routeKey());
    context.setRequestId("sim-" + request.at());
    context.setStage("$default");
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setVersion("2.0");
    event.setRouteKey(request.routeKey());
    event.setRawPath(request.path());
    event.setRawQueryString("");
    event.setRequestContext(context);
    Map<String, String> headers = new HashMap<>();
    headers.put("host", "orders.example.com");
    headers.put("user-agent", "orders-app/2.3");
    if (request.authorization() != null) {
      headers.put("authorization", request.authorization());
    }
    if (request.body() != null) {
      headers.put("content-type", "application/json");
      event.setBody(request.body());
    }
    event.setHeaders(headers);
    if (request.orderId() != null) {
      event.setPathParameters(Map.of("id", request.orderId()));
    }
    event.setIsBase64Encoded(false);
    return event;
  }
}
