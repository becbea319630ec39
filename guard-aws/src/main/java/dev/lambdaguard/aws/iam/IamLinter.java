package dev.lambdaguard.aws.iam;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Lints one IAM policy document or one SAM/CloudFormation template, JSON or YAML.
 *
 * <pre>{@code
 * List<IamFinding> findings = IamLinter.lint(Files.readString(Path.of("template.yaml")));
 * }</pre>
 *
 * <p>A template is a document with {@code Resources}; a policy has {@code Statement} (or is the output of
 * {@code aws iam get-policy-version}). A policy whose statements name principals is read as a resource-based
 * policy, any other as an identity policy, whose grants are also checked together for privilege escalation.
 * Findings come in document order, escalation last. Thread-safe and stateless.
 */
public final class IamLinter {

  private IamLinter() {}

  /**
   * The findings in {@code text}; empty when there are none.
   *
   * @throws IllegalArgumentException when the text is neither JSON nor YAML, or neither a template nor a policy;
   *     the message names the line or what is missing, never the text
   */
  public static List<IamFinding> lint(String text) {
    JsonNode root = TemplateReader.read(text);
    if (root.isObject() && root.has("Resources")) {
      return TemplateLinter.lint(root);
    }
    JsonNode policy = root.isObject() && root.has("PolicyVersion") ? root.get("PolicyVersion").get("Document")
        : root;
    if (policy == null || !policy.isObject() || !policy.has("Statement")) {
      throw new IllegalArgumentException("neither a template (no Resources) nor a policy document (no Statement)");
    }
    String path = policy == root ? "$" : "$.PolicyVersion.Document";
    List<IamFinding> findings = new ArrayList<>();
    List<Grant> grants = new ArrayList<>();
    PolicyStatements.Kind kind = namesPrincipals(policy) ? PolicyStatements.Kind.RESOURCE
        : PolicyStatements.Kind.IDENTITY;
    PolicyStatements.lint(policy, path, kind, findings, grants);
    findings.addAll(EscalationPaths.find(grants));
    return findings;
  }

  private static boolean namesPrincipals(JsonNode policy) {
    for (Values.Item item : Values.items(policy.get("Statement"), "$")) {
      if (item.node().has("Principal") || item.node().has("NotPrincipal")) {
        return true;
      }
    }
    return false;
  }
}
