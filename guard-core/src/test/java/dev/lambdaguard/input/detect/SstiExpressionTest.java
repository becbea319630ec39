package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The shortcut for an expression that is one name agrees with the tokenizer it skips. */
class SstiExpressionTest {

  private static final int[] KINDS = {SstiExpression.MUSTACHE, SstiExpression.ERB, SstiExpression.EL};

  @Test
  void aLoneNameIsJudgedAsTheTokenizerJudgesIt() {
    List<String> names = new ArrayList<>(SstiExpression.listedNames());
    names.addAll(List.of("a", "T", "_", "__", "__x", "__x__", "name", "user_name", "x1", "popen2", "getRuntime"));
    int listed = 0;
    for (String name : names) {
      for (String form : List.of(name, name.toUpperCase(Locale.ROOT), " " + name + " ", "\t" + name + "\n")) {
        for (int kind : KINDS) {
          int tokenized = SstiExpression.tokenize(form, 0, form.length(), kind, true);
          assertEquals(tokenized, SstiExpression.analyze(form, 0, form.length(), kind, true),
              () -> "analyze of '" + form + "' in kind " + kind);
          String trimmed = form.strip();
          int at = form.indexOf(trimmed);
          assertEquals(tokenized, SstiExpression.name(form, at, at + trimmed.length(), kind),
              () -> "name of '" + form + "' in kind " + kind);
          listed += tokenized > 0 ? 1 : 0;
        }
      }
    }
    assertTrue(listed > 100, "the lists' names reach levels alone: " + listed);
  }

  @Test
  void onlyANameBetweenBlanksIsALoneName() {
    assertTrue(SstiExpression.isLoneName(" name ", 0, 6));
    assertTrue(SstiExpression.isLoneName("_x1", 0, 3));
    assertFalse(SstiExpression.isLoneName("7x", 0, 2));
    assertFalse(SstiExpression.isLoneName("a.b", 0, 3));
    assertFalse(SstiExpression.isLoneName("a b", 0, 3));
    assertFalse(SstiExpression.isLoneName("a()", 0, 3));
    assertFalse(SstiExpression.isLoneName("  ", 0, 2));
  }
}
