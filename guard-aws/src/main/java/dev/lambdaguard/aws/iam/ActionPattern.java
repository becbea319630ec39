package dev.lambdaguard.aws.iam;

import java.util.Locale;

/**
 * An IAM action as a policy writes it: {@code service:Action} where {@code *} matches any run of characters and
 * {@code ?} any one character, compared without regard to case, as IAM does ({@code S3:getobject} is
 * {@code s3:GetObject}). Matching is the iterative glob algorithm: at most one backtrack point, time
 * proportional to the product of the two lengths, never exponential.
 */
final class ActionPattern {

  private final String text;
  private final String lower;

  private ActionPattern(String text) {
    this.text = text;
    this.lower = text.trim().toLowerCase(Locale.ROOT);
  }

  static ActionPattern of(String text) {
    return new ActionPattern(text);
  }

  /** The pattern as the policy wrote it. */
  String text() {
    return text;
  }

  /** {@code *} or {@code *:*}: every action of every service. */
  boolean isEverything() {
    return lower.equals("*") || lower.equals("*:*");
  }

  /** {@code service:*}: every action of one service. */
  boolean isWholeService() {
    int colon = lower.indexOf(':');
    return colon > 0 && lower.substring(colon + 1).equals("*") && lower.indexOf('*') == colon + 1;
  }

  /** Whether this pattern grants the concrete action {@code action} (e.g. {@code iam:PassRole}). */
  boolean matches(String action) {
    return glob(lower, action.toLowerCase(Locale.ROOT));
  }

  static boolean glob(String pattern, String value) {
    int p = 0;
    int v = 0;
    int star = -1;
    int resume = 0;
    while (v < value.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
        p++;
        v++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        resume = v;
      } else if (star >= 0) {
        p = star + 1;
        v = ++resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  @Override
  public String toString() {
    return text;
  }
}
