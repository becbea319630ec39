package dev.lambdaguard.aws.events;

import dev.lambdaguard.Denial;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.Outcome.Header;
import dev.lambdaguard.events.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parts of a denial response that are the same for every HTTP event type. */
final class Responses {

  private Responses() {}

  /**
   * The JSON error body: the reason code, the safe message, and the Lambda request id for support. Never
   * a request value, never a stack trace.
   */
  static String body(Denial denial, Invocation ids) {
    StringBuilder sb = new StringBuilder(128).append("{\"error\":");
    JsonText.appendQuoted(sb, denial.reason().code()).append(",\"message\":");
    JsonText.appendQuoted(sb, denial.message());
    if (ids.requestId() != null) {
      sb.append(",\"request_id\":");
      JsonText.appendQuoted(sb, ids.requestId());
    }
    return sb.append('}').toString();
  }

  /** The headers of a denial: JSON content, never cached, plus the denial's own (WWW-Authenticate, Retry-After...). */
  static Map<String, String> headers(Denial denial) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Cache-Control", "no-store");
    headers.putAll(denial.headers());
    return headers;
  }

  /** The same headers in multi-value form. */
  static Map<String, List<String>> multiValueHeaders(Denial denial) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    headers(denial).forEach((name, value) -> multi.put(name, List.of(value)));
    return multi;
  }

  /** A copy of a response's single-valued headers with {@code added} set (an added header replaces one of the same name). */
  static Map<String, String> merged(Map<String, String> existing, List<Header> added) {
    Map<String, String> merged = existing == null ? new LinkedHashMap<>() : new LinkedHashMap<>(existing);
    for (Header header : added) {
      merged.put(header.name(), header.value());
    }
    return merged;
  }

  /** A copy of a response's multi-valued headers with {@code added} set. */
  static Map<String, List<String>> mergedMulti(Map<String, List<String>> existing, List<Header> added) {
    Map<String, List<String>> merged = existing == null ? new LinkedHashMap<>() : new LinkedHashMap<>(existing);
    for (Header header : added) {
      merged.put(header.name(), new ArrayList<>(List.of(header.value())));
    }
    return merged;
  }
}
