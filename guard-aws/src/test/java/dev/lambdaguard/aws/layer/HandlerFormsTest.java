package dev.lambdaguard.aws.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdaguard.Denial;
import dev.lambdaguard.Guard;
import dev.lambdaguard.Interceptor;
import dev.lambdaguard.Reason;
import dev.lambdaguard.aws.RecordingSink;
import dev.lambdaguard.aws.TestContext;
import dev.lambdaguard.events.SecurityEvent.AllowEvent;
import dev.lambdaguard.events.SecurityEvent.DenyEvent;
import dev.lambdaguard.events.SecurityEvent.PassThroughEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The layer's handler runs every handler form the Lambda Java runtime accepts: an allowed request gives the same
 * bytes as the handler without the guard, a denied one never reaches the handler and is answered in the event's
 * own response shape, and the handler's exceptions leave unchanged.
 */
class HandlerFormsTest {

  private static final String PREFIX = "dev.lambdaguard.aws.layer.Handlers$";
  private static final Reason NOT_ALLOWED = Reason.of("header_missing", Reason.Kind.AUTHENTICATION);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Lets through requests that carry {@code x-allow}; answers 401 to the others. */
  private static final Interceptor REQUIRE_HEADER = chain -> chain.request().headers().contains("x-allow")
      ? chain.proceed()
      : Denial.unauthorized(NOT_ALLOWED, "Not allowed.");

  private final RecordingSink sink = new RecordingSink();
  private final Guard guard = Guard.builder().addInterceptor(REQUIRE_HEADER).eventSink(sink).build();

