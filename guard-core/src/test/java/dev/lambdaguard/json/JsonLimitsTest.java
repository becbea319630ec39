package dev.lambdaguard.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The documented defaults, pinned, and the validation of each setting. */
class JsonLimitsTest {

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    assertEquals(new JsonLimits(1024 * 1024, 32, 10_000, 256 * 1024, 256, 64), JsonLimits.defaults());
    assertEquals(1_048_576, JsonLimits.DEFAULT_MAX_BODY_BYTES);
    assertEquals(32, JsonLimits.DEFAULT_MAX_DEPTH);
    assertEquals(10_000, JsonLimits.DEFAULT_MAX_ENTRIES);
    assertEquals(262_144, JsonLimits.DEFAULT_MAX_STRING_LENGTH);
    assertEquals(256, JsonLimits.DEFAULT_MAX_NAME_LENGTH);
    assertEquals(64, JsonLimits.DEFAULT_MAX_NUMBER_LENGTH);
  }

  @Test
  void aSettingThatIsNotPositiveIsRejectedByName() {
    assertEquals("JsonLimits.maxBodyBytes must be positive: 0",
        assertThrows(IllegalArgumentException.class, () -> new JsonLimits(0, 1, 1, 1, 1, 1)).getMessage());
    assertEquals("JsonLimits.maxDepth must be positive: -1",
        assertThrows(IllegalArgumentException.class, () -> JsonLimits.defaults().withMaxDepth(-1)).getMessage());
    assertEquals("JsonLimits.maxEntries must be positive: 0",
        assertThrows(IllegalArgumentException.class, () -> JsonLimits.defaults().withMaxEntries(0)).getMessage());
    assertEquals("JsonLimits.maxStringLength must be positive: 0",
        assertThrows(IllegalArgumentException.class, () -> new JsonLimits(1, 1, 1, 0, 1, 1)).getMessage());
    assertEquals("JsonLimits.maxNameLength must be positive: 0",
        assertThrows(IllegalArgumentException.class, () -> new JsonLimits(1, 1, 1, 1, 0, 1)).getMessage());
    assertEquals("JsonLimits.maxNumberLength must be positive: 0",
        assertThrows(IllegalArgumentException.class, () -> new JsonLimits(1, 1, 1, 1, 1, 0)).getMessage());
  }

  @Test
  void eachWitherChangesOneSettingOnly() {
    JsonLimits defaults = JsonLimits.defaults();

    assertEquals(new JsonLimits(10, 32, 10_000, 262_144, 256, 64), defaults.withMaxBodyBytes(10));
    assertEquals(new JsonLimits(1_048_576, 5, 10_000, 262_144, 256, 64), defaults.withMaxDepth(5));
    assertEquals(new JsonLimits(1_048_576, 32, 7, 262_144, 256, 64), defaults.withMaxEntries(7));
  }
}
