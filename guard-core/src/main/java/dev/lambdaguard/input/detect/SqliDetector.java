package dev.lambdaguard.input.detect;

import dev.lambdaguard.input.Category;

/**
 * Recognises SQL injection by its grammar, the way libinjection does, not by its words. The value is tokenized as
 * SQL would read it from each context an injection can start in: as-is (a number or name placed in the query),
 * inside a single-quoted string, inside a double-quoted one (the value's first such quote then closes the
 * string), inside a MySQL name quoted with backticks ({@code ORDER BY `col`}, closed the same way). In each, the
 * tokens after the break must form the shape of an attack: a logical operator and a condition, UNION SELECT with
 * a column list, a stacked statement, a clause of the attacker's own, a comment that cuts the query off, a
 * delaying or error-raising function in an operand's place. Prose that happens to hold SQL
 * words ("select the best plan from our offers", "O'Brien", "Let's meet at 5 -- or later") has no such shape.
 *
 * <p>Cost: benign text costs one pass and a few look-ups. {@link SqlPrefilter} scans the value once for what any
 * shape needs (a quote, a semicolon, a call, an inline comment, {@code ||}, {@code &&}, a leading keyword), then
 * peeks at the one token where an anchored shape would start; only a value that passes is tokenized, lazily (as
 * far as the shapes read), once per context (at most four), each pass linear and capped at
 * {@link SqlTokens#MAX_TOKENS} tokens: past the cap the rest of the value is not inspected (see there). No regular
 * expression runs on the value.
 *
 * <p>Rules ({@link Detection#ruleId()}): {@code sqli.tautology}, {@code sqli.union}, {@code sqli.stacked},
 * {@code sqli.statement}, {@code sqli.comment-terminated}, {@code sqli.time-based}, {@code sqli.function},
 * {@code sqli.order-by}, {@code sqli.clause}, {@code sqli.subquery}. Stateless and thread-safe.
 */
public final class SqliDetector implements Detector {

  private static final Detection[] DETECTIONS = new Detection[SqlShapes.RULES];

  static {
    DETECTIONS[SqlShapes.TAUTOLOGY] = detection("sqli.tautology", 90);
    DETECTIONS[SqlShapes.TAUTOLOGY_LITERAL] = detection("sqli.tautology", 75);
    DETECTIONS[SqlShapes.UNION] = detection("sqli.union", 95);
    DETECTIONS[SqlShapes.STACKED] = detection("sqli.stacked", 90);
    DETECTIONS[SqlShapes.STATEMENT] = detection("sqli.statement", 80);
    DETECTIONS[SqlShapes.COMMENT_TERMINATED] = detection("sqli.comment-terminated", 70);
    DETECTIONS[SqlShapes.TIME_BASED] = detection("sqli.time-based", 95);
    DETECTIONS[SqlShapes.FUNCTION] = detection("sqli.function", 90);
    DETECTIONS[SqlShapes.ORDER_BY] = detection("sqli.order-by", 80);
    DETECTIONS[SqlShapes.CLAUSE] = detection("sqli.clause", 85);
    DETECTIONS[SqlShapes.SUBQUERY] = detection("sqli.subquery", 85);
  }

  /** Form encoding's space: a value with {@code +} and no whitespace at all may have been sent form-encoded. */
  private static final Normalized.CharSet PLUS = Normalized.charSet("+");
  private static final Normalized.CharSet WHITESPACE;

  static {
    StringBuilder b = new StringBuilder();
    for (char c = 0; c <= ' '; c++) {
      b.append(c);
    }
    WHITESPACE = Normalized.charSet(b.toString());
  }

  public SqliDetector() {}

  private static Detection detection(String rule, int score) {
    return new Detection(Category.SQLI, rule, score);
  }

  @Override
  public Category category() {
    return Category.SQLI;
  }

  /** A plain value that is one word holds no injection: each needs a quote, an operator, a comment or a space. */
  @Override
  public Normalized.CharSet triggers() {
    return CharSets.NOT_A_WORD;
  }

  @Override
  public Detection detect(Normalized value) {
    int found = SqlPrefilter.scan(value);
    if (found == 0) {
      return null;
    }
    String s = value.lower();
    int rule = match(s, found);
    if (rule == SqlShapes.NONE && value.containsAny(PLUS) && !value.containsAny(WHITESPACE)) {
      // '+UNION+ALL+SELECT+NULL--: form encoding left undone where the value carries no percent escape.
      String spaced = s.replace('+', ' ');
      int again = SqlPrefilter.scan(spaced);
      rule = again == 0 ? SqlShapes.NONE : match(spaced, again);
    }
    return rule == SqlShapes.NONE ? null : DETECTIONS[rule];
  }

  /** The shape in {@code s} (lower case) in each context the prefilter found, tokenized only if it may hold one. */
  private static int match(String s, int found) {
    boolean anywhere = SqlPrefilter.anywhere(s, found);
    boolean typographic = SqlPrefilter.typographic(found);
    int rule = SqlShapes.NONE;
    if (anywhere || SqlPrefilter.asIs(s, found)) {
      rule = SqlShapes.match(SqlTokenizer.tokenize(s, 0, typographic), false, anywhere);
    }
    for (int quote = 1; quote <= 3 && rule == SqlShapes.NONE; quote++) {
      if (SqlPrefilter.has(found, quote) && (anywhere || SqlPrefilter.quoted(s, quote, found))) {
        rule = SqlShapes.match(SqlTokenizer.tokenize(s, quote, typographic), true, anywhere);
      }
    }
    return rule;
  }
}
