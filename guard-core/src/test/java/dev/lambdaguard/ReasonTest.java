package dev.lambdaguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reason codes are lower snake case, at most 64 characters, and the library's own are unique. */
class ReasonTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "token_expired", "x9", "a_b_c_1_2_3", "z__"})
  void snakeCaseCodesAreAccepted(String code) {
    assertEquals(code, Reason.of(code, Reason.Kind.POLICY).code());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Token_expired", "token-expired", "token expired", "1token", "_token", "tokén",
      "token.expired", "TOKEN", "token\n", "ｔoken"})
  void codesThatAreNotLowerSnakeCaseAreRejectedWithTheRule(String code) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Reason.of(code, Reason.Kind.POLICY));

    assertEquals("reason code must match [a-z][a-z0-9_]{0,63}: " + code, e.getMessage());
  }

  @Test
  void aCodeMayHave64CharactersButNot65() {
    String longest = "a".repeat(64);

    assertEquals(longest, Reason.of(longest, Reason.Kind.INPUT).code());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Reason.of(longest + "b", Reason.Kind.INPUT));
    assertEquals("reason code must match [a-z][a-z0-9_]{0,63}: " + longest + "b", e.getMessage());
  }

  @Test
  void codeAndKindAreRequired() {
    assertEquals("code", assertThrows(NullPointerException.class, () -> Reason.of(null, Reason.Kind.INPUT))
        .getMessage());
    assertEquals("kind", assertThrows(NullPointerException.class, () -> Reason.of("x", null)).getMessage());
  }

  @Test
  void aReasonPrintsAsItsCode() {
    assertEquals("json_malformed", Reasons.JSON_MALFORMED.toString());
  }

  @Test
  void reasonsWithTheSameCodeAndKindAreEqual() {
    assertEquals(Reasons.INTERNAL_ERROR, Reason.of("internal_error", Reason.Kind.INTERNAL));
  }

  @Test
  void theLibrarysOwnCodesAreUniqueAndOfTheExpectedKinds() throws IllegalAccessException {
    Set<String> codes = new HashSet<>();
    for (Field field : Reasons.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Reason.class) {
        Reason reason = (Reason) field.get(null);
        assertTrue(codes.add(reason.code()), () -> "repeated code " + reason.code());
      }
    }
    assertEquals(Reason.Kind.INPUT, Reasons.REQUEST_MALFORMED.kind());
    assertEquals(Reason.Kind.INPUT, Reasons.JSON_MALFORMED.kind());
    assertEquals(Reason.Kind.INPUT, Reasons.JSON_DUPLICATE_KEY.kind());
    assertEquals(Reason.Kind.INPUT, Reasons.JSON_LIMIT_EXCEEDED.kind());
    assertEquals(Reason.Kind.INPUT, Reasons.BODY_TOO_LARGE.kind());
    assertEquals(Reason.Kind.INPUT, Reasons.UNSUPPORTED_MEDIA_TYPE.kind());
    assertEquals(Reason.Kind.INTERNAL, Reasons.INTERNAL_ERROR.kind());
  }
}
