package dev.lambdaguard.json;

/**
 * Structural limits for request bodies, checked while parsing so that a parse bomb costs little.
 *
 * @param maxBodyBytes the largest body accepted, in bytes
 * @param maxDepth the deepest nesting of objects and arrays
 * @param maxEntries the most object members plus array elements in the whole document
 * @param maxStringLength the longest string value, in characters
 * @param maxNameLength the longest object key, in characters
 * @param maxNumberLength the longest number literal, in characters
 */
public record JsonLimits(
    int maxBodyBytes, int maxDepth, int maxEntries, int maxStringLength, int maxNameLength, int maxNumberLength) {

  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  public static final int DEFAULT_MAX_DEPTH = 32;
  public static final int DEFAULT_MAX_ENTRIES = 10_000;
  public static final int DEFAULT_MAX_STRING_LENGTH = 256 * 1024;
  public static final int DEFAULT_MAX_NAME_LENGTH = 256;
  public static final int DEFAULT_MAX_NUMBER_LENGTH = 64;

  public JsonLimits {
    positive("maxBodyBytes", maxBodyBytes);
    positive("maxDepth", maxDepth);
    positive("maxEntries", maxEntries);
    positive("maxStringLength", maxStringLength);
    positive("maxNameLength", maxNameLength);
    positive("maxNumberLength", maxNumberLength);
  }

  /** The defaults: 1 MiB, depth 32, 10 000 entries, 256 KiB strings, 256-character keys, 64-digit numbers. */
  public static JsonLimits defaults() {
    return new JsonLimits(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ENTRIES,
        DEFAULT_MAX_STRING_LENGTH, DEFAULT_MAX_NAME_LENGTH, DEFAULT_MAX_NUMBER_LENGTH);
  }

  public JsonLimits withMaxBodyBytes(int value) {
    return new JsonLimits(value, maxDepth, maxEntries, maxStringLength, maxNameLength, maxNumberLength);
  }

  public JsonLimits withMaxDepth(int value) {
    return new JsonLimits(maxBodyBytes, value, maxEntries, maxStringLength, maxNameLength, maxNumberLength);
  }

  public JsonLimits withMaxEntries(int value) {
    return new JsonLimits(maxBodyBytes, maxDepth, value, maxStringLength, maxNameLength, maxNumberLength);
  }

  private static void positive(String setting, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("JsonLimits." + setting + " must be positive: " + value);
    }
  }
}
