package dev.lambdaguard.aws.iam;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Compares what a policy grants with what was observed: each granted action and resource that no observation
 * could be (never used), and each observation no grant covers (used but not granted: the call was or will be
 * denied). An observed resource may itself hold wildcards (an account not known to the SDK, a secret's random
 * suffix), so a grant and an observation match when either pattern covers the other.
 */
final class UnusedGrants {

  /** Used by the Lambda service to write the function's logs, never by the function's code: not observable. */
  static final Set<String> LAMBDA_SERVICE_ACTIONS = Set.of("logs:createloggroup", "logs:createlogstream",
      "logs:putlogevents");

  record Unused(String path, String action, String resource) {}

  final List<Unused> neverUsed = new ArrayList<>();
  final List<Unused> usedByLambdaItself = new ArrayList<>();
  final List<ObservedLog.Use> notGranted = new ArrayList<>();

  static UnusedGrants compare(PolicyGrants policy, Collection<ObservedLog.Use> uses) {
    UnusedGrants out = new UnusedGrants();
    for (PolicyGrants.Granted grant : policy.grants) {
      for (String action : grant.actions()) {
        for (String resource : grant.resources()) {
          boolean used = uses.stream()
              .anyMatch(u -> actionMatches(action, u.action()) && resourceMatches(resource, u.resource()));
          if (!used) {
            Unused unused = new Unused(grant.path(), action, resource);
            (LAMBDA_SERVICE_ACTIONS.contains(action.toLowerCase(Locale.ROOT)) ? out.usedByLambdaItself : out.neverUsed)
                .add(unused);
          }
        }
      }
    }
    for (ObservedLog.Use use : uses) {
      boolean granted = policy.grants.stream()
          .anyMatch(g -> g.actions().stream().anyMatch(a -> actionMatches(a, use.action()))
          && g.resources().stream().anyMatch(r -> resourceMatches(r, use.resource())));
      if (!granted) {
        out.notGranted.add(use);
      }
    }
    return out;
  }

  static boolean actionMatches(String pattern, String action) {
    return ActionPattern.of(pattern).matches(action);
  }

  static boolean resourceMatches(String granted, String observed) {
    return ActionPattern.glob(granted, observed) || ActionPattern.glob(observed, granted);
  }
}
