package dev.lambdaguard.aws.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule: one policy it must flag, with the exact path, and one close to it that it must not. */
class IamRulesTest {

  static String policy(String statements) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}";
  }

  static List<String> ids(String text) {
    return IamLinter.lint(text).stream().map(f -> f.rule().id() + " " + f.path()).toList();
  }

  @Test
  void actionStarIsFlagged() {
    assertEquals(List.of("LG-IAM-001 $.Statement[0].Action"),
        ids(policy("{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"arn:aws:s3:::orders/*\"}")));
  }

  @Test
  void actionStarInADenyIsNot() {
    assertEquals(List.of(), ids(policy("{\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\"}")));
  }

  @Test
  void aServiceWildcardIsFlaggedInAnyCase() {
    assertEquals(List.of("LG-IAM-002 $.Statement[0].Action"),
        ids(policy("{\"Effect\": \"Allow\", \"Action\": [\"DynamoDB:*\"], \"Resource\": "
            + "\"arn:aws:dynamodb:eu-west-1:123456789012:table/orders\"}")));
  }

  @Test
  void namedActionsOfTheSameServiceAreNot() {
    assertEquals(List.of(), ids(policy("{\"Effect\": \"Allow\", \"Action\": [\"dynamodb:GetItem\", "
        + "\"dynamodb:Query\"], \"Resource\": \"arn:aws:dynamodb:eu-west-1:123456789012:table/orders\"}")));
  }

  @Test
  void aDataPlaneActionOnEveryResourceIsFlaggedThroughAPartialWildcard() {
    assertEquals(List.of("LG-IAM-003 $.Statement[0].Resource"),
        ids(policy("{\"Effect\": \"Allow\", \"Action\": \"s3:Get*\", \"Resource\": \"*\"}")));
    assertEquals(List.of("LG-IAM-003 $.Statement[0].Resource"), ids(policy("{\"Effect\": \"Allow\", "
        + "\"Action\": \"secretsmanager:GetSecretValue\", \"Resource\": \"arn:aws:secretsmanager:*:*:secret:*\"}")));
  }

  @Test
  void aControlPlaneReadOnEveryResourceAndADataPlaneActionOnOneResourceAreNot() {
    assertEquals(List.of(), ids(policy("{\"Effect\": \"Allow\", \"Action\": [\"s3:ListAllMyBuckets\", "
        + "\"xray:PutTraceSegments\"], \"Resource\": \"*\"}, {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", "
        + "\"Resource\": \"arn:aws:s3:::orders-bucket/*\"}")));
  }

  @Test
  void allowWithNotActionIsFlagged() {
    assertEquals(List.of("LG-IAM-004 $.Statement[0].NotAction"),
        ids(policy("{\"Effect\": \"Allow\", \"NotAction\": [\"iam:*\", \"lambda:*\", \"glue:*\"], "
        + "\"Resource\": \"arn:aws:s3:::b\"}")));
  }

  @Test
  void denyWithNotActionIsNot() {
    assertEquals(List.of(),
        ids(policy("{\"Effect\": \"Deny\", \"NotAction\": \"s3:GetObject\", \"Resource\": \"*\"}")));
  }

  @Test
  void allowWithNotResourceIsFlagged() {
    assertEquals(List.of("LG-IAM-005 $.Statement[0].NotResource"), ids(policy("{\"Effect\": \"Allow\", "
        + "\"Action\": \"sqs:SendMessage\", \"NotResource\": \"arn:aws:sqs:eu-west-1:123456789012:admin\"}")));
  }

  @Test
  void denyWithNotResourceIsNot() {
    assertEquals(List.of(), ids(policy("{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"NotResource\": "
        + "\"arn:aws:s3:::orders/*\"}")));
  }

  @Test
  void passRoleOnEveryRoleIsFlagged() {
    assertEquals(List.of("LG-IAM-006 $.Statement[0].Resource"),
        ids(policy("{\"Effect\": \"Allow\", \"Action\": \"iam:passrole\", \"Resource\": "
            + "\"arn:aws:iam::123456789012:role/*\"}")));
  }

  @Test
  void passRoleOnOneRoleIsNot() {
    assertEquals(List.of(), ids(policy("{\"Effect\": \"Allow\", \"Action\": \"iam:PassRole\", \"Resource\": "
        + "\"arn:aws:iam::123456789012:role/orders-worker\"}")));
  }

  @Test
  void escalationCombinationsAreFlaggedAcrossStatementsOfOnePolicy() {
    List<IamFinding> findings = IamLinter.lint(policy(
        "{\"Effect\": \"Allow\", \"Action\": \"iam:PassRole\", \"Resource\": \"arn:aws:iam::123456789012:role/w\"},"
            + "{\"Effect\": \"Allow\", \"Action\": [\"lambda:CreateFunction\", \"lambda:Invoke*\"], "
            + "\"Resource\": \"arn:aws:lambda:eu-west-1:123456789012:function:x\"}"));
    assertEquals(1, findings.size());
    assertEquals(IamRule.PRIVILEGE_ESCALATION, findings.get(0).rule());
    assertEquals("$.Statement[0].Action", findings.get(0).path());
    assertEquals("iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction", findings.get(0).detail());
    assertEquals(List.of("LG-IAM-007 $.Statement[0].Action"), ids(policy("{\"Effect\": \"Allow\", \"Action\": "
        + "\"iam:CreatePolicyVersion\", \"Resource\": \"arn:aws:iam::123456789012:policy/p\"}")));
    assertEquals(List.of("LG-IAM-007 $.Statement[0].Action"), ids(policy("{\"Effect\": \"Allow\", \"Action\": "
        + "[\"iam:PutRolePolicy\"], \"Resource\": \"arn:aws:iam::123456789012:role/r\"}")));
  }

  @Test
  void halfACombinationIsNot() {
    assertEquals(List.of(), ids(policy("{\"Effect\": \"Allow\", \"Action\": [\"iam:PassRole\", "
        + "\"lambda:CreateFunction\", \"iam:GetRole\", \"lambda:GetFunction\"], "
        + "\"Resource\": \"arn:aws:iam::123456789012:role/w\"}")));
  }

  @Test
  void publicPrincipalsWithoutAConditionAreFlagged() {
    assertEquals(List.of("LG-IAM-008 $.Statement[0].Principal"), ids(policy("{\"Effect\": \"Allow\", "
        + "\"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::site/*\"}")));
    assertEquals(List.of("LG-IAM-008 $.Statement[0].Principal"), ids(policy("{\"Effect\": \"Allow\", "
        + "\"Principal\": {\"AWS\": [\"arn:aws:iam::123456789012:root\", \"*\"]}, \"Action\": \"sqs:SendMessage\", "
        + "\"Resource\": \"*\"}")));
  }

  @Test
  void aPublicPrincipalWithAConditionAndANamedPrincipalAreNot() {
    assertEquals(List.of(), ids(policy("{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, "
        + "\"Action\": \"sqs:SendMessage\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": "
        + "{\"aws:PrincipalOrgID\": \"o-abc123\"}}}, {\"Effect\": \"Allow\", \"Principal\": {\"Service\": "
        + "\"sns.amazonaws.com\"}, \"Action\": \"sqs:SendMessage\", \"Resource\": \"*\"}")));
  }

  @Test
  void theWellKnownBroadManagedPoliciesAreFlagged() {
    assertEquals(List.of("LG-IAM-001 $.Statement[0].Action"), ids(managed("AdministratorAccess")));
    assertEquals(List.of("LG-IAM-004 $.Statement[0].NotAction", "LG-IAM-007 $.Statement[0].NotAction"),
        ids(managed("PowerUserAccess")));
    assertEquals(List.of("LG-IAM-002 $.Statement[0].Action", "LG-IAM-002 $.Statement[0].Action",
        "LG-IAM-003 $.Statement[0].Resource"), ids(managed("AmazonS3FullAccess")));
  }

  static String managed(String name) {
    return ManagedPolicies.documentText(name);
  }
}
