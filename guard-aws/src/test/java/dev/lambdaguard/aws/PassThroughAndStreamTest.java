package dev.lambdaguard.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lambdaguard.Denial;
import dev.lambdaguard.Guard;
import dev.lambdaguard.Reason;
import dev.lambdaguard.aws.events.RuntimeSerialization;
import dev.lambdaguard.events.SecurityEvent.AllowEvent;
import dev.lambdaguard.events.SecurityEvent.DenyEvent;
import dev.lambdaguard.events.SecurityEvent.PassThroughEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Events that are not HTTP requests reach the handler untouched, named in a pass-through event; the
 * stream handler and Map-typed handlers recognise HTTP events by their shape.
 */
class PassThroughAndStreamTest {

  private static final Reason BLOCKED = Reason.of("blocked_for_test", Reason.Kind.POLICY);

  static List<String> otherFixtures() {
    return Fixtures.all("sqs", "sns", "eventbridge", "s3", "dynamodb-stream", "kinesis", "cognito",
        "apigw-authorizer", "other");
  }

  private static String expectedSource(String fixture) {
    String family = fixture.substring(0, fixture.indexOf('/'));
    return switch (fixture) {
      case "other/apigw-websocket-connect-api-key.json" -> "apigw-websocket";
      case "other/appsync-lambda-authorizer.json" -> "authorizer";
      case "other/cloudfront-lambda-edge-request.json" -> "cloudfront";
      case "other/cloudwatch-logs-subscription.json" -> "cloudwatch-logs";
      case "other/msk-kafka.json" -> "kafka";
      case "other/vpc-lattice-v2-iam.json" -> "vpc-lattice";
      case "kinesis/firehose-from-kinesis-stream.json" -> "firehose";
      case "s3/object-lambda-assumed-role.json" -> "s3-object-lambda";
      case "apigw-authorizer/websocket-connect-request-authorizer.json",
          "apigw-authorizer/rest-token-authorizer.json" -> "apigw-authorizer";
      default -> family;
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("otherFixtures")
  void everyOtherEventPassesThroughAStreamHandlerByteForByte(String fixture) throws IOException {
    byte[] input = Fixtures.bytes(fixture.substring(0, fixture.indexOf('/')), fixture.substring(fixture.indexOf('/') + 1));
    RecordingSink sink = new RecordingSink();
    Guard guard = Guard.builder().eventSink(sink).addInterceptor(chain -> Denial.of(403, BLOCKED)).build();
    AtomicReference<byte[]> seen = new AtomicReference<>();
    RequestStreamHandler guarded = GuardedStreamHandler.wrap((in, out, ctx) -> {
      seen.set(in.readAllBytes());
      out.write("done".getBytes());
    }, guard);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    guarded.handleRequest(new ByteArrayInputStream(input), out, new TestContext("req-pt"));

    assertArrayEquals(input, seen.get(), "the handler reads the original bytes");
    assertEquals("done", out.toString());
    List<PassThroughEvent> passThrough = sink.eventsOf(PassThroughEvent.class);
    assertEquals(1, passThrough.size());
    assertEquals(expectedSource(fixture), passThrough.get(0).eventSource());
    assertTrue(sink.eventsOf(DenyEvent.class).isEmpty());
  }

  @Test
  void typedNonHttpEventsPassThroughARequestHandlerUntouched() {
    RecordingSink sink = new RecordingSink();
    Guard guard = Guard.builder().eventSink(sink).addInterceptor(chain -> Denial.of(403, BLOCKED)).build();
    SQSEvent sqs = RuntimeSerialization.fromJson(SQSEvent.class, Fixtures.bytes("sqs", "dlq-redrive.json"));
    AtomicReference<Object> seen = new AtomicReference<>();
    RequestHandler<SQSEvent, String> guarded = GuardedRequestHandler.wrap((event, ctx) -> {
      seen.set(event);
      return "ok";
    }, guard);
    assertEquals("ok", guarded.handleRequest(sqs, new TestContext("r")));
    assertSame(sqs, seen.get());

    SNSEvent sns = RuntimeSerialization.fromJson(SNSEvent.class, Fixtures.bytes("sns", "json-message.json"));
    GuardedRequestHandler.<SNSEvent, String>wrap((e, c) -> "ok", guard).handleRequest(sns, new TestContext("r"));
    ScheduledEvent scheduled = RuntimeSerialization.fromJson(ScheduledEvent.class,
        Fixtures.bytes("eventbridge", "scheduled-event.json"));
    GuardedRequestHandler.<ScheduledEvent, String>wrap((e, c) -> "ok", guard)
        .handleRequest(scheduled, new TestContext("r"));

    assertEquals(List.of("sqs", "sns", "eventbridge"),
        sink.eventsOf(PassThroughEvent.class).stream().map(PassThroughEvent::eventSource).toList());
  }

  @Test
  void streamHandlerDeniesAnHttpEventWithTheEventTypesResponseAndNeverRunsTheHandler() throws IOException {
    RecordingSink sink = new RecordingSink();
    Guard guard = Guard.builder().eventSink(sink).addInterceptor(chain -> Denial.of(403, BLOCKED)).build();
    AtomicInteger calls = new AtomicInteger();
    RequestStreamHandler guarded = GuardedStreamHandler.wrap((in, out, ctx) -> calls.incrementAndGet(), guard);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    guarded.handleRequest(new ByteArrayInputStream(Fixtures.bytes("alb", "multi-value-headers.json")), out,
        new TestContext("req-stream"));

    assertEquals(0, calls.get());
    JsonNode response = new ObjectMapper().readTree(out.toByteArray());
    assertEquals(403, response.get("statusCode").asInt());
    assertEquals("403 Forbidden", response.get("statusDescription").asString());
    assertTrue(response.get("multiValueHeaders").has("Content-Type"));
    assertEquals("blocked_for_test", new ObjectMapper().readTree(response.get("body").asString()).get("error").asString());
    assertEquals("alb", sink.eventsOf(DenyEvent.class).get(0).request().eventSource());
  }

  @Test
  void streamHandlerLetsAnAllowedHttpEventThroughWithItsOriginalBytes() throws IOException {
    RecordingSink sink = new RecordingSink();
    Guard guard = Guard.builder().eventSink(sink).build();
    byte[] input = Fixtures.bytes("function-url", "cookies-and-text-body.json");
    AtomicReference<byte[]> seen = new AtomicReference<>();
    GuardedStreamHandler.wrap((in, out, ctx) -> seen.set(in.readAllBytes()), guard)
        .handleRequest(new ByteArrayInputStream(input), new ByteArrayOutputStream(), new TestContext("r"));
    assertArrayEquals(input, seen.get());
    assertEquals("function-url", sink.eventsOf(AllowEvent.class).get(0).request().eventSource());
  }

  @Test
  void streamHandlerPropagatesTheHandlersIoExceptionUnchanged() {
    IOException failure = new IOException("handler failed");
    RequestStreamHandler guarded = GuardedStreamHandler.wrap((in, out, ctx) -> {
      throw failure;
    }, Guard.builder().eventSink(new RecordingSink()).build());
    IOException caught = assertThrows(IOException.class, () -> guarded.handleRequest(
        new ByteArrayInputStream(Fixtures.bytes("apigw-http-v2", "no-authorizer.json")),
        new ByteArrayOutputStream(), new TestContext("r")));
    assertSame(failure, caught);
  }

  @Test
  void streamInputThatIsNotAJsonObjectPassesThrough() throws IOException {
    RecordingSink sink = new RecordingSink();
    byte[] input = "\"just a string\"".getBytes();
    AtomicReference<byte[]> seen = new AtomicReference<>();
    GuardedStreamHandler.wrap((in, out, ctx) -> seen.set(in.readAllBytes()), Guard.builder().eventSink(sink).build())
        .handleRequest(new ByteArrayInputStream(input), new ByteArrayOutputStream(), new TestContext("r"));
    assertArrayEquals(input, seen.get());
    assertEquals("unknown", sink.eventsOf(PassThroughEvent.class).get(0).eventSource());
  }

  @Test
  void streamInputOverTheSizeBoundIsRefusedWithoutReadingItAll() {
    byte[] huge = new byte[GuardedStreamHandler.MAX_EVENT_BYTES + 10];
    AtomicInteger calls = new AtomicInteger();
    RequestStreamHandler guarded = GuardedStreamHandler.wrap((in, out, ctx) -> calls.incrementAndGet(),
        Guard.builder().eventSink(new RecordingSink()).build());
    IOException e = assertThrows(IOException.class, () -> guarded.handleRequest(
        new ByteArrayInputStream(huge), new ByteArrayOutputStream(), new TestContext("r")));
    assertTrue(e.getMessage().contains("larger than"));
    assertEquals(0, calls.get());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aHandlerThatTakesAMapIsStillGuardedAndAnsweredWithAMap() {
    RecordingSink sink = new RecordingSink();
    Guard guard = Guard.builder().eventSink(sink).addInterceptor(chain -> Denial.of(403, BLOCKED)).build();
    Map<String, Object> event = RuntimeSerialization.fromJson(Map.class, Fixtures.bytes("apigw-rest-v1", "no-auth.json"));
    AtomicInteger calls = new AtomicInteger();
    RequestHandler<Map<String, Object>, Object> guarded = GuardedRequestHandler.wrap((e, c) -> {
      calls.incrementAndGet();
      return Map.of();
    }, guard);
    Map<String, Object> response = (Map<String, Object>) guarded.handleRequest(event, new TestContext("r"));
    assertEquals(0, calls.get());
    assertEquals(403, ((Number) response.get("statusCode")).intValue());
    assertEquals("apigw-rest-v1", sink.eventsOf(DenyEvent.class).get(0).request().eventSource());
  }

  /**
   * An event shaped like an HTTP request whose fields the runtime cannot read (a direct invocation, a test tool)
   * gets the same typed 400 every malformed request gets, with a deny event, never an exception whose message
   * could carry the event's headers into the runtime's log.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "{\"version\":\"2.0\",\"routeKey\":\"GET /\",\"rawPath\":\"/\",\"headers\":\"Bearer eyJsecret\",\"requestContext\":{\"http\":{\"method\":\"GET\",\"path\":\"/\"}}}",
      "{\"httpMethod\":\"GET\",\"path\":\"/\",\"headers\":{\"authorization\":{\"nested\":\"Bearer eyJsecret\"}},\"requestContext\":{\"resourceId\":\"x\",\"stage\":\"prod\"}}",
      "{\"httpMethod\":\"GET\",\"path\":\"/\",\"isBase64Encoded\":\"Bearer eyJsecret\",\"requestContext\":{\"elb\":{\"targetGroupArn\":\"arn:x\"}}}"})
  void anHttpShapedEventTheRuntimeCannotReadIsRefusedWith400(String json) throws IOException {
    RecordingSink sink = new RecordingSink();
    AtomicInteger calls = new AtomicInteger();
    RequestStreamHandler guarded = GuardedStreamHandler.wrap((in, out, ctx) -> calls.incrementAndGet(),
        Guard.builder().eventSink(sink).build());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    guarded.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out, new TestContext("r"));

    assertEquals(0, calls.get());
    JsonNode response = new ObjectMapper().readTree(out.toByteArray());
    assertEquals(400, response.get("statusCode").asInt());
    assertEquals("request_malformed", new ObjectMapper().readTree(response.get("body").asString()).get("error").asString());
    assertEquals("request_malformed", sink.eventsOf(DenyEvent.class).get(0).reason().code());
    assertFalse(out.toString(StandardCharsets.UTF_8).contains("eyJsecret"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aMapEventTheRuntimeCannotReadIsRefusedWith400AsAMap() {
    RecordingSink sink = new RecordingSink();
    Map<String, Object> event = RuntimeSerialization.fromJson(Map.class, Fixtures.bytes("apigw-rest-v1", "no-auth.json"));
    event.put("headers", "Bearer eyJsecret");
    AtomicInteger calls = new AtomicInteger();
    RequestHandler<Map<String, Object>, Object> guarded = GuardedRequestHandler.wrap((e, c) -> {
      calls.incrementAndGet();
      return Map.of();
    }, Guard.builder().eventSink(sink).build());

    Map<String, Object> response = (Map<String, Object>) guarded.handleRequest(event, new TestContext("r"));

    assertEquals(0, calls.get());
    assertEquals(400, ((Number) response.get("statusCode")).intValue());
    assertEquals("request_malformed", sink.eventsOf(DenyEvent.class).get(0).reason().code());
  }
}