  static byte[] httpApiEvent(String path, boolean allowed, String body) {
    String json = """
        {"version":"2.0","routeKey":"POST /orders","rawPath":"%s","rawQueryString":"",
         "headers":{"user-agent":"curl/8.0","content-type":"application/json"%s},
         "requestContext":{"accountId":"123456789012","apiId":"api","domainName":"api.example.com",
           "http":{"method":"POST","path":"%s","protocol":"HTTP/1.1","sourceIp":"198.51.100.7","userAgent":"curl/8.0"},
           "requestId":"r-1","routeKey":"POST /orders","stage":"$default","timeEpoch":1587481701067},
         "body":%s,"isBase64Encoded":false}
        """.formatted(path, allowed ? ",\"x-allow\":\"yes\"" : "", path, JSON.writeValueAsString(body));
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private RequestStreamHandler layer(String handler) {
    return new LambdaGuardHandler(Map.of(LambdaGuardHandler.HANDLER, handler), getClass().getClassLoader(),
        (handlerClass, method, instance) -> guard);
  }

  private static RequestStreamHandler unguarded(String handler) {
    return OriginalHandler.load(handler, HandlerFormsTest.class.getClassLoader()).unguarded();
  }

  private static byte[] run(RequestStreamHandler handler, byte[] event) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), out, new TestContext("req-1"));
    return out.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(strings = {"HttpApi", "MapHandler", "Echo", "Methods::typed", "Methods::typedNoContext",
      "Methods::streams", "Methods::order", "Methods::contextOnly", "Methods::nothing", "Methods::inputOnly"})
  void anAllowedRequestGivesWhatTheHandlerGivesWithoutTheGuard(String form) throws Exception {
    byte[] event = httpApiEvent("/orders", true, "{\"item\":\"tea\",\"quantity\":2}");
    byte[] expected = run(unguarded(PREFIX + form), event);
    int calls = Handlers.CALLS.get();

    byte[] actual = run(layer(PREFIX + form), event);

    assertArrayEquals(expected, actual, new String(actual, StandardCharsets.UTF_8));
    assertEquals(calls + 1, Handlers.CALLS.get());
    assertInstanceOf(AllowEvent.class, sink.events().get(sink.events().size() - 1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"HttpApi", "MapHandler", "Echo", "Methods::typed", "Methods::typedNoContext",
      "Methods::streams", "Methods::order", "Methods::contextOnly", "Methods::nothing", "Methods::inputOnly",
      "Methods::typedVoid"})
  void aDeniedRequestNeverReachesTheHandlerAndIsAnsweredAsAnHttpApiResponse(String form) throws Exception {
    int calls = Handlers.CALLS.get();

    JsonNode response = JSON.readTree(run(layer(PREFIX + form), httpApiEvent("/orders", false, "{}")));

    assertEquals(calls, Handlers.CALLS.get());
    assertEquals(401, response.get("statusCode").asInt());
    assertEquals("header_missing", JSON.readTree(response.get("body").asString()).get("error").asString());
    assertInstanceOf(DenyEvent.class, sink.events().get(sink.events().size() - 1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"HttpApi", "Echo", "Methods::typed", "Methods::typedNoContext", "Methods::streams"})
  void theHandlersExceptionLeavesUnchanged(String form) throws Exception {
    byte[] event = httpApiEvent("/orders/boom", true, "{}");
    Exception without = assertThrows(Exception.class, () -> run(unguarded(PREFIX + form), event));

    Exception with = assertThrows(Exception.class, () -> run(layer(PREFIX + form), event));

    assertSame(without.getClass(), with.getClass());
    assertEquals(without.getMessage(), with.getMessage());
  }

  @Test
  void aCheckedExceptionOfAMethodHandlerIsNotWrapped() {
    Handlers.Boom boom = assertThrows(Handlers.Boom.class,
        () -> run(layer(PREFIX + "Methods::typed"), httpApiEvent("/orders/boom", true, "{}")));
    assertEquals("the handler failed", boom.getMessage());
  }

  @Test
  void aPlainObjectIsReadWithTheRuntimesJacksonAndAnEventThatIsNoHttpRequestPassesThrough() throws Exception {
    byte[] order = "{\"item\":\"tea\",\"quantity\":2}".getBytes(StandardCharsets.UTF_8);

    JsonNode result = JSON.readTree(run(layer(PREFIX + "Methods::order"), order));

    assertEquals("tea", result.get("item").asString());
    assertEquals(2, result.get("quantity").asInt());
    assertInstanceOf(PassThroughEvent.class, sink.events().get(sink.events().size() - 1));
  }

  @Test
  void theLongestOverloadIsChosenAsTheRuntimeChoosesIt() throws Exception {
    byte[] out = run(layer(PREFIX + "Methods::overloaded"), "\"hello\"".getBytes(StandardCharsets.UTF_8));
    assertEquals("\"two hello\"", new String(out, StandardCharsets.UTF_8));
  }

  @Test
  void aCustomSerializerTheFunctionRegistersIsUsedAsTheRuntimeUsesIt(@TempDir Path classes) throws Exception {
    Path services = Files.createDirectories(classes.resolve("META-INF/services"));
    Files.writeString(services.resolve("com.amazonaws.services.lambda.runtime.CustomPojoSerializer"),
        PREFIX + "ShoutingSerializer\n");
    try (URLClassLoader function =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      RequestStreamHandler layer = new LambdaGuardHandler(
          Map.of(LambdaGuardHandler.HANDLER, PREFIX + "Methods::overloaded"), function,
          (handlerClass, method, instance) -> guard);

      byte[] out = run(layer, "\"hello\"".getBytes(StandardCharsets.UTF_8));

      assertEquals("[two HELLO]", new String(out, StandardCharsets.UTF_8));
    }
  }

  @Test
  void anHttpEventTheTypedHandlerCannotReadIsRefusedWithoutEchoingIt() throws Exception {
    byte[] event = new String(httpApiEvent("/orders", true, "{}"), StandardCharsets.UTF_8)
        .replace("\"timeEpoch\":1587481701067", "\"timeEpoch\":\"Bearer secret-token\"")
        .getBytes(StandardCharsets.UTF_8);
    int calls = Handlers.CALLS.get();

    String response = new String(run(layer(PREFIX + "HttpApi"), event), StandardCharsets.UTF_8);

    assertEquals(calls, Handlers.CALLS.get());
    assertEquals(400, JSON.readTree(response).get("statusCode").asInt());
    assertTrue(response.contains("request_malformed"), response);
    assertTrue(!response.contains("secret-token"), response);
  }

  @Test
  void aHandlerThatCannotBeUsedFailsInitWithAMessageThatSaysWhy() {
    assertMessage("GUARD_HANDLER is not set", Map.of());
    assertMessage("names the layer's own handler",
        Map.of(LambdaGuardHandler.HANDLER, LambdaGuardHandler.class.getName()));
    assertMessage("Class not found: com.example.Missing", Map.of(LambdaGuardHandler.HANDLER, "com.example.Missing"));
    assertMessage("does not implement RequestHandler with concrete type parameters",
        Map.of(LambdaGuardHandler.HANDLER, PREFIX + "Raw"));
    assertMessage("No public method named missing",
        Map.of(LambdaGuardHandler.HANDLER, PREFIX + "Methods::missing"));
    assertMessage("does not implement an appropriate handler interface",
        Map.of(LambdaGuardHandler.HANDLER, PREFIX + "Order"));
  }

  private void assertMessage(String expected, Map<String, String> environment) {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new LambdaGuardHandler(environment, getClass().getClassLoader(), (handlerClass, method, instance) -> guard));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void whatTheHandlersConstructorThrowsFailsInitUnchanged() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> layer(PREFIX + "FailsAtInit"));
    assertEquals("cannot start", e.getMessage());
  }
}
