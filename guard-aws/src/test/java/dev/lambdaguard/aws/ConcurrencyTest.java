package dev.lambdaguard.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdaguard.Guard;
import dev.lambdaguard.Principal;
import dev.lambdaguard.SecurityContext;
import dev.lambdaguard.aws.events.RuntimeSerialization;
import dev.lambdaguard.events.SecurityEvent.AllowEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One guarded handler serving many concurrent invocations (Lambda Managed Instances) keeps every
 * request's context and events apart.
 */
class ConcurrencyTest {

  @Test
  void concurrentInvocationsSeeNoCrossTalk() throws Exception {
    RecordingSink sink = new RecordingSink();
    Guard guard = Guard.builder().eventSink(sink)
        .addInterceptor(chain -> chain.proceed(chain.context().withPrincipal(new Principal(
            chain.request().pathParameters().get("id"), null, null, Set.of(), Set.of(), Map.of()))))
        .build();
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> guarded = GuardedRequestHandler.wrap(
        (event, context) -> {
          String subject = SecurityContext.current().orElseThrow().principal().orElseThrow().subject();
          APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
          response.setStatusCode(200);
          // Echo what the handler saw: the subject from the context and the id from its own event.
          response.setBody(subject + "|" + event.getPathParameters().get("id") + "|" + context.getAwsRequestId());
          return response;
        }, guard);
    byte[] fixture = Fixtures.bytes("apigw-http-v2", "no-authorizer.json");

    int threads = 8;
    int perThread = 400;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      results.add(pool.submit(() -> {
        start.await();
        int ok = 0;
        for (int i = 0; i < perThread; i++) {
          String id = thread + "-" + i;
          APIGatewayV2HTTPEvent event = RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class, fixture);
          event.setRawPath("/orders/" + id);
          event.setPathParameters(Map.of("id", id));
          String body = guarded.handleRequest(event, new TestContext("req-" + id)).getBody();
          if (body.equals(id + "|" + id + "|req-" + id)) {
            ok++;
          }
        }
        return ok;
      }));
    }
    start.countDown();
    int ok = 0;
    for (Future<Integer> result : results) {
      ok += result.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertEquals(threads * perThread, ok);

    List<AllowEvent> allows = sink.eventsOf(AllowEvent.class);
    assertEquals(threads * perThread, allows.size());
    for (AllowEvent allow : allows) {
      String id = allow.invocation().ids().requestId().substring("req-".length());
      assertEquals("/orders/" + id, allow.request().path());
      assertEquals(id, allow.request().principal());
    }
    assertEquals(1, allows.stream().filter(a -> a.invocation().coldStart()).count());
  }
}
