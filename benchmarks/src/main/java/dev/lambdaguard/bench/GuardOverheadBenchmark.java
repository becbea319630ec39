package dev.lambdaguard.bench;

import dev.lambdaguard.examples.demo.DemoContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdaguard.Guard;
import dev.lambdaguard.aws.GuardedRequestHandler;
import dev.lambdaguard.aws.events.RuntimeSerialization;
import dev.lambdaguard.events.EventJson;
import dev.lambdaguard.events.EventSink;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.events.StdoutJsonSink;
import dev.lambdaguard.examples.orders.OrdersHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-invocation overhead of the guarded handler with an empty chain, against the bare handler, on the same
 * HTTP API v2 {@code GET /orders/{id}} event.
 *
 * <ul>
 *   <li>{@code bare}: {@link OrdersHandler} called directly;
 *   <li>{@code guardedEmptyChainNoopSink}: the same handler behind {@link GuardedRequestHandler} with no
 *       interceptor and a sink that drops events: adapter, request view, chain, context, outcome, event object;
 *   <li>{@code guardedEmptyChainJsonSink}: as above, with the default sink ({@link StdoutJsonSink} formatting
 *       through {@link EventJson}) writing the allow event to a null stream instead of standard output, so the
 *       cost of formatting and writing one event line shows separately.
 * </ul>
 *
 * <p>The event is deserialized once, at setup, exactly as the Lambda runtime does it; deserialization is not
 * part of what is measured (the runtime pays it for both). All three run in one JMH run, so
 * {@code guarded - bare} and {@code guarded / bare} come from the same machine state; {@link OverheadReport}
 * runs this class and prints both. Each benchmark takes a {@link QuietMachine}, which keeps other processes' bursts
 * out of the iterations where it can and reports those it could not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class GuardOverheadBenchmark {

  /** The benchmark's copy of the demo's HTTP API v2 GET event (guard-examples demo/01-get-order.json). */
  public static final String GET_EVENT = "/bench-events/http-api-v2-get-order.json";

  APIGatewayV2HTTPEvent event;
  Context context;
  RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> bare;
  RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> guardedNoop;
  RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> guardedJson;

  @Setup(Level.Trial)
  public void setUp() {
    event = RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class, resource(GET_EVENT));
    context = new DemoContext("bench-request-1");
    bare = new OrdersHandler();
    guardedNoop = GuardedRequestHandler.wrap(new OrdersHandler(),
        Guard.builder().environment(lambdaEnvironment()).eventSink(EventSink.noop()).build());
    PrintStream nullOut = new PrintStream(OutputStream.nullOutputStream(), false);
    guardedJson = GuardedRequestHandler.wrap(new OrdersHandler(),
        Guard.builder().environment(lambdaEnvironment())
            .eventSink(new StdoutJsonSink(new EventJson(new Redactor()), () -> nullOut)).build());
    // Measure the path we mean to: every variant must answer the order, none may deny.
    expect200("bare", bare.handleRequest(event, context));
    expect200("guardedEmptyChainNoopSink", guardedNoop.handleRequest(event, context));
    expect200("guardedEmptyChainJsonSink", guardedJson.handleRequest(event, context));
  }

  @Benchmark
  public APIGatewayV2HTTPResponse bare(QuietMachine quiet) {
    return bare.handleRequest(event, context);
  }

  @Benchmark
  public APIGatewayV2HTTPResponse guardedEmptyChainNoopSink(QuietMachine quiet) {
    return guardedNoop.handleRequest(event, context);
  }

  @Benchmark
  public APIGatewayV2HTTPResponse guardedEmptyChainJsonSink(QuietMachine quiet) {
    return guardedJson.handleRequest(event, context);
  }

  /** The variables Lambda sets that the guard reads, so that event lines are as long as in Lambda. */
  public static Map<String, String> lambdaEnvironment() {
    return Map.of(
        "AWS_LAMBDA_FUNCTION_NAME", "orders-bench",
        "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand",
        "AWS_REGION", "us-east-1");
  }

  /** A classpath resource's bytes. */
  public static byte[] resource(String name) {
    try (InputStream in = GuardOverheadBenchmark.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void expect200(String variant, APIGatewayV2HTTPResponse response) {
    if (response == null || response.getStatusCode() != 200) {
      throw new IllegalStateException(variant + " answered " + (response == null ? "null" : response.getStatusCode())
          + " instead of 200: the benchmark would not measure the allow path");
    }
  }
}
