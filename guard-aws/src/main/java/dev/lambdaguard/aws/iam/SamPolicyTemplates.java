package dev.lambdaguard.aws.iam;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SAM policy templates that grant data-plane access to one named resource ({@code S3CrudPolicy:
 * {BucketName: orders}}). Each is linted as the statement it expands to, with the resource "*" when its
 * parameter is a wildcard (a template given {@code BucketName: "*"} grants every bucket) and a specific resource
 * otherwise. Templates not listed here are not linted.
 */
final class SamPolicyTemplates {

  /** A template: the parameter that names the resource, and the actions it grants on it. */
  record Template(String parameter, List<String> actions) {}

  static final Map<String, Template> TEMPLATES = Map.ofEntries(
      Map.entry("S3ReadPolicy", new Template("BucketName", List.of("s3:GetObject", "s3:ListBucket",
          "s3:GetBucketLocation", "s3:GetObjectVersion", "s3:GetLifecycleConfiguration"))),
      Map.entry("S3WritePolicy", new Template("BucketName", List.of("s3:PutObject", "s3:PutObjectAcl",
          "s3:PutLifecycleConfiguration"))),
      Map.entry("S3CrudPolicy", new Template("BucketName", List.of("s3:GetObject", "s3:ListBucket",
          "s3:GetBucketLocation", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl",
          "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration", "s3:DeleteObject"))),
      Map.entry("S3FullAccessPolicy", new Template("BucketName", List.of("s3:GetObject", "s3:GetObjectAcl",
          "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl", "s3:DeleteObject", "s3:ListBucket",
          "s3:GetBucketLocation"))),
      Map.entry("DynamoDBCrudPolicy", new Template("TableName", List.of("dynamodb:GetItem", "dynamodb:DeleteItem",
          "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem",
          "dynamodb:BatchGetItem", "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"))),
      Map.entry("DynamoDBReadPolicy", new Template("TableName", List.of("dynamodb:GetItem", "dynamodb:Scan",
          "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:DescribeTable"))),
      Map.entry("DynamoDBWritePolicy", new Template("TableName", List.of("dynamodb:PutItem", "dynamodb:UpdateItem",
          "dynamodb:BatchWriteItem"))),
      Map.entry("SQSSendMessagePolicy", new Template("QueueName", List.of("sqs:SendMessage*"))),
      Map.entry("SQSPollerPolicy", new Template("QueueName", List.of("sqs:ChangeMessageVisibility",
          "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"))),
      Map.entry("SNSPublishMessagePolicy", new Template("TopicName", List.of("sns:Publish"))),
      Map.entry("LambdaInvokePolicy", new Template("FunctionName", List.of("lambda:InvokeFunction"))),
      Map.entry("AWSSecretsManagerGetSecretValuePolicy", new Template("SecretArn",
          List.of("secretsmanager:GetSecretValue"))),
      Map.entry("SSMParameterReadPolicy", new Template("ParameterName", List.of("ssm:DescribeParameters",
          "ssm:GetParameters", "ssm:GetParameter", "ssm:GetParametersByPath"))),
      Map.entry("KMSDecryptPolicy", new Template("KeyId", List.of("kms:Decrypt"))));

  private SamPolicyTemplates() {}

  /**
   * The statement {@code name} with {@code parameters} expands to, or null for a template not listed. The
   * resource is "*" when the parameter is absent or only wildcards.
   */
  static ObjectNode statement(String name, JsonNode parameters) {
    Template template = TEMPLATES.get(name);
    if (template == null) {
      return null;
    }
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode statement = nodes.objectNode();
    statement.put("Effect", "Allow");
    var actions = statement.putArray("Action");
    template.actions().forEach(actions::add);
    JsonNode value = Values.get(parameters, template.parameter());
    boolean wildcard = value == null || Values.strings(value).stream().anyMatch(v -> !v.isEmpty() && v.chars()
        .allMatch(c -> c == '*'));
    statement.put("Resource", wildcard ? "*" : "arn:sam:" + name + ":" + template.parameter());
    return statement;
  }
}
