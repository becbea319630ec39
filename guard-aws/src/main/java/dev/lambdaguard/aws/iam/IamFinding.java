package dev.lambdaguard.aws.iam;

import java.util.Objects;

/**
 * One thing the linter found.
 *
 * @param rule the rule that found it (id, severity, suggested fix)
 * @param path the JSON path of the statement or property it is about, e.g.
 *     {@code $.Resources.Fn.Properties.Policies[0].Statement[1].Action}
 * @param detail what exactly matched (action names, the combination), never a value of the template that is
 *     not a policy's own text
 */
public record IamFinding(IamRule rule, String path, String detail) {

  public IamFinding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(detail, "detail");
  }

  public Severity severity() {
    return rule.severity();
  }
}
