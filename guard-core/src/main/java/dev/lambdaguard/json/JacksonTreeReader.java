package dev.lambdaguard.json;

import dev.lambdaguard.Reasons;
import dev.lambdaguard.json.JsonParseResult.Parsed;
import dev.lambdaguard.json.JsonParseResult.Rejected;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything of the strict parser that touches Jackson. A separate class, created at the first parse, so
 * that building a guard (or a request with no JSON body) loads none of Jackson's classes.
 */
final class JacksonTreeReader {

  private final JsonLimits limits;
  private final JsonFactory factory;

  JacksonTreeReader(JsonLimits limits) {
    this.limits = limits;
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxNestingDepth(limits.maxDepth())
        .maxStringLength(limits.maxStringLength())
        .maxNameLength(limits.maxNameLength())
        .maxNumberLength(limits.maxNumberLength())
        .maxDocumentLength(limits.maxBodyBytes())
        .build();
    // Jackson's JSON defaults are already strict; only the limits change.
    this.factory = JsonFactory.builder().streamReadConstraints(constraints).build();
  }

  /**
   * Parses a whole document; never throws for bad input.
   *
   * <p>The bytes are decoded as UTF-8 by a decoder that refuses malformed input, and Jackson reads the
   * characters. Jackson's own byte parser is not used: it guesses UTF-16 and UTF-32 from the first bytes, and
   * it accepts overlong and out-of-range UTF-8 sequences in string values (so {@code C0 AF} would become
   * {@code /}), which a handler decoding the body itself would read differently.
   */
  JsonParseResult parse(InputStream body) {
    Reader utf8 = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
    try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), utf8)) {
      return build(parser);
    } catch (StreamConstraintsException e) {
      return new Rejected(Reasons.JSON_LIMIT_EXCEEDED, "a structural limit was exceeded");
    } catch (JacksonException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        return new Rejected(Reasons.JSON_MALFORMED, "the body is not UTF-8");
      }
      return new Rejected(Reasons.JSON_MALFORMED, "the body is not strict JSON");
    } catch (NumberFormatException e) {
      // A number literal within the length limit whose exponent no BigDecimal can hold (1e2147483648).
      return new Rejected(Reasons.JSON_LIMIT_EXCEEDED, "a number is out of range");
    }
  }

  private JsonParseResult build(JsonParser parser) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ArrayDeque<JsonNode> open = new ArrayDeque<>();
    int entries = 0;
    JsonNode root = null;
    JsonToken token = parser.nextToken();
    if (token == null) {
      return new Rejected(Reasons.JSON_MALFORMED, "the body is empty");
    }
    while (token != null) {
      JsonNode value;
      boolean opens = false;
      switch (token) {
        case START_OBJECT -> {
          value = nodes.objectNode();
          opens = true;
        }
        case START_ARRAY -> {
          value = nodes.arrayNode();
          opens = true;
        }
        case END_OBJECT, END_ARRAY -> {
          JsonNode closed = open.pop();
          if (open.isEmpty()) {
            root = closed;
            return finish(parser, root);
          }
          token = parser.nextToken();
          continue;
        }
        case PROPERTY_NAME -> {
          token = parser.nextToken();
          continue;
        }
        case VALUE_STRING -> value = nodes.stringNode(parser.getString());
        case VALUE_NUMBER_INT -> value = integer(parser, nodes);
        case VALUE_NUMBER_FLOAT -> value = nodes.numberNode(parser.getDecimalValue());
        case VALUE_TRUE -> value = nodes.booleanNode(true);
        case VALUE_FALSE -> value = nodes.booleanNode(false);
        case VALUE_NULL -> value = nodes.nullNode();
        default -> {
          return new Rejected(Reasons.JSON_MALFORMED, "unexpected token");
        }
      }
      JsonNode parent = open.peek();
      if (parent == null) {
        if (!opens) {
          return finish(parser, value);
        }
      } else {
        if (++entries > limits.maxEntries()) {
          return new Rejected(Reasons.JSON_LIMIT_EXCEEDED, "too many entries");
        }
        if (parent instanceof ObjectNode object) {
          if (object.putIfAbsent(parser.currentName(), value) != null) {
            return new Rejected(Reasons.JSON_DUPLICATE_KEY, "a key is repeated in one object");
          }
        } else {
          ((ArrayNode) parent).add(value);
        }
      }
      if (opens) {
        open.push(value);
      }
      token = parser.nextToken();
    }
    return new Rejected(Reasons.JSON_MALFORMED, "the body ends inside a value");
  }

  private static JsonNode integer(JsonParser parser, JsonNodeFactory nodes) {
    return switch (parser.getNumberType()) {
      case INT -> nodes.numberNode(parser.getIntValue());
      case LONG -> nodes.numberNode(parser.getLongValue());
      default -> nodes.numberNode(parser.getBigIntegerValue());
    };
  }

  private static JsonParseResult finish(JsonParser parser, JsonNode root) {
    if (parser.nextToken() != null) {
      return new Rejected(Reasons.JSON_MALFORMED, "content after the root value");
    }
    return new Parsed(root);
  }
}
