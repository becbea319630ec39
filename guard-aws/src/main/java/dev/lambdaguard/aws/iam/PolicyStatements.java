package dev.lambdaguard.aws.iam;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Applies the statement rules to one policy document, and collects what its Allow statements grant so that the
 * caller can look for privilege escalation across all the policies of one principal.
 */
final class PolicyStatements {

  /** What kind of policy a document is: it decides which rules apply. */
  enum Kind {
    /** Attached to a role, user or group: no Principal; every rule applies. */
    IDENTITY,
    /**
     * Attached to a resource (bucket, queue, key, secret) or a role's trust policy: names principals, and
     * {@code Resource: "*"} means the resource itself, so only the wildcard-action, Not* and principal rules apply.
     */
    RESOURCE
  }

  /**
   * Concrete data-plane actions, one or two per service that functions commonly use: a pattern that grants one
   * of them on {@code "*"} reads or writes every such resource of the account.
   */
  static final List<String> DATA_PLANE_ACTIONS = List.of(
      "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "s3-object-lambda:GetObject",
      "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query",
      "dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem",
      "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue",
      "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "ssm:PutParameter",
      "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey",
      "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sns:Publish", "lambda:InvokeFunction",
      "kinesis:PutRecord", "kinesis:PutRecords", "kinesis:GetRecords", "firehose:PutRecord", "events:PutEvents",
      "states:StartExecution", "rds-data:ExecuteStatement", "elasticfilesystem:ClientWrite");

  private static final int MAX_NAMED = 3;

  private PolicyStatements() {}

  /**
   * Lints the policy document {@code document} found at {@code path}.
   *
   * @param grants receives one {@link Grant} per Allow statement (identity policies only)
   */
  static void lint(JsonNode document, String path, Kind kind, List<IamFinding> findings, List<Grant> grants) {
    String statementPath = Values.key(path, "Statement");
    for (Values.Item item : Values.items(Values.get(document, "Statement"), statementPath)) {
      if (item.node().isObject()) {
        statement(item.node(), item.path(), kind, findings, grants);
      }
    }
  }

  /** Lints one statement at {@code path}. */
  static void statement(JsonNode s, String path, Kind kind, List<IamFinding> findings, List<Grant> grants) {
    JsonNode effect = s.get("Effect");
    if (effect == null || !effect.isString() || !effect.stringValue().equals("Allow")) {
      return; // Deny narrows; an unknown effect is refused by IAM at deploy time.
    }
    boolean notAction = s.has("NotAction");
    String actionKey = notAction ? "NotAction" : "Action";
    String actionPath = Values.key(path, actionKey);
    List<ActionPattern> patterns = new ArrayList<>();
    for (String text : Values.strings(s.get(actionKey))) {
      patterns.add(ActionPattern.of(text));
    }
    Grant grant = new Grant(patterns, notAction, actionPath);
    List<String> resources = Values.strings(s.has("NotResource") ? s.get("NotResource") : s.get("Resource"));
    boolean anyResource = !s.has("NotResource") && resources.stream().anyMatch(PolicyStatements::isWide);

    if (notAction) {
      findings.add(new IamFinding(IamRule.ALLOW_NOT_ACTION, actionPath,
          "NotAction " + patterns + (anyResource ? " on \"*\"" : "")));
    }
    if (s.has("NotResource")) {
      findings.add(new IamFinding(IamRule.ALLOW_NOT_RESOURCE, Values.key(path, "NotResource"),
          "NotResource " + resources));
    }
    if (grant.everything() && !notAction) {
      findings.add(new IamFinding(IamRule.FULL_WILDCARD_ACTION, actionPath, "Action " + patterns));
    } else if (!notAction) {
      for (ActionPattern pattern : patterns) {
        if (pattern.isWholeService() && kind == Kind.IDENTITY) {
          findings.add(new IamFinding(IamRule.SERVICE_WILDCARD_ACTION, actionPath, pattern.text()));
        }
      }
      if (kind == Kind.IDENTITY && anyResource) {
        Set<String> dataPlane = granted(grant, DATA_PLANE_ACTIONS);
        if (!dataPlane.isEmpty()) {
          findings.add(new IamFinding(IamRule.DATA_PLANE_ON_ANY_RESOURCE, Values.key(path, "Resource"),
              "Resource \"*\" for " + named(dataPlane)));
        }
        if (grant.allows("iam:PassRole")) {
          findings.add(new IamFinding(IamRule.PASS_ROLE_ANY, Values.key(path, "Resource"),
              "iam:PassRole on " + resources));
        }
      }
    }
    publicPrincipal(s, path, findings);
    if (kind == Kind.IDENTITY) {
      grants.add(grant);
    }
  }

