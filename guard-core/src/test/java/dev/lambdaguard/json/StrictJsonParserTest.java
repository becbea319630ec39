package dev.lambdaguard.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Reason;
import dev.lambdaguard.Reasons;
import dev.lambdaguard.json.JsonParseResult.Parsed;
import dev.lambdaguard.json.JsonParseResult.Rejected;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/** The strict parser against well-formed, hostile and oversized bodies. */
class StrictJsonParserTest {

  static final StrictJsonParser PARSER = new StrictJsonParser(JsonLimits.defaults());

  static final Rejected NOT_STRICT = new Rejected(Reasons.JSON_MALFORMED, "the body is not strict JSON");
  static final Rejected NOT_UTF8 = new Rejected(Reasons.JSON_MALFORMED, "the body is not UTF-8");
  static final Rejected TRAILING = new Rejected(Reasons.JSON_MALFORMED, "content after the root value");
  static final Rejected EMPTY = new Rejected(Reasons.JSON_MALFORMED, "the body is empty");
  static final Rejected DUPLICATE = new Rejected(Reasons.JSON_DUPLICATE_KEY, "a key is repeated in one object");
  static final Rejected LIMIT = new Rejected(Reasons.JSON_LIMIT_EXCEEDED, "a structural limit was exceeded");
  static final Rejected TOO_MANY = new Rejected(Reasons.JSON_LIMIT_EXCEEDED, "too many entries");
  static final Rejected OUT_OF_RANGE = new Rejected(Reasons.JSON_LIMIT_EXCEEDED, "a number is out of range");

  static JsonParseResult parse(String json) {
    return PARSER.parse(json.getBytes(UTF_8));
  }

  static JsonNode tree(String json) {
    return assertInstanceOf(Parsed.class, parse(json), json).value();
  }

  /** {@code {"a":"<bytes>"}} with raw bytes inside the string value. */
  static byte[] stringValueWithBytes(int... raw) {
    return withBytes("{\"a\":\"", "\"}", raw);
  }

