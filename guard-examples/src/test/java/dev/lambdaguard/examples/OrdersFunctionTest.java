package dev.lambdaguard.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdaguard.aws.events.RuntimeSerialization;
import dev.lambdaguard.examples.demo.Demo;
import dev.lambdaguard.examples.demo.DemoContext;
import dev.lambdaguard.examples.orders.OrdersFunction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/** The orders example answers the demo's requests as the demo promises. */
class OrdersFunctionTest {

  private static APIGatewayV2HTTPResponse invoke(String resource) throws IOException {
    try (InputStream json = OrdersFunctionTest.class.getResourceAsStream("/demo/" + resource)) {
      return new OrdersFunction().handleRequest(
          RuntimeSerialization.fromJson(APIGatewayV2HTTPEvent.class, json), new DemoContext("test-" + resource));
    }
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
      "01-get-order.json, 200, ",
      "02-create-order.json, 201, ",
      "03-single-quotes.json, 400, json_malformed",
      "04-duplicate-key.json, 400, json_duplicate_key",
      "05-deep-nesting.json, 400, json_limit_exceeded",
      "06-bad-base64.json, 400, request_malformed",
  })
  void eachDemoRequestGetsItsStatusAndReason(String resource, int status, String reason) throws IOException {
    APIGatewayV2HTTPResponse response = invoke(resource);
    assertEquals(status, response.getStatusCode());
    if (reason != null) {
      assertEquals(reason, new ObjectMapper().readTree(response.getBody()).get("error").asString());
    }
  }

  @Test
  void theHandlerReadsTheBodyTheGuardParsed() throws IOException {
    APIGatewayV2HTTPResponse response = invoke("02-create-order.json");
    assertEquals("espresso beans", new ObjectMapper().readTree(response.getBody()).get("item").asString());
  }

  @Test
  void theDemoPrintsEveryStepWithItsEvents() throws IOException {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      Demo.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    for (String expected : new String[] {"-> HTTP 200", "-> HTTP 201", "\"reason\":\"json_malformed\"",
        "\"reason\":\"json_duplicate_key\"", "\"reason\":\"json_limit_exceeded\"", "\"reason\":\"request_malformed\"",
        "\"event_type\":\"pass_through\"", "\"event_source\":\"sqs\""}) {
      assertTrue(out.contains(expected), "demo output lacks " + expected);
    }
    assertTrue(!out.contains("demo-not-a-real-token"), "the demo's Authorization header leaked");
  }
}
