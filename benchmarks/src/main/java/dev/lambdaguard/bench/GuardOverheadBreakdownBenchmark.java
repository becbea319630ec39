package dev.lambdaguard.bench;

import dev.lambdaguard.examples.demo.DemoContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.Terminal;
import dev.lambdaguard.aws.events.HttpApiAdapter;
import dev.lambdaguard.aws.events.RuntimeSerialization;
import dev.lambdaguard.aws.metrics.EmfMetrics;
import dev.lambdaguard.events.EventJson;
import dev.lambdaguard.events.EventSink;
import dev.lambdaguard.events.FunctionEnvironment;
import dev.lambdaguard.events.InvocationInfo;
import dev.lambdaguard.events.InvocationSummary;
import dev.lambdaguard.events.OcsfJson;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.events.RequestSummary;
import dev.lambdaguard.events.SecurityEvent;
import dev.lambdaguard.events.StdoutJsonSink;
import java.io.OutputStream;
import java.io.PrintStream;
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
 * Where the per-invocation overhead of {@link GuardOverheadBenchmark} goes, stage by stage, on the same event:
 *
 * <ul>
 *   <li>{@code adapterToRequest}: {@link HttpApiAdapter#toRequest}, the event normalized into a {@link GuardRequest};
 *   <li>{@code guardHandleEmptyChain}: {@link Guard#handle} on a prebuilt request with an empty chain, a sink that
 *       drops events and a terminal that returns a prebuilt response (chain, context, outcome, allow event object);
 *   <li>{@code allowEventFormat}: {@link EventJson#format} of one allow event (redaction, escaping, timestamp);
 *   <li>{@code allowEventRedactOnly}: {@link Redactor#redact} over the same string values the allow event carries,
 *       to show the redactor's share of formatting;
 *   <li>{@code allowEventWrite}: the default sink ({@link StdoutJsonSink}) formatting and writing it to a null stream;
 *   <li>{@code allowEventOcsfFormat}: {@link OcsfJson#format} of the same event, the OCSF option;
 *   <li>{@code allowMetricsWrite}: the end of the same invocation through {@link EmfMetrics} (its EMF document
 *       built and written to a null stream; the events it wraps dropped).
 * </ul>
 *
 * A diagnostic for the library's authors, not a target in itself: the sum is close to, not exactly, the
 * end-to-end overhead, because inlining and allocation differ when the stages run together.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class GuardOverheadBreakdownBenchmark {

  APIGatewayV2HTTPEvent event;
  HttpApiAdapter adapter;
  Invocation ids;
  GuardRequest request;
  Guard guard;
  Terminal terminal;
  SecurityEvent.AllowEvent allow;
  EventJson format;
  StdoutJsonSink sink;
  Redactor redactor;
  String[] allowValues;
  OcsfJson ocsf;
  EventSink metrics;
  InvocationSummary allowSummary;

  @Setup(Level.Trial)
  public void setUp() {
    event = RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class,
        GuardOverheadBenchmark.resource(GuardOverheadBenchmark.GET_EVENT));
    DemoContext context = new DemoContext("bench-request-1");
    ids = new Invocation(context.getAwsRequestId(), context.getXrayTraceId(), null);
    adapter = new HttpApiAdapter();
    request = adapter.toRequest(event, ids);
    guard = Guard.builder().environment(GuardOverheadBenchmark.lambdaEnvironment()).eventSink(EventSink.noop()).build();
    APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
    response.setStatusCode(200);
    terminal = sc -> response;
    allow = new SecurityEvent.AllowEvent(System.currentTimeMillis(),
        new InvocationInfo(FunctionEnvironment.from(GuardOverheadBenchmark.lambdaEnvironment()), ids, false),
        new RequestSummary(request.source(), request.method(), request.routeKey(), request.path(), request.sourceIp(),
            request.userAgent(), null),
        0, 1_234);
    redactor = new Redactor();
    format = new EventJson(redactor);
    FunctionEnvironment f = allow.invocation().function();
    RequestSummary r = allow.request();
    allowValues = new String[] {"allow", "INFO", EventJson.SCHEMA, "allow", f.functionName(), f.functionVersion(),
        f.initType(), f.region(), ids.requestId(), ids.traceId(), r.eventSource(), r.method(), r.route(), r.path(),
        r.sourceIp(), r.userAgent()};
    PrintStream nullOut = new PrintStream(OutputStream.nullOutputStream(), false);
    sink = new StdoutJsonSink(format, () -> nullOut);
    ocsf = new OcsfJson(redactor);
    metrics = EmfMetrics.namespace("LambdaGuard").redactor(redactor).output(() -> nullOut).build()
        .around(EventSink.noop());
    allowSummary = new InvocationSummary(allow.invocation(), r.route(), "allow", null, java.util.List.of(), 1_234);
  }

  @Benchmark
  public GuardRequest adapterToRequest(QuietMachine quiet) {
    return adapter.toRequest(event, ids);
  }

  @Benchmark
  public Outcome guardHandleEmptyChain(QuietMachine quiet) {
    return guard.handle(request, ids, terminal);
  }

  @Benchmark
  public String allowEventFormat(QuietMachine quiet) {
    return format.format(allow);
  }

  @Benchmark
  public int allowEventRedactOnly(QuietMachine quiet) {
    int n = 0;
    for (String value : allowValues) {
      n += redactor.redact(value).length();
    }
    return n;
  }

  @Benchmark
  public void allowEventWrite(QuietMachine quiet) {
    sink.emit(allow);
  }

  @Benchmark
  public String allowEventOcsfFormat(QuietMachine quiet) {
    return ocsf.format(allow);
  }

  @Benchmark
  public void allowMetricsWrite(QuietMachine quiet) {
    metrics.endInvocation(allowSummary);
  }
}