  static byte[] withBytes(String before, String after, int... raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(UTF_8));
    for (int b : raw) {
      out.write(b);
    }
    out.writeBytes(after.getBytes(UTF_8));
    return out.toByteArray();
  }

  // --- what it accepts, and what the tree holds

  @Test
  void aNormalDocumentBecomesATreeWithTheRightValuesAndTypesInOrder() {
    JsonNode root = tree("""
        {"name": "Zoë", "count": 3, "long": 9007199254740993, "big": 123456789012345678901234567890,
         "ratio": 0.25, "negative": -1.5e3, "ok": true, "off": false, "none": null,
         "tags": ["a", "b"], "nested": {"x": [1, {"y": false}]}}
        """);

    assertEquals(JsonNodeType.OBJECT, root.getNodeType());
    assertEquals(List.of("name", "count", "long", "big", "ratio", "negative", "ok", "off", "none", "tags", "nested"),
        List.copyOf(root.propertyNames()));
    assertEquals("Zoë", root.get("name").stringValue());
    assertTrue(root.get("count").isInt());
    assertEquals(3, root.get("count").intValue());
    assertTrue(root.get("long").isLong());
    assertEquals(9_007_199_254_740_993L, root.get("long").longValue());
    assertTrue(root.get("big").isBigInteger());
    assertEquals(new BigInteger("123456789012345678901234567890"), root.get("big").bigIntegerValue());
    assertTrue(root.get("ratio").isBigDecimal(), "fractions keep their exact decimal value");
    assertEquals(new BigDecimal("0.25"), root.get("ratio").decimalValue());
    assertEquals(0, new BigDecimal("-1500").compareTo(root.get("negative").decimalValue()));
    assertEquals(JsonNodeType.BOOLEAN, root.get("ok").getNodeType());
    assertTrue(root.get("ok").booleanValue());
    assertEquals(false, root.get("off").booleanValue());
    assertTrue(root.get("none").isNull());
    assertEquals(2, root.get("tags").size());
    assertEquals("b", root.get("tags").get(1).stringValue());
    assertEquals(false, root.get("nested").get("x").get(1).get("y").booleanValue());
    assertEquals(1, root.get("nested").get("x").get(0).intValue());
  }

  @Test
  void aRootArrayIsAccepted() {
    JsonNode root = tree("[1, \"two\", [3]]");

    assertTrue(root.isArray());
    assertEquals(3, root.size());
    assertEquals(3, root.get(2).get(0).intValue());
  }

  @Test
  void emptyContainersAreAccepted() {
    assertEquals(0, tree("{}").size());
    assertEquals(0, tree(" [ ] ").size());
  }

  @Test
  void aScalarAtTheRootIsAcceptedAsRfc8259Allows() {
    assertEquals("x", tree("\"x\"").stringValue());
    assertEquals(1, tree("1").intValue());
    assertEquals(1, tree("  1 \n").intValue());
    assertTrue(tree("true").booleanValue());
    assertTrue(tree("null").isNull());
  }

  @Test
  void unicodeEscapesAreDecodedIncludingSurrogatePairs() {
    JsonNode root = tree("[\"\\u00e9\\ud83d\\ude00\\n\\\"\\\\\\/\", \"é😀\"]");

    assertEquals("é😀\n\"\\/", root.get(0).stringValue());
    assertEquals("é😀", root.get(1).stringValue());
  }

  @Test
  void anEscapedNulCharacterIsAcceptedAsData() {
    assertEquals("a\u0000b", tree("[\"a\\u0000b\"]").get(0).stringValue());
  }

  @Test
  void minusZeroIsAnInteger() {
    assertEquals(0, tree("-0").intValue());
  }

  @Test
  void aHugeExponentWithinTheLengthLimitIsKeptAsADecimal() {
    assertEquals(0, new BigDecimal("1e999999999").compareTo(tree("[1e999999999]").get(0).decimalValue()));
  }

  // --- what it rejects as not strict JSON

  @Test
  void singleQuotesAreRejected() {
    assertEquals(NOT_STRICT, parse("{'a': 1}"));
    assertEquals(NOT_STRICT, parse("[\"a\", 'b']"));
  }

  @Test
  void unquotedNamesAreRejected() {
    assertEquals(NOT_STRICT, parse("{a: 1}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{/* c */\"a\": 1}", "{\"a\": 1} // c", "# c\n{}", "[1 /* c */]"})
  void commentsAreRejected(String json) {
    assertEquals(NOT_STRICT, parse(json));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\": 1,}", "[1,]", "[1,,2]", "[,1]"})
  void trailingAndMissingElementsAreRejected(String json) {
    assertEquals(NOT_STRICT, parse(json));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[01]", "[-01]", "[00]", "[00.5]"})
  void leadingZerosAreRejected(String json) {
    assertEquals(NOT_STRICT, parse(json));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[NaN]", "[Infinity]", "[-Infinity]", "[+1]", "[.5]", "[1.]", "[0x10]"})
  void numbersOutsideTheJsonGrammarAreRejected(String json) {
    assertEquals(NOT_STRICT, parse(json));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[\"a\u0001b\"]", "[\"a\tb\"]", "[\"a\nb\"]", "[\"a\u001fb\"]", "{\"a\u0000\": 1}"})
  void rawControlCharactersInStringsAreRejected(String json) {
    assertEquals(NOT_STRICT, parse(json));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[\"\\x41\"]", "[\"\\u00g0\"]", "[\"\\a\"]"})
  void invalidEscapesAreRejected(String json) {
    assertEquals(NOT_STRICT, parse(json));
  }

  @Test
  void aSecondRootValueIsRejected() {
    assertEquals(TRAILING, parse("{} {}"));
    assertEquals(TRAILING, parse("[1] [2]"));
    assertEquals(TRAILING, parse("1 2"));
    assertEquals(TRAILING, parse("\"a\" \"b\""));
  }

  @Test
  void garbageAfterTheRootValueIsRejected() {
    assertEquals(NOT_STRICT, parse("{}x"));
    assertEquals(NOT_STRICT, parse("[]]"));
    assertEquals(NOT_STRICT, parse("1x"));
  }

  @Test
  void aDocumentThatEndsInsideAValueIsRejected() {
    assertEquals(NOT_STRICT, parse("{\"a\": 1"));
    assertEquals(NOT_STRICT, parse("[1, 2"));
    assertEquals(NOT_STRICT, parse("[\"open"));
  }

  @Test
  void anEmptyOrBlankBodyIsRejected() {
    assertEquals(EMPTY, parse(""));
    assertEquals(EMPTY, parse(" \r\n\t "));
  }

  // --- encodings

  @Test
  void invalidUtf8BytesAreRejected() {
    assertEquals(NOT_UTF8, PARSER.parse(stringValueWithBytes(0xff)));
    assertEquals(NOT_UTF8, PARSER.parse(stringValueWithBytes(0xc3)), "a truncated two-byte sequence");
    assertEquals(NOT_UTF8, PARSER.parse(stringValueWithBytes(0x80)), "a lone continuation byte");
    assertEquals(NOT_UTF8, PARSER.parse(withBytes("{\"", "\": 1}", 0xff)), "in a name");
    assertEquals(NOT_UTF8, PARSER.parse(withBytes("[", "]", 0xff)), "outside a string");
  }

  @Test
  void anOverlongEncodingIsRejectedRatherThanDecodedToTheCharacterItHides() {
    // C0 AF is an overlong '/': decoding it would smuggle a path separator past a byte-level check.
    assertEquals(NOT_UTF8, PARSER.parse(stringValueWithBytes(0xc0, 0xaf)));
    assertEquals(NOT_UTF8, PARSER.parse(stringValueWithBytes(0xe0, 0x80, 0xaf)));
    assertEquals(NOT_UTF8, PARSER.parse(withBytes("{\"", "\": 1}", 0xc0, 0xaf)));
  }

  @Test
  void encodedSurrogatesAndCodePointsBeyondUnicodeAreRejected() {
    assertEquals(NOT_UTF8, PARSER.parse(stringValueWithBytes(0xed, 0xa0, 0x80)), "U+D800");
    assertEquals(NOT_UTF8, PARSER.parse(stringValueWithBytes(0xf4, 0x90, 0x80, 0x80)), "U+110000");
    assertEquals(NOT_UTF8, PARSER.parse(stringValueWithBytes(0xf5, 0x80, 0x80, 0x80)));
  }

  @Test
  void validMultiByteUtf8IsAccepted() {
    // é, €, 😀 as raw UTF-8
    JsonNode root = assertInstanceOf(Parsed.class,
        PARSER.parse(stringValueWithBytes(0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80))).value();

    assertEquals("é€😀", root.get("a").stringValue());
  }

  @Test
  void utf16AndUtf32BodiesAreNotGuessedButRejected() {
    assertEquals(NOT_STRICT, PARSER.parse("{\"a\":1}".getBytes(StandardCharsets.UTF_16LE)));
    assertEquals(NOT_STRICT, PARSER.parse("{\"a\":1}".getBytes(StandardCharsets.UTF_16BE)));
    assertEquals(NOT_UTF8, PARSER.parse("{\"a\":1}".getBytes(StandardCharsets.UTF_16)), "with a byte order mark");
    assertEquals(NOT_STRICT, PARSER.parse("{\"a\":1}".getBytes(java.nio.charset.Charset.forName("UTF-32LE"))));
  }

  @Test
  void aByteOrderMarkIsRejected() {
    assertEquals(NOT_STRICT, PARSER.parse(withBytes("", "{}", 0xef, 0xbb, 0xbf)));
  }

  // --- duplicate keys

  @Test
  void aRepeatedKeyIsRejected() {
    assertEquals(DUPLICATE, parse("{\"role\": \"user\", \"role\": \"admin\"}"));
  }

  @Test
  void aRepeatedKeyDeepInsideTheDocumentIsRejected() {
    assertEquals(DUPLICATE, parse("{\"x\": [1, {\"y\": {\"a\": 1, \"b\": [], \"a\": 1}}]}"));
  }

  @Test
  void keysThatDifferOnlyByEscapingAreTheSameKey() {
    assertEquals(DUPLICATE, parse("{\"a\": 1, \"\\u0061\": 2}"));
    assertEquals(DUPLICATE, parse("{\"\\u0061dmin\": false, \"admin\": true}"));
    assertEquals(DUPLICATE, parse("{\"a/b\": 1, \"a\\/b\": 2}"));
  }

  @Test
  void theSameKeyInDifferentObjectsIsNotADuplicate() {
    JsonNode root = tree("{\"a\": {\"a\": 1}, \"b\": [{\"a\": 2}, {\"a\": 3}]}");

    assertEquals(3, root.get("b").get(1).get("a").intValue());
  }

  @Test
  void keysThatDifferOnlyByCaseAreDifferentKeys() {
    assertEquals(2, tree("{\"a\": 1, \"A\": 2}").size());
  }

  // --- limits

  @Test
  void nestingUpToTheDepthLimitIsAccepted() {
    JsonNode root = tree("[".repeat(JsonLimits.DEFAULT_MAX_DEPTH) + "]".repeat(JsonLimits.DEFAULT_MAX_DEPTH));

    assertTrue(root.isArray());
  }

  @Test
  void nestingBeyondTheDepthLimitIsRejected() {
    int depth = JsonLimits.DEFAULT_MAX_DEPTH + 1;
    assertEquals(LIMIT, parse("[".repeat(depth) + "]".repeat(depth)));
    assertEquals(LIMIT, parse("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
  }

  @Test
  void aMegabyteOfOpenArraysIsRefusedWithoutExhaustingTheStack() {
    String bomb = "[".repeat(1024 * 1024);

    JsonParseResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> parse(bomb));

    assertEquals(LIMIT, result);
  }

  @Test
  void aDocumentNestedFarDeeperThanAnyStackIsBuiltWithoutRecursion() {
    int depth = 200_000;
    StrictJsonParser permissive = new StrictJsonParser(JsonLimits.defaults().withMaxDepth(depth).withMaxEntries(depth));

    JsonParseResult result = permissive.parse(("[".repeat(depth) + "]".repeat(depth)).getBytes(UTF_8));

    JsonNode node = assertInstanceOf(Parsed.class, result).value();
    int levels = 1;
    while (node.size() == 1) {
      node = node.get(0);
      levels++;
    }
    assertEquals(depth, levels);
  }

  @Test
  void entriesUpToTheLimitAreAcceptedAndOneMoreIsRejected() {
    StrictJsonParser parser = new StrictJsonParser(JsonLimits.defaults().withMaxEntries(3));

    assertInstanceOf(Parsed.class, parser.parse("[1, 2, 3]".getBytes(UTF_8)));
    assertEquals(TOO_MANY, parser.parse("[1, 2, 3, 4]".getBytes(UTF_8)));
    assertEquals(TOO_MANY, parser.parse("{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4}".getBytes(UTF_8)));
  }

  @Test
  void entriesAreCountedAcrossTheWholeDocumentNotPerContainer() {
    StrictJsonParser parser = new StrictJsonParser(JsonLimits.defaults().withMaxEntries(3));

    assertInstanceOf(Parsed.class, parser.parse("{\"a\": [1, 2]}".getBytes(UTF_8)));
    assertEquals(TOO_MANY, parser.parse("{\"a\": [1], \"b\": [2]}".getBytes(UTF_8)));
    assertEquals(TOO_MANY, parser.parse("[[], [], [], []]".getBytes(UTF_8)));
  }

  @Test
  void theDefaultEntryLimitIsTenThousand() {
    String tenThousand = "[" + "0,".repeat(9_999) + "0]";

    assertEquals(10_000, tree(tenThousand).size());
    assertEquals(TOO_MANY, parse("[" + "0,".repeat(10_000) + "0]"));
  }

  @Test
  void stringsNamesAndNumbersAreCheckedAgainstTheirLengthLimits() {
    StrictJsonParser parser = new StrictJsonParser(new JsonLimits(1000, 8, 100, 8, 4, 5));

    assertInstanceOf(Parsed.class, parser.parse("[\"12345678\"]".getBytes(UTF_8)));
    assertEquals(LIMIT, parser.parse("[\"123456789\"]".getBytes(UTF_8)), "string");
    assertInstanceOf(Parsed.class, parser.parse("{\"abcd\": 1}".getBytes(UTF_8)));
    assertEquals(LIMIT, parser.parse("{\"abcde\": 1}".getBytes(UTF_8)), "name");
    assertInstanceOf(Parsed.class, parser.parse("[12345]".getBytes(UTF_8)));
    assertEquals(LIMIT, parser.parse("[123456]".getBytes(UTF_8)), "integer");
    assertEquals(LIMIT, parser.parse("[1.2345678]".getBytes(UTF_8)), "fraction");
  }

  @Test
  void theDefaultLengthLimitsAreEnforced() {
    assertInstanceOf(Parsed.class, parse("[\"" + "a".repeat(JsonLimits.DEFAULT_MAX_STRING_LENGTH) + "\"]"));
    assertEquals(LIMIT, parse("[\"" + "a".repeat(JsonLimits.DEFAULT_MAX_STRING_LENGTH + 1) + "\"]"));
    assertInstanceOf(Parsed.class, parse("{\"" + "k".repeat(JsonLimits.DEFAULT_MAX_NAME_LENGTH) + "\": 1}"));
    assertEquals(LIMIT, parse("{\"" + "k".repeat(JsonLimits.DEFAULT_MAX_NAME_LENGTH + 1) + "\": 1}"));
    assertInstanceOf(Parsed.class, parse("[" + "1".repeat(JsonLimits.DEFAULT_MAX_NUMBER_LENGTH) + "]"));
    assertEquals(LIMIT, parse("[" + "1".repeat(JsonLimits.DEFAULT_MAX_NUMBER_LENGTH + 1) + "]"));
    assertEquals(LIMIT, parse("[1." + "1".repeat(1000) + "]"));
  }

  @Test
  void aDocumentLongerThanTheBodyLimitIsRejectedByTheParserToo() {
    StrictJsonParser parser = new StrictJsonParser(JsonLimits.defaults().withMaxBodyBytes(40));

    assertInstanceOf(Parsed.class, parser.parse((" ".repeat(39) + "1").getBytes(UTF_8)));
    assertEquals(LIMIT, parser.parse((" ".repeat(40) + "1").getBytes(UTF_8)));
  }

  @Test
  void anExponentNoDecimalCanHoldIsRejectedRatherThanThrown() {
    assertEquals(OUT_OF_RANGE, parse("[1e2147483648]"));
    assertEquals(OUT_OF_RANGE, parse("{\"a\": 1e-2147483649}"));
  }

  @Test
  void everyRejectionCarriesALibraryReasonOfKindInput() {
    for (String json : List.of("{'a':1}", "{\"a\":1,\"a\":2}", "[".repeat(40) + "]".repeat(40))) {
      Reason reason = assertInstanceOf(Rejected.class, parse(json)).reason();
      assertEquals(Reason.Kind.INPUT, reason.kind());
    }
  }
}
