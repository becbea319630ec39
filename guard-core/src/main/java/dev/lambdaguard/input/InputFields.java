package dev.lambdaguard.input;

import dev.lambdaguard.Body;
import dev.lambdaguard.Cookie;
import dev.lambdaguard.GuardRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Every string a request carries that an injection could hide in, with where it was found: path parameters,
 * query parameter names and values, the selected headers, cookie names and values, form field names and values,
 * every JSON string value and object key at any depth, multipart fields and file names ({@link MultipartForm}), and
 * any other textual body as a whole (XML among them). Binary bodies are not walked.
 */
final class InputFields {

  /** Receives each value; returning false stops the walk (a blocking finding makes the rest moot). */
  interface Visitor {
    boolean visit(String location, String value);

    /**
     * The request holds more fields than are read one by one ({@link MultipartForm#MAX_PARTS}); returns whether
     * to go on. By default the walk stops; the inspector refuses the request as too large to inspect.
     */
    default boolean tooManyFields() {
      return false;
    }

    /**
     * A part of the body is in a character set the scanner cannot read as text (UTF-16, EBCDIC); returns whether to
     * go on. By default the walk stops; the inspector refuses the request with 415.
     */
    default boolean unreadable() {
      return false;
    }
  }

  private InputFields() {}

  static void walk(GuardRequest request, JsonNode json, List<String> headers, Visitor visitor) {
    if (!pathParameters(request, visitor) || !query(request, visitor) || !headers(request, headers, visitor)
        || !cookies(request, visitor)) {
      return;
    }
    body(request, json, visitor);
  }

  private static boolean pathParameters(GuardRequest request, Visitor visitor) {
    for (Map.Entry<String, String> p : request.pathParameters().entrySet()) {
      if (p.getValue() != null && !visitor.visit(InputLocations.pathParameter(p.getKey()), p.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean query(GuardRequest request, Visitor visitor) {
    for (String name : request.query().names()) {
      String location = InputLocations.query(name);
      if (!visitor.visit(location + InputLocations.KEY_SUFFIX, name)) {
        return false;
      }
      for (String value : request.query().all(name)) {
        if (!visitor.visit(location, value)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean headers(GuardRequest request, List<String> names, Visitor visitor) {
    for (String name : names) {
      for (String value : request.headers().all(name)) {
        if (!visitor.visit(InputLocations.header(name), value)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean cookies(GuardRequest request, Visitor visitor) {
    for (Cookie cookie : request.cookies()) {
      String location = InputLocations.cookie(cookie.name());
      if (!visitor.visit(location + InputLocations.KEY_SUFFIX, cookie.name())
          || !visitor.visit(location, cookie.value())) {
        return false;
      }
    }
    return true;
  }

  private static boolean body(GuardRequest request, JsonNode json, Visitor visitor) {
    if (json != null) {
      return json(json, "body", visitor);
    }
    Body body = request.body();
    if (body.isEmpty() || body.isMalformed()) {
      return true;
    }
    String type = request.contentType() == null ? "" : request.contentType().toLowerCase(Locale.ROOT);
    if (type.startsWith("application/x-www-form-urlencoded")) {
      return form(body.text(), visitor);
    }
    if (type.startsWith("multipart/")) {
      return MultipartForm.walk(request.contentType(), body.text(), visitor);
    }
    if (type.isEmpty() || type.startsWith("text/") || type.contains("xml") || type.contains("json")) {
      return visitor.visit("body", body.text());
    }
    return true;
  }

  private static boolean form(String text, Visitor visitor) {
    int start = 0;
    while (start <= text.length()) {
      int amp = text.indexOf('&', start);
      int end = amp < 0 ? text.length() : amp;
      int eq = start;
      while (eq < end && text.charAt(eq) != '=') {
        eq++; // within this field only: searching the whole rest of the body for each field would be quadratic
      }
      String name = text.substring(start, eq);
      String value = eq < end ? text.substring(eq + 1, end) : "";
      String location = InputLocations.form(name);
      if (!name.isEmpty() && !visitor.visit(location + InputLocations.KEY_SUFFIX, name)) {
        return false;
      }
      if (!value.isEmpty() && !visitor.visit(location, value)) {
        return false;
      }
      if (amp < 0) {
        break;
      }
      start = amp + 1;
    }
    return true;
  }

  private static boolean json(JsonNode node, String pointer, Visitor visitor) {
    if (node.isString()) {
      return visitor.visit(pointer, node.asString());
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        if (!visitor.visit(InputLocations.jsonKey(pointer), member.getKey())
            || !json(member.getValue(), pointer + "/" + InputLocations.jsonSegment(member.getKey()), visitor)) {
          return false;
        }
      }
    } else if (node.isArray()) {
      int i = 0;
      for (JsonNode element : node) {
        if (!json(element, pointer + "/" + i++, visitor)) {
          return false;
        }
      }
    }
    return true;
  }
}
