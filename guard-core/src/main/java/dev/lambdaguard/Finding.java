package dev.lambdaguard;

import java.util.Objects;

/**
 * Something an inspection found in the request, reported whether or not it blocked.
 *
 * @param category what kind of attack, e.g. {@code sql_injection}
 * @param ruleId the stable id of the rule that matched
 * @param location where it was found: a JSON pointer or a parameter name, never the value itself
 * @param score how sure the rule is, 0 to 100
 */
public record Finding(String category, String ruleId, String location, int score) {

  public Finding {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(location, "location");
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("score must be 0..100: " + score);
    }
  }
}
