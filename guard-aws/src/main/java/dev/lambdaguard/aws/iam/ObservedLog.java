package dev.lambdaguard.aws.iam;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code permissions_observed} events of a log, merged: every (action, resource) any of them names. Reads the
 * lines as CloudWatch Logs exports them: a bare JSON event, a line with a timestamp, stream name or other prefix
 * before the JSON (the Lambda console, {@code aws logs tail}, {@code filter-log-events --output text}), or a JSON
 * object whose {@code message} holds the event as a string. Every other line is skipped and counted. Events are
 * cumulative per execution environment, so a pair's calls are the largest count one event reported, not a sum.
 * Bounded: a line longer than {@value #MAX_LINE} characters is skipped, and past {@value #MAX_PAIRS} pairs the
 * reading fails rather than grow without end.
 */
final class ObservedLog {

  static final int MAX_LINE = 1 << 20;
  static final int MAX_PAIRS = 100_000;

  /** One observed pair, merged over events. */
  record Use(String action, String resource, long calls, long denied) {}

  /** Reads the first JSON value of a line: text after it (a tab and a timestamp in text exports) is not ours. */
  private static final JsonMapper JSON = JsonMapper.builder()
      .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /** "action resource" -> use, sorted. */
  final Map<String, Use> uses = new TreeMap<>();
  int events;
  int skippedLines;
  long droppedCalls;

  /**
   * Reads every line of {@code reader}. A line is held only up to {@value #MAX_LINE} characters: the rest of a longer
   * one is read past, not kept (BufferedReader.readLine would hold a line of any length).
   */
  void read(BufferedReader reader) throws IOException {
    StringBuilder line = new StringBuilder();
    boolean tooLong = false;
    for (int c = reader.read(); ; c = reader.read()) {
      if (c == '\n' || c < 0) {
        int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
        if (tooLong || !accept(line.substring(0, end))) {
          if (c >= 0 || line.length() > 0 || tooLong) {
            skippedLines++;
          }
        }
        if (c < 0) {
          return;
        }
        line.setLength(0);
        tooLong = false;
      } else if (line.length() < MAX_LINE) {
        line.append((char) c);
      } else {
        tooLong = true;
      }
    }
  }

  /** Takes one line; false when it holds no permissions_observed event. */
  boolean accept(String line) {
    int brace = line.indexOf('{');
    if (brace < 0 || line.length() > MAX_LINE || !line.contains("permissions_observed")) {
      return false;
    }
    JsonNode node;
    try {
      node = JSON.readTree(line.substring(brace));
    } catch (JacksonException e) {
      return false;
    }
    JsonNode message = node.get("message");
    if (message != null && message.isString() && !node.has("event_type")) {
      String inner = message.stringValue();
      int innerBrace = inner.indexOf('{');
      if (innerBrace < 0) {
        return false;
      }
      try {
        node = JSON.readTree(inner.substring(innerBrace));
      } catch (JacksonException e) {
        return false;
      }
    }
    JsonNode type = node.get("event_type");
    JsonNode permissions = node.get("permissions");
    if (type == null || !"permissions_observed".equals(type.asString("")) || permissions == null
        || !permissions.isArray()) {
      return false;
    }
    for (JsonNode p : permissions) {
      String action = text(p, "action");
      String resource = text(p, "resource");
      if (action == null || resource == null) {
        continue;
      }
      String key = action + " " + resource;
      Use before = uses.get(key);
      if (before == null && uses.size() >= MAX_PAIRS) {
        throw new IllegalArgumentException("more than " + MAX_PAIRS + " distinct permissions");
      }
      long calls = p.path("calls").asLong(0);
      long denied = p.path("denied").asLong(0);
      uses.put(key, before == null ? new Use(action, resource, calls, denied)
          : new Use(action, resource, Math.max(calls, before.calls()), Math.max(denied, before.denied())));
    }
    droppedCalls += node.path("dropped_calls").asLong(0);
    events++;
    return true;
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value != null && value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
  }

  /** Fills an unknown account ({@code *}) in each ARN with {@code account}: the function's own. */
  void assumeAccount(String account) {
    Map<String, Use> filled = new TreeMap<>();
    for (Use use : uses.values()) {
      String resource = withAccount(use.resource(), account);
      String key = use.action() + " " + resource;
      Use before = filled.get(key);
      filled.put(key, before == null ? new Use(use.action(), resource, use.calls(), use.denied())
          : new Use(use.action(), resource, Math.max(use.calls(), before.calls()),
              Math.max(use.denied(), before.denied())));
    }
    uses.clear();
    uses.putAll(filled);
  }

  static String withAccount(String arn, String account) {
    String[] parts = arn.split(":", 6);
    if (parts.length == 6 && parts[0].equals("arn") && parts[4].equals("*")) {
      parts[4] = account;
      return String.join(":", parts);
    }
    return arn;
  }
}
