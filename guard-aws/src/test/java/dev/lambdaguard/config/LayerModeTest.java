package dev.lambdaguard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdaguard.Guard;
import dev.lambdaguard.RecordingSink;
import dev.lambdaguard.SecurityContext;
import dev.lambdaguard.aws.GuardedRequestHandler;
import dev.lambdaguard.aws.TestContext;
import dev.lambdaguard.aws.events.RuntimeSerialization;
import dev.lambdaguard.aws.layer.LayerHandlers;
import dev.lambdaguard.events.EventJson;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.events.SecurityEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.ObjectMapper;

/**
 * Every way in behaves alike, in one parametrized test: {@link ConfigModesTest}'s script, sent as real HTTP API
 * events, gives the same responses and the same events through the code builder's guard wrapped around the handler
 * as through a guard configured by annotations, by environment and guard.json, and through the drop-in layer's
 * handler (the policy in GUARD_* variables and guard.json, the handler loaded from GUARD_HANDLER).
 */
class LayerModeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The function's handler: knows nothing of the guard but what the security context says. */
  public static final class Orders implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
      SecurityContext security = SecurityContext.current().orElseThrow();
      APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
      response.setStatusCode(200);
      response.setBody("handler saw " + security.principal().map(p -> p.subject()).orElse("-") + " "
          + security.sanitizedFields());
      return response;
    }
  }

  /** ConfigModesTest's script as HTTP API (payload 2.0) events. */
  static List<byte[]> script() {
    return List.of(
        event("GET", "/orders/1", "GET /orders/{id}", null, null),
        event("GET", "/orders/1", "GET /orders/{id}", "not-a-token", null),
        event("GET", "/orders/1", "GET /orders/{id}", ConfigModesTest.READER, null),
        event("POST", "/orders", "POST /orders", ConfigModesTest.READER, "{\"item\":\"tea\",\"quantity\":1}"),
        event("DELETE", "/orders/1", "DELETE /orders/{id}", ConfigModesTest.WRITER, null),
        event("POST", "/orders", "POST /orders", ConfigModesTest.WRITER, "{\"item\":\"\"}"),
        event("POST", "/orders", "POST /orders", ConfigModesTest.WRITER,
            "{\"item\":\"tea\",\"quantity\":1,\"note\":\"see http://169.254.169.254/latest/meta-data/\"}"),
        event("POST", "/orders", "POST /orders", ConfigModesTest.WRITER,
            "{\"item\":\"tea' OR 1=1 --\",\"quantity\":1}"),
        event("POST", "/orders", "POST /orders", ConfigModesTest.WRITER, "{\"item\":\"tea\",\"quantity\":1}"),
        event("POST", "/orders", "POST /orders", ConfigModesTest.EDITOR,
            "{\"item\":\"tea\",\"quantity\":2,\"note\":\"<b>thanks</b><script>alert(1)</script>\"}"),
        event("GET", "/orders/..%2f..%2fadmin", "GET /orders/{id}", ConfigModesTest.READER, null));
  }

  static byte[] event(String method, String path, String route, String token, String body) {
    Map<String, Object> headers = new HashMap<>();
    headers.put("user-agent", "curl/8.0");
    if (token != null) {
      headers.put("authorization", "Bearer " + token);
    }
    if (body != null) {
      headers.put("content-type", "application/json");
    }
    Map<String, Object> http = Map.of("method", method, "path", path, "protocol", "HTTP/1.1",
        "sourceIp", "198.51.100.7", "userAgent", "curl/8.0");
    Map<String, Object> event = new HashMap<>();
    event.put("version", "2.0");
    event.put("routeKey", route);
    event.put("rawPath", path);
    event.put("rawQueryString", "");
    event.put("headers", headers);
    event.put("requestContext", Map.of("accountId", "123456789012", "apiId", "api", "http", http,
        "requestId", "r-1", "routeKey", route, "stage", "$default", "timeEpoch", 1587481701067L));
    if (body != null) {
      event.put("body", body);
    }
    event.put("isBase64Encoded", false);
    return JSON.writeValueAsBytes(event);
  }

  /**
   * One of {@link ConfigModesTest}'s ways to build the guard (code, annotations, environment and guard.json), wrapped
   * around the handler in code; event and response (de)serialized as the runtime does.
   */
  static List<String> wrapped(Function<RecordingSink, Guard> mode) throws Exception {
    RecordingSink sink = new RecordingSink();
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> guarded =
        GuardedRequestHandler.wrap(new Orders(), mode.apply(sink));
    return transcript(sink, event -> RuntimeSerialization.toJson(guarded.handleRequest(
        RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class, event), new TestContext("req-1"))));
  }

  static List<String> codeMode() throws Exception {
    return wrapped(ConfigModesTest::code);
  }

  /** Layer mode: the layer's handler, the policy as in ConfigModesTest.environment, in GUARD_* and guard.json. */
  static List<String> layerMode() throws Exception {
    RecordingSink sink = new RecordingSink();
    Map<String, String> env = new HashMap<>();
    env.put("AWS_LAMBDA_FUNCTION_NAME", ConfigModesTest.FUNCTION);
    env.put("GUARD_HANDLER", Orders.class.getName() + "::handleRequest");
    env.put("GUARD_JWT_ISSUER", ConfigModesTest.ISSUER);
    env.put("GUARD_JWT_AUDIENCE", ConfigRequests.AUDIENCE);
    env.put("GUARD_JWT_JWKS_RESOURCE", "keys/cfg-jwks.json");
    env.put("GUARD_JWT_DENY_UNLISTED", "true");
    env.put("GUARD_RATE_LIMIT", "20/1m");
    env.put("GUARD_INPUT_MONITOR", "ssrf");
    RequestStreamHandler layer = LayerHandlers.create(env, ConfigModesTest.PACKAGE, (handlerClass, method) ->
        GuardConfig.load(handlerClass, method, env, ConfigModesTest.PACKAGE).guardBuilder().eventSink(sink).build());
    return transcript(sink, event -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      layer.handleRequest(new ByteArrayInputStream(event), out, new TestContext("req-1"));
      return out.toByteArray();
    });
  }

  interface Invoke {
    byte[] apply(byte[] event) throws Exception;
  }

  private static List<String> transcript(RecordingSink sink, Invoke invoke) throws Exception {
    EventJson json = new EventJson(Redactor.shared());
    List<String> transcript = new ArrayList<>();
    for (byte[] event : script()) {
      sink.clear();
      transcript.add(stable(new String(invoke.apply(event), StandardCharsets.UTF_8)));
      for (SecurityEvent securityEvent : sink.events()) {
        transcript.add("  " + stable(json.format(securityEvent)));
      }
    }
    return transcript;
  }

  private static String stable(String text) {
    return ConfigModesTest.stable(text).replaceAll("\"Retry-After\":\"[0-9]+\"", "\"Retry-After\":\"s\"");
  }

  /** A way in, as the transcript it gives. */
  interface Mode {
    List<String> transcript() throws Exception;
  }

  /** Every way in but code, which each is compared to: annotations, environment and guard.json, the layer. */
  static Stream<Arguments> modes() {
    return Stream.of(
        Arguments.of("annotations", (Mode) () -> wrapped(ConfigModesTest::annotations)),
        Arguments.of("environment and guard.json", (Mode) () -> wrapped(ConfigModesTest::environment)),
        Arguments.of("layer", (Mode) LayerModeTest::layerMode));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modes")
  void everyWayInGivesTheResponsesAndEventsOfCodeMode(String name, Mode mode) throws Exception {
    List<String> code = codeMode();

    List<String> other = mode.transcript();

    assertEquals(String.join("\n", code), String.join("\n", other), name);
    String transcript = String.join("\n", other);
    for (String expected : List.of("token_missing", "insufficient_scope", "route_not_allowed", "schema_invalid",
        "injection_detected", "rate_limited", "handler saw rita", "handler saw ella")) {
      assertTrue(transcript.contains(expected), name + ": " + expected + " missing in\n" + transcript);
    }
  }
}
