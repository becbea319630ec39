package dev.lambdaguard.aws.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Lints a SAM or CloudFormation template: the policies of roles and functions, the trust and resource-based
 * policies, Lambda permissions and function URLs. Privilege escalation is looked for across all the policies
 * of one principal: a role with its inline and managed policies and every {@code AWS::IAM::Policy} that names it,
 * or a SAM function with its {@code Policies}.
 */
final class TemplateLinter {

  /** Resource types whose policy is a resource-based policy, and the property that holds it. */
  private static final Map<String, String> RESOURCE_POLICIES = Map.of(
      "AWS::S3::BucketPolicy", "PolicyDocument",
      "AWS::SQS::QueuePolicy", "PolicyDocument",
      "AWS::SNS::TopicPolicy", "PolicyDocument",
      "AWS::SecretsManager::ResourcePolicy", "ResourcePolicy",
      "AWS::KMS::Key", "KeyPolicy",
      "AWS::ECR::Repository", "RepositoryPolicyText");

  private static final Set<String> FUNCTIONS = Set.of("AWS::Serverless::Function", "AWS::Lambda::Function");

  private final JsonNode resources;
  private final JsonNode globalVariables;
  private final List<IamFinding> findings = new ArrayList<>();
  /** The Allow grants of each principal (a role's or a function's logical id). */
  private final Map<String, List<Grant>> principals = new LinkedHashMap<>();

  private TemplateLinter(JsonNode template) {
    this.resources = template.get("Resources");
    this.globalVariables = at(template, "Globals", "Function", "Environment", "Variables");
  }

  static List<IamFinding> lint(JsonNode template) {
    TemplateLinter linter = new TemplateLinter(template);
    linter.run();
    return linter.findings;
  }

  private void run() {
    if (resources == null || !resources.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> entry : resources.properties()) {
      String name = entry.getKey();
      JsonNode resource = entry.getValue();
      JsonNode type = Values.get(resource, "Type");
      if (type == null || !type.isString()) {
        continue;
      }
      String base = Values.key("$.Resources", name);
      JsonNode props = Values.get(resource, "Properties");
      String propsPath = base + ".Properties";
      switch (type.stringValue()) {
        case "AWS::IAM::Role" -> role(name, props, propsPath);
        case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" -> policy(name, props, propsPath);
        case "AWS::Serverless::Function" -> samFunction(name, resource, props, propsPath);
        case "AWS::Lambda::Url" -> functionUrl(props, propsPath);
        case "AWS::Lambda::Permission" -> permission(props, propsPath);
        case "AWS::Lambda::LayerVersionPermission" -> layerPermission(props, propsPath);
        default -> {
          String property = RESOURCE_POLICIES.get(type.stringValue());
          if (property != null) {
            PolicyStatements.lint(Values.get(props, property), Values.key(propsPath, property),
                PolicyStatements.Kind.RESOURCE, findings, new ArrayList<>());
          }
        }
      }
    }
    for (List<Grant> grants : principals.values()) {
      findings.addAll(EscalationPaths.find(grants));
    }
  }

  private List<Grant> grantsOf(String principal) {
    return principals.computeIfAbsent(principal, k -> new ArrayList<>());
  }

  private void role(String name, JsonNode props, String path) {
    PolicyStatements.lint(Values.get(props, "AssumeRolePolicyDocument"), path + ".AssumeRolePolicyDocument",
        PolicyStatements.Kind.RESOURCE, findings, new ArrayList<>());
    for (Values.Item item : Values.items(Values.get(props, "Policies"), path + ".Policies")) {
      PolicyStatements.lint(Values.get(item.node(), "PolicyDocument"), item.path() + ".PolicyDocument",
          PolicyStatements.Kind.IDENTITY, findings, grantsOf(name));
    }
    for (Values.Item item : Values.items(Values.get(props, "ManagedPolicyArns"), path + ".ManagedPolicyArns")) {
      managed(item, grantsOf(name));
    }
  }

