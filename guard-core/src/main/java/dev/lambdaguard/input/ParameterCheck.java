package dev.lambdaguard.input;

import dev.lambdaguard.Denial;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Reasons;
import java.util.List;
import java.util.Map;

/** A route's parameter rules applied to a request; the denial names the parameter and the rule, never the value. */
final class ParameterCheck {

  private ParameterCheck() {}

  static Denial check(GuardRequest request, RouteInput route) {
    for (Map.Entry<String, ParameterRule> rule : route.pathParameters().entrySet()) {
      String value = request.pathParameters().get(rule.getKey());
      Denial denial = check(InputLocations.pathParameter(rule.getKey()), value == null ? List.of() : List.of(value),
          rule.getValue());
      if (denial != null) {
        return denial;
      }
    }
    for (Map.Entry<String, ParameterRule> rule : route.query().entrySet()) {
      Denial denial = check(InputLocations.query(rule.getKey()), request.query().all(rule.getKey()), rule.getValue());
      if (denial != null) {
        return denial;
      }
    }
    for (Map.Entry<String, ParameterRule> rule : route.headers().entrySet()) {
      Denial denial =
          check(InputLocations.header(rule.getKey()), request.headers().all(rule.getKey()), rule.getValue());
      if (denial != null) {
        return denial;
      }
    }
    return null;
  }

  private static Denial check(String location, List<String> values, ParameterRule rule) {
    if (values.isEmpty()) {
      return rule.isRequired() ? invalid(location, "required") : null;
    }
    for (String value : values) {
      if (!rule.accepts(value)) {
        return invalid(location, rule.kind());
      }
    }
    return null;
  }

  private static Denial invalid(String location, String rule) {
    return Denial.badRequest(Reasons.PARAMETER_INVALID, "Parameter " + location + " is not valid (" + rule + ").")
        .withEventField("location", location).withEventField("rule", rule);
  }
}
