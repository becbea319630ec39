package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lambdaguard.input.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys and paths that reach an object's prototype; the words "prototype" and "constructor" in prose do not. */
class PrototypePollutionDetectorTest {

  private final PrototypePollutionDetector detector = new PrototypePollutionDetector();

  private Detection detect(String value) {
    return detector.detect(Normalized.of(value));
  }

  private void assertRule(String rule, String value) {
    Detection d = detect(value);
    assertNotNull(d, value);
    assertEquals(Category.PROTO, d.category());
    assertEquals(rule, d.ruleId(), value);
  }

  @Test
  void theDetectorIsForPrototypePollution() {
    assertEquals(Category.PROTO, detector.category());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "__proto__", "{\"__proto__\":{\"isAdmin\":true}}", "a.__proto__.b=1", "__proto__[x]=y", "?__proto__[test]=test",
      "x[__proto__][y]=1", "https://example.com/#__proto__[admin]=1", "%5F%5Fproto%5F%5F[x]=1",
      "{\"\\u005f\\u005fproto\\u005f\\u005f\": {}}", "\\x5f\\x5fproto\\x5f\\x5f", "__pro__proto__to__",
      "{\"__proto__.name\":\"test\"}", "Object.__proto__[\"evil\"]=1"})
  void protoAsAKeyPathOrBracketIsProtoKey(String value) {
    assertRule(PrototypePollutionDetector.PROTO_KEY, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "constructor.prototype.x=1", "a[constructor][prototype]=1", "constructor[\"prototype\"][\"x\"]=1",
      "{\"constructor\": {\"prototype\": {\"isAdmin\": true}}}", "Object.constructor.prototype.evil=1",
      "/constructor/prototype/polluted",
      "a.constructor['prototype'].b", "constructor%5Bprototype%5D%5Bx%5D=1"})
  void constructorThenPrototypeAsPathSegmentsIsConstructorPrototype(String value) {
    assertRule(PrototypePollutionDetector.CONSTRUCTOR_PROTOTYPE, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Object.prototype.isAdmin = true", "Array.prototype[0]=1", "Object.prototype.a.b='x'"})
  void assigningIntoABuiltInPrototypeIsBuiltinPrototype(String value) {
    assertRule(PrototypePollutionDetector.BUILTIN_PROTOTYPE, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"__defineGetter__", "a.__lookupSetter__", "{\"__defineSetter__\": 1}"})
  void legacyAccessorNamesAsKeysAreAccessorKeys(String value) {
    assertRule(PrototypePollutionDetector.ACCESSOR_KEY, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "we built a prototype", "the constructor of the house", "Prototype: v2", "constructor prototype", "prototype",
      "constructor", "Object.prototype.toString.call(x)", "Object.prototype.hasOwnProperty.call(o, k) === true",
      "fmcdonald@protonmail.ch", "__init__", "proto_buf", "the __proto of x", "protocol://x",
      "The constructor: a prototype builder", "myObject.prototypeName = 1", "_proto_"})
  void proseAndLookAlikesAreNotPrototypePollution(String value) {
    assertNull(detect(value), value);
  }

  @Test
  void aMegabyteOfNearMissesCompletes() {
    String[] nearMisses = {"_proto_ ", "constructor prototype ", "Object.prototype.x.y.z ", "__defineGet ", "proto"};
    for (String nearMiss : nearMisses) {
      String value = nearMiss.repeat(1_000_000 / nearMiss.length());
      assertNull(detect(value), nearMiss);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "__\\u0070\\u0072oto__.isAdmin=true", "{\"__\\u0070roto__\":{\"isAdmin\":true}}",
      "\\u005f\\u005f\\u0070\\u0072\\u006f\\u0074\\u006f\\u005f\\u005f[x]=1", "{\"__pro\\u{74}o__\":1}",
      "a[__\\x70roto__]=1"})
  void anyEscapedCharacterOfProtoIsStillProto(String value) {
    // JSON.parse and JavaScript read each escape as its character, letters as well as underscores
    assertRule(PrototypePollutionDetector.PROTO_KEY, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\x3c", "\\x", "\\u", "\\u003c"})
  void anEscapedProtoAfterAFloodOfOtherEscapesIsFoundAsAlone(String unit) {
    // every letter appended, as the flood sweep does, so that the value's characters allow any word
    String flood = unit.repeat(100_000 / unit.length())
        + " abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (String attack : new String[] {"{\"__\\u0070roto__\":1}", "a[__\\x70roto__]=1", "{\"__pro\\u{74}o__\":1}",
        "\\u0063onstructor.prototype.x=1", "Object.prototype.x \\u003d 1"}) {
      assertEquals(detect(attack), detect(flood + " " + attack), () -> unit + " then " + attack);
    }
    assertNull(detect(flood + " \\u0070rototype of the house"));
  }

  @Test
  void escapedTextWithoutProtoIsLeftAlone() {
    assertNull(detect("{\"text\":\"\\u00e9t\\u00e9 \\u0070rototype of the house\"}"));
    assertNull(detect("C:\\users\\proto\\x5f_docs"));
    assertNull(detect("{\"note\":\"\\u0070roto\\u005ftype\"}"));
    assertNull(detect("\\u{70}\\u{72}oto and \\u{"));
    assertNull(detect("\\u{".repeat(10_000) + "__pro"));
  }
}
