package dev.lambdaguard.aws.permissions;

import java.util.List;
import java.util.Map;

/**
 * The IAM action an AWS API call needs. For most services that is the service's IAM prefix and the operation's
 * name ({@code dynamodb:PutItem}); the exceptions that matter for functions are listed here, from the
 * Service Authorization Reference: S3's list and multipart operations, Lambda's Invoke, and the services whose
 * signing name differs from their IAM prefix. An operation that needs no permission at all (STS
 * {@code GetCallerIdentity}) maps to no action.
 */
final class IamActions {

  /** Signing name -> IAM prefix, where they differ. */
  private static final Map<String, String> PREFIXES = Map.of(
      "monitoring", "cloudwatch",
      "email", "ses",
      "runtime.sagemaker", "sagemaker",
      "appconfigdata", "appconfig",
      "runtime.lex", "lex");

  /** "prefix:Operation" -> the actions it needs, where they are not the operation's own name. */
  private static final Map<String, List<String>> ACTIONS = Map.ofEntries(
      Map.entry("s3:ListObjects", List.of("s3:ListBucket")),
      Map.entry("s3:ListObjectsV2", List.of("s3:ListBucket")),
      Map.entry("s3:HeadBucket", List.of("s3:ListBucket")),
      Map.entry("s3:HeadObject", List.of("s3:GetObject")),
      Map.entry("s3:GetObjectAttributes", List.of("s3:GetObject", "s3:GetObjectAttributes")),
      Map.entry("s3:ListObjectVersions", List.of("s3:ListBucketVersions")),
      Map.entry("s3:DeleteObjects", List.of("s3:DeleteObject")),
      Map.entry("s3:CopyObject", List.of("s3:PutObject")),
      Map.entry("s3:CreateMultipartUpload", List.of("s3:PutObject")),
      Map.entry("s3:UploadPart", List.of("s3:PutObject")),
      Map.entry("s3:UploadPartCopy", List.of("s3:PutObject")),
      Map.entry("s3:CompleteMultipartUpload", List.of("s3:PutObject")),
      Map.entry("s3:AbortMultipartUpload", List.of("s3:AbortMultipartUpload")),
      Map.entry("s3:ListMultipartUploads", List.of("s3:ListBucketMultipartUploads")),
      Map.entry("s3:ListParts", List.of("s3:ListMultipartUploadParts")),
      Map.entry("lambda:Invoke", List.of("lambda:InvokeFunction")),
      Map.entry("lambda:InvokeAsync", List.of("lambda:InvokeFunction")),
      Map.entry("lambda:InvokeWithResponseStream", List.of("lambda:InvokeFunction")),
      Map.entry("sts:GetCallerIdentity", List.of()));

  private IamActions() {}

  /** The IAM prefix of a service, from its SigV4 signing name. */
  static String prefix(String signingName) {
    return PREFIXES.getOrDefault(signingName, signingName);
  }

  /** The actions a call of {@code operation} on the service with IAM prefix {@code prefix} needs. */
  static List<String> of(String prefix, String operation) {
    String action = prefix + ":" + operation;
    List<String> mapped = ACTIONS.get(action);
    return mapped != null ? mapped : List.of(action);
  }
}
