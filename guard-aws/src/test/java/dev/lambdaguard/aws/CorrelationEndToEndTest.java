package dev.lambdaguard.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdaguard.Guard;
import dev.lambdaguard.aws.events.RuntimeSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Through the real handler and a real HTTP API event, every request event carries the invocation's correlation
 * fields from the Lambda context and the environment.
 */
class CorrelationEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eachEventCarriesTheLambdaContextsIdsAndTheColdStartOnlyOnce() {
    RecordingSink sink = new RecordingSink();
    Guard guard = Guard.builder().eventSink(sink).credentialCheck(false)
        .environment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "test", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512",
            "POWERTOOLS_SERVICE_NAME", "orders"))
        .build();
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
        GuardedRequestHandler.wrap((event, context) -> new APIGatewayV2HTTPResponse(), guard);
    byte[] fixture = Fixtures.bytes("apigw-http-v2", "no-authorizer.json");
    for (String id : List.of("req-a", "req-b")) {
      handler.handleRequest(RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class, fixture),
          new TestContext(id, "Root=1-5e9f0c65-" + id));
    }

    List<JsonNode> allows = sink.lines().stream().map(JSON::readTree)
        .filter(n -> n.get("event_type").asString().equals("allow")).toList();
    assertEquals(2, allows.size());
    JsonNode first = allows.get(0);
    assertEquals("req-a", first.get("function_request_id").asString());
    assertEquals("Root=1-5e9f0c65-req-a", first.get("xray_trace_id").asString());
    assertEquals(new TestContext("x").getInvokedFunctionArn(), first.get("function_arn").asString());
    assertEquals("test", first.get("function_name").asString());
    assertEquals(512, first.get("function_memory_size").asInt());
    assertEquals("orders", first.get("service").asString());
    assertTrue(first.get("cold_start").asBoolean());
    assertFalse(allows.get(1).get("cold_start").asBoolean());
    assertEquals("req-b", allows.get(1).get("function_request_id").asString());
    assertTrue(first.has("route") && first.has("caller_fingerprint"), first.toString());
    assertEquals(first.get("caller_fingerprint"), allows.get(1).get("caller_fingerprint"), "same caller, same key");
  }
}
