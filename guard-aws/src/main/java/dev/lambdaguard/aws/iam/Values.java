package dev.lambdaguard.aws.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads template values that may be intrinsic functions. A literal string is itself; a list is each of its
 * elements; {@code Fn::If} is both of its branches (either may be deployed); {@code Ref AWS::NoValue} is nothing;
 * the template text of {@code Fn::Sub} is read as written (a variable never turns into a wildcard the text does
 * not hold). Any other intrinsic is a value the linter cannot know, and is left out.
 */
final class Values {

  /** JSON paths: {@code $.a.b[0]["Fn::If"]}. */
  static String key(String path, String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
        return path + "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
      }
    }
    return path + "." + name;
  }

  static String index(String path, int i) {
    return path + "[" + i + "]";
  }

  private Values() {}

  /** The literal strings {@code node} may take. */
  static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    collect(node, out, 0);
    return out;
  }

  private static void collect(JsonNode node, List<String> out, int depth) {
    if (node == null || node.isNull() || depth > 32) {
      return;
    }
    if (node.isString()) {
      out.add(node.stringValue());
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        collect(element, out, depth + 1);
      }
    } else if (node.isObject() && node.size() == 1) {
      Map.Entry<String, JsonNode> only = node.properties().iterator().next();
      JsonNode args = only.getValue();
      switch (only.getKey()) {
        case "Fn::If" -> {
          if (args.isArray() && args.size() == 3) {
            collect(args.get(1), out, depth + 1);
            collect(args.get(2), out, depth + 1);
          }
        }
        case "Fn::Sub" -> {
          JsonNode template = args.isArray() && !args.isEmpty() ? args.get(0) : args;
          if (template.isString()) {
            out.add(template.stringValue());
          }
        }
        default -> {
          // Ref, Fn::GetAtt, Fn::ImportValue, ...: a value only known at deploy time.
        }
      }
    }
  }

  /** One element of a list that may hold {@code Fn::If}s: the element as deployed, with its path. */
  record Item(JsonNode node, String path) {}

  /**
   * The items of {@code node}: a list's elements, or the node itself; an {@code Fn::If} element stands for both
   * of its branches, and {@code Ref AWS::NoValue} for nothing.
   */
  static List<Item> items(JsonNode node, String path) {
    List<Item> out = new ArrayList<>();
    if (node == null || node.isNull() || node.isMissingNode()) {
      return out;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        expand(node.get(i), index(path, i), out, 0);
      }
    } else {
      expand(node, path, out, 0);
    }
    return out;
  }

  private static void expand(JsonNode node, String path, List<Item> out, int depth) {
    if (depth > 32 || isNoValue(node)) {
      return;
    }
    JsonNode args = node.isObject() && node.size() == 1 ? node.get("Fn::If") : null;
    if (args != null && args.isArray() && args.size() == 3) {
      String ifPath = key(path, "Fn::If");
      expand(args.get(1), index(ifPath, 1), out, depth + 1);
      expand(args.get(2), index(ifPath, 2), out, depth + 1);
    } else {
      out.add(new Item(node, path));
    }
  }

  static boolean isNoValue(JsonNode node) {
    JsonNode ref = node.isObject() && node.size() == 1 ? node.get("Ref") : null;
    return ref != null && ref.isString() && ref.stringValue().equals("AWS::NoValue");
  }

  /** A property of an object, or null. */
  static JsonNode get(JsonNode node, String name) {
    return node != null && node.isObject() ? node.get(name) : null;
  }
}
