package dev.lambdaguard.aws.iam;

import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads a policy document or a SAM/CloudFormation template, JSON or YAML, into one Jackson tree. YAML's
 * short-form intrinsic functions become their long form, as CloudFormation reads them: {@code !Ref X} is
 * {@code {"Ref": "X"}}, {@code !GetAtt F.Arn} is {@code {"Fn::GetAtt": ["F", "Arn"]}}, {@code !Sub s} is
 * {@code {"Fn::Sub": "s"}}; a tag CloudFormation does not know is ignored and its value kept. Never fails on a
 * tag; fails with {@link IllegalArgumentException} (a message naming the line, never the text) on what is not
 * JSON or YAML, on YAML aliases (CloudFormation refuses them), and past {@value #MAX_DEPTH} levels of nesting.
 */
public final class TemplateReader {

  static final int MAX_DEPTH = 200;

  /** CloudFormation's short forms; all but Ref and Condition are Fn::<name>. */
  private static final Set<String> INTRINSICS = Set.of("Ref", "Condition", "GetAtt", "Base64", "Cidr", "FindInMap",
      "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or",
      "ToJsonString", "Length", "ForEach");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final YAMLFactory YAML = YAMLFactory.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TemplateReader() {}

  /**
   * The tree of {@code text}, read as JSON when it starts with '{' or '[', as YAML otherwise; short-form
   * intrinsics ({@code !Ref}, {@code !Sub}…) become their long form. Public for the tests that read the example
   * templates: one YAML reader for the whole project.
   */
  public static JsonNode read(String text) {
    String trimmed = text.stripLeading();
    try {
      if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
        return JSON.readTree(text);
      }
      try (JsonParser parser = YAML.createParser(ObjectReadContext.empty(), text)) {
        JsonToken first = parser.nextToken();
        if (first == null) {
          throw new IllegalArgumentException("the file is empty");
        }
        return value((YAMLParser) parser, first, 0);
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException(e.getLocation() == null ? "not valid JSON or YAML"
          : "not valid JSON or YAML at line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr());
    }
  }

  private static JsonNode value(YAMLParser p, JsonToken token, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH + " levels at line "
          + p.currentLocation().getLineNr());
    }
    if (p.isCurrentAlias()) {
      throw new IllegalArgumentException("YAML alias at line " + p.currentLocation().getLineNr()
          + ": CloudFormation does not accept anchors and aliases");
    }
    String tag = p.getTypeId();
    JsonNode node = switch (token) {
      case START_OBJECT -> object(p, depth);
      case START_ARRAY -> array(p, depth);
      case VALUE_STRING -> NODES.stringNode(p.getString());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> NODES.stringNode(p.getString()); // CloudFormation: strings
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new IllegalArgumentException("unexpected " + token + " at line "
          + p.currentLocation().getLineNr());
    };
    return tag == null || !INTRINSICS.contains(tag) ? node : longForm(tag, node);
  }

  private static JsonNode longForm(String tag, JsonNode node) {
    ObjectNode out = NODES.objectNode();
    if (tag.equals("Ref") || tag.equals("Condition")) {
      out.set(tag, node);
    } else if (tag.equals("GetAtt") && node.isString()) {
      String text = node.stringValue();
      int dot = text.indexOf('.');
      ArrayNode parts = NODES.arrayNode();
      parts.add(dot < 0 ? text : text.substring(0, dot));
      if (dot >= 0) {
        parts.add(text.substring(dot + 1));
      }
      out.set("Fn::GetAtt", parts);
    } else {
      out.set("Fn::" + tag, node);
    }
    return out;
  }

  private static ObjectNode object(YAMLParser p, int depth) {
    ObjectNode object = NODES.objectNode();
    JsonToken token;
    while ((token = p.nextToken()) == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      object.set(name, value(p, p.nextToken(), depth + 1));
    }
    if (token != JsonToken.END_OBJECT) {
      throw new IllegalArgumentException("unexpected " + token + " at line " + p.currentLocation().getLineNr());
    }
    return object;
  }

  private static ArrayNode array(YAMLParser p, int depth) {
    ArrayNode array = NODES.arrayNode();
    JsonToken token;
    while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw new IllegalArgumentException("unexpected end at line " + p.currentLocation().getLineNr());
      }
      array.add(value(p, token, depth + 1));
    }
    return array;
  }
}
