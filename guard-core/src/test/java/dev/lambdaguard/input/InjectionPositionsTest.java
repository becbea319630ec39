package dev.lambdaguard.input;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Body;
import dev.lambdaguard.Denial;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.MultiValueMap;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.events.EventSink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The same value gets the same verdict wherever a request carries it: a query parameter, a header, a JSON string
 * value, a JSON key, a value deep in nested arrays and objects, a multipart field, a multipart file name. Every row of the development corpus, attack and
 * benign, is placed in each position and sent through a guard; the verdict must be the scanner's own.
 */
class InjectionPositionsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  final InjectionScanner scanner = InjectionScanner.allCategories();
  final Guard guard = Guard.builder().environment(Map.of()).eventSink(EventSink.noop())
      .inputInspection(InputPolicy.builder().scanHeaders("x-comment").build()).build();

  record Position(String name, Function<String, GuardRequest> place, Function<String, Boolean> fits) {}

  static final List<Position> POSITIONS = List.of(
      new Position("query value", v -> get(MultiValueMap.queryBuilder().add("q", v).build(), MultiValueMap.emptyHeaders()),
          v -> true),
      // HTTP forbids CR, LF and NUL in header values: a gateway never delivers them there.
      new Position("header", v -> get(MultiValueMap.emptyQuery(), MultiValueMap.headersBuilder().add("x-comment", v).build()),
          v -> v.indexOf('\r') < 0 && v.indexOf('\n') < 0 && v.indexOf('\0') < 0),
      new Position("json value", v -> post(JSON.createObjectNode().put("comment", v)), v -> true),
      // Object keys are bounded in length by the strict parser (256 characters): longer ones are refused there.
      new Position("json key", v -> post(JSON.createObjectNode().put(v, 1)), v -> v.length() <= 256),
      new Position("nested array", v -> {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("a").addArray().addObject().putArray("b").add(v);
        return post(root);
      }, v -> true),
      new Position("multipart field", v -> multipart("Content-Disposition: form-data; name=\"comment\"", v), v -> true),
      // A file name is a quoted header parameter: a browser never sends CR, LF or NUL in it and escapes quotes.
      new Position("multipart file name", v -> multipart("Content-Disposition: form-data; name=\"upload\"; filename=\""
          + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\r\nContent-Type: image/png", "\u0089PNG"),
          v -> v.indexOf('\r') < 0 && v.indexOf('\n') < 0 && v.indexOf('\0') < 0 && !v.isBlank()));

  static final String BOUNDARY = "----LambdaGuardTest7MA4YWxkTrZu0gW";

  /** A multipart/form-data body of one part, as a browser writes it. */
  static GuardRequest multipart(String partHeaders, String content) {
    String body = "--" + BOUNDARY + "\r\n" + partHeaders + "\r\n\r\n" + content + "\r\n--" + BOUNDARY + "--\r\n";
    return GuardRequest.builder("apigw-http-v2").method("POST").path("/comments")
        .headers(MultiValueMap.headersBuilder().add("content-type", "multipart/form-data; boundary=" + BOUNDARY).build())
        .body(Body.ofBytes(body.getBytes(StandardCharsets.UTF_8))).build();
  }

  static GuardRequest get(MultiValueMap query, MultiValueMap headers) {
    return GuardRequest.builder("apigw-http-v2").method("GET").path("/search").query(query).headers(headers).build();
  }

  static GuardRequest post(ObjectNode body) {
    return GuardRequest.builder("apigw-http-v2").method("POST").path("/comments")
        .headers(MultiValueMap.headersBuilder().add("content-type", "application/json").build())
        .body(Body.ofBytes(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8))).build();
  }

  @Test
  void everyCorpusValueGetsTheScannersVerdictInEveryPosition() {
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    for (Corpus.Row row : Corpus.rows()) {
      boolean expected = !scanner.scan(row.value()).isEmpty();
      for (Position position : POSITIONS) {
        if (!position.fits().apply(row.value())) {
          continue;
        }
        Outcome outcome = guard.handle(position.place().apply(row.value()), Invocation.NONE, context -> "ok");
        boolean blocked = outcome instanceof Denial d && d.reason().code().equals("injection_detected");
        checked++;
        if (blocked != expected && mismatches.size() < 20) {
          mismatches.add(position.name() + ": expected " + (expected ? "blocked" : "allowed") + " for "
              + InjectionCorpusTest.printable(row.value()) + " got " + outcome);
        }
      }
    }
    assertTrue(checked > 30_000, "every row in every position: " + checked);
    assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
  }
}
