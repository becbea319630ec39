package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** UTF-7 decoded as RFC 2152 has it, the one reading XSS and XXE both judge. */
class Utf7Test {

  @Test
  void shiftedRunsSpellUtf16AndTheirDashIsAbsorbed() {
    assertEquals("<script>alert(1)</script>", Utf7.decode("+ADw-script+AD4-alert(1)+ADw-/script+AD4-", 0));
    assertEquals("<!DOCTYPE", Utf7.decode("+ADwAIQ-DOCTYPE", 0));
    assertEquals("<>", Utf7.decode("+ADwAPg", 0)); // a run ends at the end too, and its spare bits are dropped
  }

  @Test
  void aPlusBeforeADashIsAPlusSignAndAPlusBeforeAnythingElseStays() {
    assertEquals("1 + 2", Utf7.decode("1 +- 2", 0));
    assertEquals("a + b", Utf7.decode("a + b", 0));
    assertEquals("c+", Utf7.decode("c+", 0));
  }

  @Test
  void textBeforeTheStartIsLeftAsItIs() {
    assertEquals("+ADw-x<", Utf7.decode("+ADw-x+ADw-", 5));
  }
}
