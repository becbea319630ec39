package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tokenizer reads a value without typographic quotes the same whether it looks for them or not. */
class SqlTokenizerTest {

  @Test
  void stringsFoundWithIndexOfEndWhereReadingEveryCharEndsThem() {
    Random random = new Random(5);
    String[] pieces = {"'", "\"", "\\", "''", "\"\"", "\\'", "a", " ", "or 1=1", "-- x\n", "/*", "*/", "(", ")",
        "x'41'", "@'v'", "; drop table t", "a".repeat(40), "b c ".repeat(10)};
    for (int round = 0; round < 3000; round++) {
      StringBuilder b = new StringBuilder();
      int parts = 1 + random.nextInt(round % 10 == 0 ? 400 : 30);
      for (int p = 0; p < parts; p++) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String s = b.toString();
      for (int quote = 0; quote <= 2; quote++) {
        assertEquals(tokens(s, quote, true), tokens(s, quote, false), "context " + quote + " of " + s);
      }
      assertEquals(SqlTokenizer.contextEnd(s, 1, 0, true), SqlTokenizer.contextEnd(s, 1, 0, false), s);
      assertEquals(SqlTokenizer.contextEnd(s, 2, 0, true), SqlTokenizer.contextEnd(s, 2, 0, false), s);
    }
  }

  @Test
  void aDoubledQuoteStaysInTheStringAndATypographicOneClosesItWhenTheTokenizerLooksForIt() {
    assertNull(SqlTokenizer.tokenize("o''brien", 1, false));
    assertEquals(3, SqlTokenizer.contextEnd("it\u2019s", 1, 0, true));
  }

  @Test
  void aBracketedNameIsOneNameAndOtherBracketsStaySymbols() {
    SqlTokens name = SqlTokenizer.tokenize("and [col_1]=x", 0, false);
    assertEquals(SqlTokens.WORD, name.type(1));
    assertEquals(SqlTokens.CMP, name.type(2));
    SqlTokens array = SqlTokenizer.tokenize("[1] [a b]", 0, false);
    assertEquals(SqlTokens.OTHER, array.type(0));
    assertEquals(SqlTokens.NUMBER, array.type(1));
    assertEquals(SqlTokens.OTHER, array.type(3));
    assertEquals(SqlTokens.WORD, array.type(4));
  }

  @Test
  void aLoneEqualsIsMarkedAndCodesDoubledOneIsNot() {
    SqlTokens t = SqlTokenizer.tokenize("1=1 == 2", 0, false);
    assertTrue(t.has(1, SqlTokens.EQUALS));
    assertFalse(t.has(3, SqlTokens.EQUALS));
  }

  /** The types and flags of every token, and for each opening parenthesis where its group ends. */
  private static String tokens(String s, int quote, boolean typographic) {
    SqlTokens t = SqlTokenizer.tokenize(s, quote, typographic);
    if (t == null) {
      return "none";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; t.exists(i); i++) {
      out.append(t.type(i)).append(':').append(t.word(i));
      for (int flag : new int[] {SqlTokens.CLOSED, SqlTokens.BLANK, SqlTokens.SPACED, SqlTokens.HEX, SqlTokens.FUNC}) {
        out.append(t.has(i, flag) ? '1' : '0');
      }
      if (t.type(i) == SqlTokens.LPAREN) {
        out.append('>').append(t.after(i));
      }
      out.append(' ');
    }
    return out.toString();
  }
}