  /** A standalone policy: its grants count for each role it names in this template, or for itself. */
  private void policy(String name, JsonNode props, String path) {
    List<Grant> grants = new ArrayList<>();
    PolicyStatements.lint(Values.get(props, "PolicyDocument"), path + ".PolicyDocument",
        PolicyStatements.Kind.IDENTITY, findings, grants);
    List<String> roles = new ArrayList<>();
    for (Values.Item item : Values.items(Values.get(props, "Roles"), path + ".Roles")) {
      String ref = refTarget(item.node());
      if (ref != null) {
        roles.add(samFunctionOfRole(ref));
      }
    }
    if (roles.isEmpty()) {
      grantsOf(name).addAll(grants);
    }
    for (String role : roles) {
      grantsOf(role).addAll(grants);
    }
  }

  /**
   * SAM names the role it creates for function F {@code FRole}; a policy attached to it adds to F's grants. Any
   * other name is returned as it is.
   */
  private String samFunctionOfRole(String role) {
    if (resources.has(role) || !role.endsWith("Role")) {
      return role;
    }
    String function = role.substring(0, role.length() - "Role".length());
    return textOf(Values.get(resources.get(function), "Type")).equals("AWS::Serverless::Function") ? function : role;
  }

  private void samFunction(String name, JsonNode resource, JsonNode props, String path) {
    for (Values.Item item : Values.items(Values.get(props, "Policies"), path + ".Policies")) {
      JsonNode node = item.node();
      if (node.isObject() && node.has("Statement")) {
        PolicyStatements.lint(node, item.path(), PolicyStatements.Kind.IDENTITY, findings, grantsOf(name));
      } else if (node.isObject() && node.size() == 1 && !node.properties().iterator().next().getKey()
          .startsWith("Fn::") && !node.has("Ref")) {
        String template = node.properties().iterator().next().getKey();
        JsonNode statement = SamPolicyTemplates.statement(template, node.get(template));
        if (statement != null) {
          PolicyStatements.statement(statement, Values.key(item.path(), template), PolicyStatements.Kind.IDENTITY,
              findings, grantsOf(name));
        }
      } else {
        managed(item, grantsOf(name));
      }
    }
    JsonNode authType = at(props, "FunctionUrlConfig", "AuthType");
    if (isNone(authType) && !guardAuthenticates(resource)) {
      findings.add(new IamFinding(IamRule.UNAUTHENTICATED_FUNCTION_URL, path + ".FunctionUrlConfig.AuthType",
          "function " + name + " is public and declares no Lambda Guard authentication"));
    }
  }

  /** A managed policy by name or ARN: linted when it is one of the bundled broad ones. */
  private void managed(Values.Item item, List<Grant> grants) {
    for (String reference : Values.strings(item.node())) {
      String name = ManagedPolicies.nameOf(reference);
      if (name == null) {
        continue;
      }
      List<IamFinding> inner = new ArrayList<>();
      List<Grant> innerGrants = new ArrayList<>();
      PolicyStatements.lint(ManagedPolicies.document(name), "$", PolicyStatements.Kind.IDENTITY, inner, innerGrants);
      for (IamFinding finding : inner) {
        findings.add(new IamFinding(finding.rule(), item.path(),
            name + finding.path() + ": " + finding.detail()));
      }
      for (Grant grant : innerGrants) {
        grants.add(new Grant(grant.patterns(), grant.notAction(), item.path()));
      }
    }
  }

  private void functionUrl(JsonNode props, String path) {
    if (!isNone(Values.get(props, "AuthType"))) {
      return;
    }
    String target = functionOf(Values.get(props, "TargetFunctionArn"), 0);
    JsonNode function = target == null ? null : resources.get(target);
    if (function == null || !FUNCTIONS.contains(textOf(Values.get(function, "Type")))) {
      findings.add(new IamFinding(IamRule.UNAUTHENTICATED_FUNCTION_URL, path + ".AuthType",
          "the URL's function is not in this template, so its authentication cannot be seen"));
    } else if (!guardAuthenticates(function)) {
      findings.add(new IamFinding(IamRule.UNAUTHENTICATED_FUNCTION_URL, path + ".AuthType",
          "function " + target + " is public and declares no Lambda Guard authentication"));
    }
  }

