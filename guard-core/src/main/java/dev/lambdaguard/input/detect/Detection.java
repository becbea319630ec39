package dev.lambdaguard.input.detect;

import dev.lambdaguard.input.Category;
import java.util.Objects;

/**
 * What a detector recognised in one value: the category, the stable id of the rule (e.g. {@code sqli.tautology}),
 * and how sure it is (0 to 100). Never the value or any part of it.
 */
public record Detection(Category category, String ruleId, int score) {

  /** The score from which one detection settles a value: the rules' sure readings (90, 95, 100). */
  public static final int SURE = 90;

  public Detection {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(ruleId, "ruleId");
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("score must be 0..100: " + score);
    }
  }
}
