package dev.lambdaguard.aws.iam;

import java.util.List;

/**
 * The actions one Allow statement grants: those its {@code Action} patterns match, or, for {@code NotAction},
 * every action none of its patterns match.
 */
record Grant(List<ActionPattern> patterns, boolean notAction, String path) {

  Grant {
    patterns = List.copyOf(patterns);
  }

  boolean allows(String action) {
    boolean listed = false;
    for (ActionPattern pattern : patterns) {
      if (pattern.matches(action)) {
        listed = true;
        break;
      }
    }
    return listed != notAction;
  }

  /** Whether this grants every action ({@code Action: "*"}). */
  boolean everything() {
    if (notAction) {
      return patterns.isEmpty();
    }
    for (ActionPattern pattern : patterns) {
      if (pattern.isEverything()) {
        return true;
      }
    }
    return false;
  }
}