  /** The logical id of the function a value points at, following an alias or version to its function. */
  private String functionOf(JsonNode value, int hops) {
    if (value == null || hops > 3) {
      return null;
    }
    String id = refTarget(value);
    if (id == null) {
      return null;
    }
    JsonNode target = resources.get(id);
    String type = textOf(Values.get(target, "Type"));
    if (type.equals("AWS::Lambda::Alias") || type.equals("AWS::Lambda::Version")) {
      return functionOf(at(target, "Properties", "FunctionName"), hops + 1);
    }
    return id;
  }

  /** {@code Ref X}, {@code Fn::GetAtt [X, ...]} or {@code Fn::Sub "${X.Arn}"}: X; otherwise null. */
  private static String refTarget(JsonNode value) {
    if (value == null || !value.isObject() || value.size() != 1) {
      return null;
    }
    JsonNode ref = value.get("Ref");
    if (ref != null && ref.isString()) {
      return ref.stringValue();
    }
    JsonNode getAtt = value.get("Fn::GetAtt");
    if (getAtt != null && getAtt.isArray() && !getAtt.isEmpty() && getAtt.get(0).isString()) {
      return getAtt.get(0).stringValue();
    }
    JsonNode sub = value.get("Fn::Sub");
    if (sub != null && sub.isString()) {
      String text = sub.stringValue();
      if (text.startsWith("${") && text.endsWith("}") && text.indexOf("${", 1) < 0) {
        String inner = text.substring(2, text.length() - 1);
        int dot = inner.indexOf('.');
        return dot < 0 ? inner : inner.substring(0, dot);
      }
    }
    return null;
  }

  private void permission(JsonNode props, String path) {
    JsonNode principal = Values.get(props, "Principal");
    if (principal == null || !Values.strings(principal).contains("*")) {
      return;
    }
    if (isNone(Values.get(props, "FunctionUrlAuthType"))) {
      return; // what makes an AuthType NONE URL callable: reported on the URL, where authentication is decided
    }
    if (props.has("SourceArn") || props.has("SourceAccount") || props.has("PrincipalOrgID")) {
      return;
    }
    findings.add(new IamFinding(IamRule.PUBLIC_PRINCIPAL, path + ".Principal",
        "anyone may invoke the function: Principal \"*\" without SourceArn, SourceAccount or PrincipalOrgID"));
  }

  private void layerPermission(JsonNode props, String path) {
    JsonNode principal = Values.get(props, "Principal");
    if (principal != null && Values.strings(principal).contains("*") && !props.has("OrganizationId")) {
      findings.add(new IamFinding(IamRule.PUBLIC_PRINCIPAL, path + ".Principal",
          "every AWS account may use the layer: Principal \"*\" without OrganizationId"));
    }
  }

  /**
   * Whether the function declares Lambda Guard authentication: {@code Metadata: {LambdaGuard: {Authentication:
   * jwt}}} (any value but {@code none}), or one of the guard's authentication variables in its environment
   * (the function's own or SAM's Globals).
   */
  private boolean guardAuthenticates(JsonNode function) {
    JsonNode declared = at(function, "Metadata", "LambdaGuard", "Authentication");
    String value = textOf(declared).trim();
    if (!value.isEmpty() && !value.equalsIgnoreCase("none")) {
      return true;
    }
    return GuardAuthentication.configuredIn(at(function, "Properties", "Environment", "Variables"))
        || (textOf(Values.get(function, "Type")).equals("AWS::Serverless::Function")
            && GuardAuthentication.configuredIn(globalVariables));
  }

  private static boolean isNone(JsonNode value) {
    return value != null && value.isString() && value.stringValue().equalsIgnoreCase("NONE");
  }

  private static String textOf(JsonNode value) {
    return value != null && value.isString() ? value.stringValue() : "";
  }

  private static JsonNode at(JsonNode node, String... names) {
    JsonNode current = node;
    for (String name : names) {
      current = Values.get(current, name);
    }
    return current;
  }
}
