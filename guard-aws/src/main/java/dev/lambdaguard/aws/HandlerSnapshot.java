package dev.lambdaguard.aws;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import dev.lambdaguard.Denial;
import dev.lambdaguard.Guard;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.Reasons;
import dev.lambdaguard.SnapshotAware;
import dev.lambdaguard.aws.events.EventKind;
import dev.lambdaguard.aws.events.HttpEventAdapter;
import dev.lambdaguard.aws.events.RuntimeSerialization;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A guarded handler's part of a SnapStart snapshot: before the checkpoint, synthetic events of each HTTP
 * kind go through the runtime's serializer and our adapters (read, normalized, answered with a denial), and
 * the guard primes its chain; the user's handler is never called. After a restore, the guard forgets what
 * the copies must not share. Equal for one guard (a guard has identity equality), so that two handlers wrapped
 * around the same guard register it once.
 */
record HandlerSnapshot(Guard guard) implements SnapshotAware {

  private static final String HTTP_API = "{\"version\":\"2.0\",\"routeKey\":\"POST /priming\",\"rawPath\":\"/priming\","
      + "\"rawQueryString\":\"page=2\",\"cookies\":[\"theme=dark\"],\"headers\":{\"user-agent\":\"priming\","
      + "\"content-type\":\"application/json\"},\"queryStringParameters\":{\"page\":\"2\"},\"requestContext\":"
      + "{\"http\":{\"method\":\"POST\",\"path\":\"/priming\",\"sourceIp\":\"192.0.2.10\",\"userAgent\":\"priming\"},"
      + "\"requestId\":\"priming\",\"routeKey\":\"POST /priming\"},\"body\":\"{\\\"a\\\":1}\",\"isBase64Encoded\":false}";
  private static final String REST_API = "{\"resource\":\"/priming\",\"path\":\"/priming\",\"httpMethod\":\"GET\","
      + "\"headers\":{\"User-Agent\":\"priming\"},\"multiValueHeaders\":{\"User-Agent\":[\"priming\"]},"
      + "\"queryStringParameters\":{\"page\":\"2\"},\"multiValueQueryStringParameters\":{\"page\":[\"2\"]},"
      + "\"requestContext\":{\"resourceId\":\"priming\",\"httpMethod\":\"GET\",\"identity\":{\"sourceIp\":\"192.0.2.10\"},"
      + "\"requestId\":\"priming\"},\"body\":null,\"isBase64Encoded\":false}";
  private static final String ALB = "{\"requestContext\":{\"elb\":{\"targetGroupArn\":"
      + "\"arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/priming/0\"}},\"httpMethod\":\"GET\","
      + "\"path\":\"/priming\",\"queryStringParameters\":{\"page\":\"2\"},\"headers\":{\"user-agent\":\"priming\"},"
      + "\"body\":\"\",\"isBase64Encoded\":false}";

  @Override
  public void prime() {
    primeAdapters();
    guard.prime();
  }

  /** Runs one synthetic event of each HTTP kind through the adapters; returns how many were read. */
  int primeAdapters() {
    return warm(EventKind.ofInput(new APIGatewayV2HTTPEvent()).adapter(), HTTP_API)
        + warm(EventKind.ofInput(new APIGatewayProxyRequestEvent()).adapter(), REST_API)
        + warm(EventKind.ofInput(new ApplicationLoadBalancerRequestEvent()).adapter(), ALB);
  }

  @Override
  public void afterRestore() {
    guard.afterRestore();
  }

  /** Reads the event as a Map-typed and as a typed handler would, normalizes it, and writes a denial back. */
  private static <E> int warm(HttpEventAdapter<E> adapter, String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    EventKind.ofJson(RuntimeSerialization.fromJson(Map.class, bytes));
    E event = UnreadableEvents.read(adapter, bytes);
    if (event == null) {
      return 0;
    }
    adapter.toRequest(event, Invocation.NONE);
    RuntimeSerialization.toJson(adapter.denialResponse(event,
        Denial.badRequest(Reasons.REQUEST_MALFORMED, "priming"), Invocation.NONE));
    return 1;
  }
}
