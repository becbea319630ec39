package dev.lambdaguard.json;

import dev.lambdaguard.Reason;
import tools.jackson.databind.JsonNode;

/** The result of a strict parse: the tree, or why the body was refused. */
public sealed interface JsonParseResult {

  /** The body is strict JSON within the limits. */
  record Parsed(JsonNode value) implements JsonParseResult {}

  /**
   * The body was refused.
   *
   * @param reason the stable reason code
   * @param detail a fixed description of what was wrong, never containing body content
   */
  record Rejected(Reason reason, String detail) implements JsonParseResult {}
}
