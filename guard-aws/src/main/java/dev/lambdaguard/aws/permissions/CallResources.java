package dev.lambdaguard.aws.permissions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * The resources an API call names, as the ARNs an IAM policy grants them by, read from the request's modelled
 * fields (the SDK's {@code getValueForField}, so no service's model classes are needed here):
 * <ul>
 *   <li>Secrets Manager: {@code SecretId}, an ARN as given, or a name as {@code secret:NAME-??????} (the six
 *       characters Secrets Manager appends); the ARN the answer carries when the call succeeded;
 *   <li>S3: {@code Bucket} and {@code Key}, as {@code arn:aws:s3:::bucket/key} or {@code arn:aws:s3:::bucket};
 *   <li>DynamoDB: {@code TableName} (and {@code IndexName}), or the tables of {@code RequestItems} for batch
 *       calls, as {@code table/NAME};
 *   <li>SSM Parameter Store: {@code Name}, {@code Names} or {@code Path}, as {@code parameter/NAME};
 *   <li>SQS {@code QueueUrl}, SNS {@code TopicArn}, Lambda {@code FunctionName}, KMS {@code KeyId} given as an ARN.
 * </ul>
 * Anything else names no resource ({@code *}). Each resource comes with a broader one that covers it (a bucket's
 * objects, an account's tables), which the bounded recorder uses when it has no room for the exact one. Region and
 * account come from the call; an account the SDK does not know is {@code *}.
 */
final class CallResources {

  /** A resource ARN and a broader ARN that covers it (or null). */
  record Resource(String arn, String broader) {}

  /** ARNs longer than this are kept as their broader form, so that an event never cuts one. */
  static final int MAX_ARN_LENGTH = 200;

  private CallResources() {}

  static List<Resource> of(String prefix, String operation, SdkRequest request, SdkResponse response,
      String region, String account) {
    String partition = partition(region);
    String regionPart = region == null ? "*" : region;
    String accountPart = account == null ? "*" : account;
    String base = ":" + prefix + ":" + regionPart + ":" + accountPart + ":";
    List<Resource> out = new ArrayList<>(1);
    switch (prefix) {
      case "secretsmanager" -> {
        String id = field(request, "SecretId");
        String answered = response == null ? null : field(response, "ARN");
        if (answered != null && answered.startsWith("arn:")) {
          add(out, answered, broaderSecret(answered));
        } else if (id != null) {
          String arn = id.startsWith("arn:") ? id : "arn:" + partition + base + "secret:" + id + "-??????";
          add(out, arn, broaderSecret(arn));
        }
      }
      case "s3" -> {
        String bucket = field(request, "Bucket");
        String key = field(request, "Key");
        if (bucket != null) {
          String bucketArn = "arn:" + partition + ":s3:::" + bucket;
          add(out, key == null ? bucketArn : bucketArn + "/" + key, key == null ? null : bucketArn + "/*");
        }
      }
      case "dynamodb" -> {
        String tables = "arn:" + partition + base + "table/*";
        String table = field(request, "TableName");
        if (table != null) {
          String tableArn = table.startsWith("arn:") ? table : "arn:" + partition + base + "table/" + table;
          String index = field(request, "IndexName");
          add(out, index == null ? tableArn : tableArn + "/index/" + index,
              index == null ? tables : tableArn + "/index/*");
        }
        Map<?, ?> items = request.getValueForField("RequestItems", Map.class).orElse(Map.of());
        for (Object name : items.keySet()) {
          String t = String.valueOf(name);
          add(out, t.startsWith("arn:") ? t : "arn:" + partition + base + "table/" + t, tables);
        }
      }
      case "ssm" -> {
        List<?> names = request.getValueForField("Names", List.class).orElse(List.of());
        String single = field(request, "Name");
        String path = field(request, "Path");
        List<Object> all = new ArrayList<>(names);
        if (single != null) {
          all.add(single);
        }
        if (path != null) {
          all.add(path);
        }
        for (Object name : all) {
          String n = String.valueOf(name);
          add(out, n.startsWith("arn:") ? n
              : "arn:" + partition + base + "parameter/" + (n.startsWith("/") ? n.substring(1) : n),
              "arn:" + partition + base + "parameter/*");
        }
      }
      case "sqs" -> {
        String url = field(request, "QueueUrl");
        if (url != null) {
          // https://sqs.REGION.amazonaws.com/ACCOUNT/NAME: the URL names the account.
          String[] parts = url.split("/");
          if (parts.length >= 2) {
            add(out, "arn:" + partition + ":sqs:" + regionPart + ":" + parts[parts.length - 2] + ":"
                + parts[parts.length - 1], null);
          }
        }
      }
      case "sns" -> arnField(out, request, "TopicArn");
      case "kms" -> arnField(out, request, "KeyId");
      case "lambda" -> {
        String function = field(request, "FunctionName");
        if (function != null) {
          add(out, function.startsWith("arn:") ? function : "arn:" + partition + base + "function:" + function, null);
        }
      }
      default -> { }
    }
    return out;
  }

  private static void arnField(List<Resource> out, SdkRequest request, String name) {
    String value = field(request, name);
    if (value != null && value.startsWith("arn:")) {
      add(out, value, null);
    }
  }

  /**
   * An ARN longer than {@value #MAX_ARN_LENGTH} characters (names the caller may have chosen) is kept as its broader
   * form, or as {@code *} when it has none: the record lives as long as the environment, so no entry is unbounded.
   */
  private static void add(List<Resource> out, String arn, String broader) {
    if (arn.length() <= MAX_ARN_LENGTH) {
      out.add(new Resource(arn, broader));
    } else {
      out.add(new Resource(broader != null && broader.length() <= MAX_ARN_LENGTH ? broader : "*", null));
    }
  }

  /** Every secret of the ARN's region and account. */
  private static String broaderSecret(String arn) {
    int secret = arn.indexOf(":secret:");
    return secret < 0 ? null : arn.substring(0, secret) + ":secret:*";
  }

  private static String field(SdkRequest request, String name) {
    return nonEmpty(request.getValueForField(name, String.class));
  }

  private static String field(SdkResponse response, String name) {
    return nonEmpty(response.getValueForField(name, String.class));
  }

  private static String nonEmpty(Optional<String> value) {
    return value.filter(v -> !v.isEmpty()).orElse(null);
  }

  /** The ARN partition of a region. */
  static String partition(String region) {
    if (region == null) {
      return "aws";
    }
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    if (region.startsWith("us-gov-")) {
      return "aws-us-gov";
    }
    if (region.startsWith("us-isob-")) {
      return "aws-iso-b";
    }
    if (region.startsWith("us-iso-")) {
      return "aws-iso";
    }
    if (region.startsWith("eusc-")) {
      return "aws-eusc";
    }
    return "aws";
  }
}
