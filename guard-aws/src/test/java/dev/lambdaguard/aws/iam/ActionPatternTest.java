package dev.lambdaguard.aws.iam;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** IAM's action matching: '*' and '?' wildcards, without regard to case. */
class ActionPatternTest {

  @Test
  void wildcardsAndCaseMatchAsIamDoes() {
    assertTrue(ActionPattern.of("s3:Get*").matches("s3:GetObject"));
    assertTrue(ActionPattern.of("S3:GETOBJECT").matches("s3:GetObject"));
    assertTrue(ActionPattern.of("iam:*Role*").matches("iam:PassRole"));
    assertTrue(ActionPattern.of("iam:Attach*Policy").matches("iam:AttachRolePolicy"));
    assertTrue(ActionPattern.of("s3:?etObject").matches("s3:GetObject"));
    assertTrue(ActionPattern.of("*").matches("kms:Decrypt"));
    assertFalse(ActionPattern.of("s3:Get*").matches("s3:PutObject"));
    assertFalse(ActionPattern.of("s3:Get*").matches("s3-object-lambda:GetObject"));
    assertFalse(ActionPattern.of("iam:PassRole").matches("iam:PassRoles"));
    assertFalse(ActionPattern.of("s3:?etObject").matches("s3:etObject"));
  }

  @Test
  void wholeServiceAndEverythingAreTold() {
    assertTrue(ActionPattern.of("s3:*").isWholeService());
    assertFalse(ActionPattern.of("s3:Get*").isWholeService());
    assertFalse(ActionPattern.of("*").isWholeService());
    assertTrue(ActionPattern.of("*:*").isEverything());
    assertTrue(ActionPattern.of(" * ").isEverything());
  }

  @Test
  void manyStarsStayLinear() {
    String pattern = "a:" + "*a".repeat(2000) + "b";
    String action = "a:" + "a".repeat(4000);
    assertFalse(ActionPattern.of(pattern).matches(action));
  }

  @Test
  void wideResourcesAreToldFromSpecificOnes() {
    assertTrue(PolicyStatements.isWide("*"));
    assertTrue(PolicyStatements.isWide("arn:aws:s3:::*"));
    assertTrue(PolicyStatements.isWide("arn:aws:s3:::*/*"));
    assertTrue(PolicyStatements.isWide("arn:aws:dynamodb:*:*:table/*"));
    assertTrue(PolicyStatements.isWide("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*"));
    assertFalse(PolicyStatements.isWide("arn:aws:s3:::orders/*"));
    assertFalse(PolicyStatements.isWide("arn:aws:logs:eu-west-1:1:log-group:/aws/lambda/*"));
    assertFalse(PolicyStatements.isWide("arn:aws:iam::123456789012:role/worker"));
    assertFalse(PolicyStatements.isWide("orders"));
  }
}
