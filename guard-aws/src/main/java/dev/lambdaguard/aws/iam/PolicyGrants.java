package dev.lambdaguard.aws.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a policy document or a SAM/CloudFormation template grants, as Allow statements with their actions and
 * resources, for comparison with what a function was seen to use. In a template: each function's {@code Policies}
 * (inline statements and the SAM policy templates {@link SamPolicyTemplates} knows), each role's inline
 * {@code Policies}, and standalone {@code AWS::IAM::Policy} / {@code ManagedPolicy} documents. A resource only known
 * at deploy time ({@code !Ref} a parameter) stands for any resource ({@code *}), and a {@code ${...}} variable of
 * {@code !Sub} for any text, so that a grant is only called unused when nothing observed could be it. Managed
 * policies referred to by name are listed as such, not expanded.
 */
final class PolicyGrants {

  /** One Allow statement (or expanded SAM policy template) at {@code path}. */
  record Granted(String path, List<String> actions, List<String> resources) {}

  final List<Granted> grants = new ArrayList<>();
  /** Managed policies and statements that cannot be compared (NotAction, NotResource), with their paths. */
  final List<String> notCompared = new ArrayList<>();

  static PolicyGrants of(JsonNode document) {
    PolicyGrants out = new PolicyGrants();
    if (document.has("Resources")) {
      out.template(document.get("Resources"));
    } else {
      out.document(document, "$");
    }
    return out;
  }

  private void template(JsonNode resources) {
    if (!resources.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> entry : resources.properties()) {
      JsonNode type = Values.get(entry.getValue(), "Type");
      JsonNode props = Values.get(entry.getValue(), "Properties");
      String path = Values.key("$.Resources", entry.getKey()) + ".Properties";
      if (type == null || !type.isString() || props == null) {
        continue;
      }
      switch (type.stringValue()) {
        case "AWS::Serverless::Function" -> function(props, path);
        case "AWS::IAM::Role" -> {
          for (Values.Item item : Values.items(Values.get(props, "Policies"), path + ".Policies")) {
            document(Values.get(item.node(), "PolicyDocument"), item.path() + ".PolicyDocument");
          }
          for (Values.Item item : Values.items(Values.get(props, "ManagedPolicyArns"), path + ".ManagedPolicyArns")) {
            notCompared.add(item.path() + ": managed policy " + String.join(", ", Values.strings(item.node())));
          }
        }
        case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" ->
            document(Values.get(props, "PolicyDocument"), path + ".PolicyDocument");
        default -> { }
      }
    }
  }

  private void function(JsonNode props, String path) {
    for (Values.Item item : Values.items(Values.get(props, "Policies"), path + ".Policies")) {
      JsonNode node = item.node();
      if (node.isObject() && node.has("Statement")) {
        document(node, item.path());
      } else if (node.isObject() && node.size() == 1 && !node.has("Ref")
          && !node.properties().iterator().next().getKey().startsWith("Fn::")) {
        String name = node.properties().iterator().next().getKey();
        SamPolicyTemplates.Template template = SamPolicyTemplates.TEMPLATES.get(name);
        if (template == null) {
          notCompared.add(Values.key(item.path(), name) + ": SAM policy template " + name + " (not expanded)");
        } else {
          List<String> arns = new ArrayList<>();
          for (String value : resources(Values.get(node.get(name), template.parameter()))) {
            arns.addAll(templateArns(template.parameter(), value));
          }
          grants.add(new Granted(Values.key(item.path(), name), template.actions(), arns));
        }
      } else {
        notCompared.add(item.path() + ": managed policy " + String.join(", ", Values.strings(node)));
      }
    }
  }

  private void document(JsonNode document, String path) {
    for (Values.Item item : Values.items(Values.get(document, "Statement"), Values.key(path, "Statement"))) {
      JsonNode s = item.node();
      JsonNode effect = Values.get(s, "Effect");
      if (effect == null || !effect.isString() || !effect.stringValue().equals("Allow")) {
        continue;
      }
      if (s.has("NotAction") || s.has("NotResource")) {
        notCompared.add(item.path() + ": an Allow with NotAction or NotResource");
        continue;
      }
      grants.add(new Granted(item.path(), Values.strings(s.get("Action")), resources(s.get("Resource"))));
    }
  }

  /**
   * The ARNs a SAM policy template grants on, from the value of its parameter: a table, bucket, queue... name
   * (or {@code *} when only known at deploy time) becomes the ARN patterns SAM expands it to.
   */
  static List<String> templateArns(String parameter, String value) {
    if (value.startsWith("arn:") || value.equals("*")) {
      return List.of(value);
    }
    return switch (parameter) {
      case "TableName" ->
          List.of("arn:*:dynamodb:*:*:table/" + value, "arn:*:dynamodb:*:*:table/" + value + "/index/*");
      case "BucketName" -> List.of("arn:*:s3:::" + value, "arn:*:s3:::" + value + "/*");
      case "QueueName" -> List.of("arn:*:sqs:*:*:" + value);
      case "TopicName" -> List.of("arn:*:sns:*:*:" + value);
      case "FunctionName" -> List.of("arn:*:lambda:*:*:function:" + value + "*");
      case "ParameterName" -> List.of("arn:*:ssm:*:*:parameter/" + value);
      case "KeyId" -> List.of("arn:*:kms:*:*:key/" + value);
      default -> List.of(value);
    };
  }

  /** The resource patterns a value may take; {@code *} when only known at deploy time. */
  private static List<String> resources(JsonNode value) {
    List<String> out = new ArrayList<>();
    for (String text : Values.strings(value)) {
      out.add(variablesAsWildcards(text));
    }
    return out.isEmpty() ? List.of("*") : out;
  }

  /** {@code arn:${AWS::Partition}:logs:...}: each {@code ${...}} may be any text. */
  static String variablesAsWildcards(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf("${", i);
      int close = open < 0 ? -1 : text.indexOf('}', open);
      if (open < 0 || close < 0) {
        out.append(text, i, text.length());
        break;
      }
      out.append(text, i, open).append('*');
      i = close + 1;
    }
    return out.toString();
  }
}
