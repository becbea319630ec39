package dev.lambdaguard.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cleans the rich-text fields of a JSON body: a copy of the tree in which each string at a declared field is
 * replaced by its sanitized form, and the locations that changed. The parsed body itself is never modified.
 */
final class RichText {

  /** One declared field and the policy that cleans it. */
  record Field(FieldPattern pattern, HtmlPolicy policy) {}

  /** The sanitized copy and what changed in it (location to sanitized value). */
  record Result(JsonNode body, Map<String, String> changed) {}

  private RichText() {}

  static Result apply(JsonNode body, List<Field> fields) {
    JsonNode copy = body.deepCopy();
    Map<String, String> changed = new java.util.LinkedHashMap<>();
    walk(copy, "body", fields, changed);
    return new Result(changed.isEmpty() ? body : copy, changed);
  }

  private static void walk(JsonNode node, String pointer, List<Field> fields, Map<String, String> changed) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>(object.propertyNames());
      for (String name : names) {
        String location = pointer + "/" + InputLocations.jsonSegment(name);
        JsonNode child = object.get(name);
        String cleaned = child.isString() ? clean(child.asString(), location, fields) : null;
        if (cleaned != null) {
          object.put(name, cleaned);
          changed.put(location, cleaned);
        } else {
          walk(child, location, fields, changed);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        String location = pointer + "/" + i;
        JsonNode child = array.get(i);
        String cleaned = child.isString() ? clean(child.asString(), location, fields) : null;
        if (cleaned != null) {
          array.set(i, array.stringNode(cleaned));
          changed.put(location, cleaned);
        } else {
          walk(child, location, fields, changed);
        }
      }
    }
  }

  /** The sanitized value when {@code location} is a rich-text field and cleaning changed it, else null. */
  static String clean(String value, String location, List<Field> fields) {
    for (Field field : fields) {
      if (field.pattern().matches(location)) {
        String sanitized = field.policy().sanitize(value);
        return sanitized.equals(value) ? null : sanitized;
      }
    }
    return null;
  }
}