  private static void publicPrincipal(JsonNode s, String path, List<IamFinding> findings) {
    boolean hasCondition = s.has("Condition") && s.get("Condition").isObject() && !s.get("Condition").isEmpty();
    if (s.has("NotPrincipal")) {
      findings.add(new IamFinding(IamRule.PUBLIC_PRINCIPAL, Values.key(path, "NotPrincipal"),
          "Allow with NotPrincipal: everyone but the principals listed"));
    } else if (s.has("Principal") && !hasCondition && isPublic(s.get("Principal"))) {
      findings.add(new IamFinding(IamRule.PUBLIC_PRINCIPAL, Values.key(path, "Principal"),
          "Principal \"*\" and no Condition"));
    }
  }

  /** {@code "*"}, or {@code {"AWS": "*"}} (or a list holding {@code "*"}) under any principal type. */
  static boolean isPublic(JsonNode principal) {
    if (principal.isObject()) {
      for (var entry : principal.properties()) {
        if (Values.strings(entry.getValue()).contains("*")) {
          return true;
        }
      }
      return false;
    }
    return Values.strings(principal).contains("*");
  }

  /**
   * {@code "*"}, or an ARN whose resource part is only wildcards after its type ({@code arn:aws:s3:::*},
   * {@code arn:aws:dynamodb:*:*:table/*}, {@code arn:aws:iam::123456789012:role/*}).
   */
  static boolean isWide(String resource) {
    String r = withoutSubVariables(resource.trim());
    if (r.equals("*")) {
      return true;
    }
    if (!r.toLowerCase(Locale.ROOT).startsWith("arn:")) {
      return false;
    }
    int at = -1;
    for (int n = 0; n < 5; n++) {
      at = r.indexOf(':', at + 1);
      if (at < 0) {
        return false;
      }
    }
    String service = r.substring(r.indexOf(':', 4) + 1, r.indexOf(':', r.indexOf(':', 4) + 1));
    String part = r.substring(at + 1);
    if (!service.equalsIgnoreCase("s3")) { // S3 ARNs have no type: arn:aws:s3:::bucket/key
      int type = 0;
      while (type < part.length() && (Character.isLetter(part.charAt(type)) || part.charAt(type) == '-')) {
        type++;
      }
      if (type > 0 && type < part.length() && (part.charAt(type) == '/' || part.charAt(type) == ':')) {
        part = part.substring(type + 1);
      }
    }
    if (part.isEmpty()) {
      return false;
    }
    for (int i = 0; i < part.length(); i++) {
      if (part.charAt(i) != '*' && part.charAt(i) != '/') {
        return false;
      }
    }
    return true;
  }

  /** {@code arn:${AWS::Partition}:s3:::b} as {@code arn:v:s3:::b}: a variable is a value, never a wildcard. */
  private static String withoutSubVariables(String text) {
    int open = text.indexOf("${");
    if (open < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    while (open >= 0) {
      int close = text.indexOf('}', open);
      if (close < 0) {
        break;
      }
      out.append(text, from, open).append('v');
      from = close + 1;
      open = text.indexOf("${", from);
    }
    return out.append(text, from, text.length()).toString();
  }

  private static Set<String> granted(Grant grant, List<String> actions) {
    Set<String> out = new LinkedHashSet<>();
    for (String action : actions) {
      if (grant.allows(action)) {
        out.add(action);
      }
    }
    return out;
  }

  private static String named(Set<String> actions) {
    List<String> list = new ArrayList<>(actions);
    if (list.size() <= MAX_NAMED) {
      return String.join(", ", list);
    }
    return String.join(", ", list.subList(0, MAX_NAMED)) + " and " + (list.size() - MAX_NAMED) + " more";
  }
}
