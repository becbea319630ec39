package dev.lambdaguard.aws.iam;

/**
 * The linter's rules. Ids are stable: they never change meaning once released, so that suppressions and
 * dashboards can key on them. Documented in {@code docs/least-privilege.md}.
 */
public enum IamRule {
  FULL_WILDCARD_ACTION("LG-IAM-001", Severity.HIGH, "Allow with Action \"*\": every action of every service",
      "List the actions the function calls (docs/least-privilege.md shows how to learn them from real calls)."),
  SERVICE_WILDCARD_ACTION("LG-IAM-002", Severity.MEDIUM, "Allow with a whole-service wildcard such as s3:*",
      "Replace the service wildcard with the actions used, e.g. s3:GetObject instead of s3:*."),
  DATA_PLANE_ON_ANY_RESOURCE("LG-IAM-003", Severity.HIGH, "Data-plane action allowed on Resource \"*\"",
      "Name the resources: the bucket, table, queue, secret or key ARN the function uses, not \"*\"."),
  ALLOW_NOT_ACTION("LG-IAM-004", Severity.HIGH, "Allow with NotAction: grants every action not listed, "
      + "including services added later", "Use Action with the actions needed; keep NotAction for Deny statements."),
  ALLOW_NOT_RESOURCE("LG-IAM-005", Severity.HIGH, "Allow with NotResource: grants every resource not listed",
      "Use Resource with the ARNs needed; keep NotResource for Deny statements."),
  PASS_ROLE_ANY("LG-IAM-006", Severity.HIGH, "iam:PassRole on any role: the holder can hand any role, "
      + "an administrator's too, to a service it controls",
      "Restrict Resource to the role ARNs the function passes, and add an iam:PassedToService condition."),
  PRIVILEGE_ESCALATION("LG-IAM-007", Severity.HIGH, "Grants a known privilege-escalation path",
      "Remove one of the actions named, or scope them to resources that cannot lead to other roles' permissions."),
  PUBLIC_PRINCIPAL("LG-IAM-008", Severity.HIGH, "Allows anyone (Principal \"*\") without a condition",
      "Name the principals (account, role or service), or add a condition such as aws:SourceArn, "
          + "aws:SourceAccount or aws:PrincipalOrgID."),
  UNAUTHENTICATED_FUNCTION_URL("LG-IAM-009", Severity.HIGH,
      "Function URL with AuthType NONE and no Lambda Guard authentication configured",
      "Use AuthType AWS_IAM, or configure Lambda Guard authentication (JWT or API keys) on the function and "
          + "declare it: Metadata LambdaGuard.Authentication (see docs/least-privilege.md).");

  private final String id;
  private final Severity severity;
  private final String title;
  private final String fix;

  IamRule(String id, Severity severity, String title, String fix) {
    this.id = id;
    this.severity = severity;
    this.title = title;
    this.fix = fix;
  }

  /** The stable id, {@code LG-IAM-nnn}. */
  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }

  /** What the rule finds, in one line. */
  public String title() {
    return title;
  }

  /** The suggested fix. */
  public String fix() {
    return fix;
  }
}
