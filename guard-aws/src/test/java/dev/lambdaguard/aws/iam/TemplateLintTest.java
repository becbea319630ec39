package dev.lambdaguard.aws.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Templates in YAML with short-form tags: every kind of resource the linter reads, flagged and clean. */
class TemplateLintTest {

  static String resource(String name) throws IOException {
    try (InputStream in = TemplateLintTest.class.getResourceAsStream("/iam/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static List<String> lines(List<IamFinding> findings) {
    return findings.stream().map(f -> f.rule().id() + " " + f.path()).toList();
  }

  @Test
  void everyProblemOfTheBroadTemplateIsFoundWhereItIs() throws IOException {
    List<IamFinding> findings = IamLinter.lint(resource("broad-function.yaml"));
    String fn = "$.Resources.OpenFunction.Properties";
    assertEquals(List.of(
        "LG-IAM-002 " + fn + ".Policies[0]",
        "LG-IAM-002 " + fn + ".Policies[0]",
        "LG-IAM-003 " + fn + ".Policies[0]",
        "LG-IAM-003 " + fn + ".Policies[1].DynamoDBCrudPolicy.Resource",
        "LG-IAM-006 " + fn + ".Policies[2].Statement[0][\"Fn::If\"][1].Resource",
        "LG-IAM-003 " + fn + ".Policies[2].Statement[1].Resource",
        "LG-IAM-009 " + fn + ".FunctionUrlConfig.AuthType",
        "LG-IAM-008 $.Resources.AdminRole.Properties.AssumeRolePolicyDocument.Statement[0].Principal",
        "LG-IAM-001 $.Resources.AdminRole.Properties.ManagedPolicyArns[0]",
        "LG-IAM-008 $.Resources.PublicInvoke.Properties.Principal",
        "LG-IAM-009 $.Resources.RawUrl.Properties.AuthType",
        "LG-IAM-008 $.Resources.PublicBucketPolicy.Properties.PolicyDocument.Statement[0].Principal",
        "LG-IAM-007 " + fn + ".Policies[2].Statement[0][\"Fn::If\"][1].Action",
        "LG-IAM-007 $.Resources.EscalatingPolicy.Properties.PolicyDocument.Statement[0].Action"),
        lines(findings));
    IamFinding escalation = findings.get(12);
    assertEquals("iam:PassRole + lambda:UpdateFunctionConfiguration", escalation.detail());
    assertTrue(findings.get(8).detail().startsWith("AdministratorAccess$.Statement[0].Action"),
        findings.get(8).detail());
  }

  @Test
  void theSameShapesDoneRightPass() throws IOException {
    assertEquals(List.of(), lines(IamLinter.lint(resource("guarded-function.yaml"))));
  }

  @Test
  void aUrlWithoutAuthenticationOnAFunctionOutsideTheTemplateFailsClosed() {
    String template = """
        Resources:
          Url:
            Type: AWS::Lambda::Url
            Properties:
              AuthType: NONE
              TargetFunctionArn: !ImportValue shared-function-arn
        """;
    List<IamFinding> findings = IamLinter.lint(template);
    assertEquals(List.of("LG-IAM-009 $.Resources.Url.Properties.AuthType"), lines(findings));
    assertTrue(findings.get(0).detail().contains("not in this template"));
  }

  @Test
  void guardAuthenticationInSamGlobalsCountsForEveryFunction() {
    String template = """
        Globals:
          Function:
            Environment:
              Variables:
                GUARD_JWT_JWKS_URL: https://issuer.example/jwks.json
                GUARD_JWT_CLOCK_SKEW: 30s
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              FunctionUrlConfig: {AuthType: NONE}
        """;
    assertEquals(List.of(), lines(IamLinter.lint(template)));
    assertEquals(List.of("LG-IAM-009 $.Resources.Fn.Properties.FunctionUrlConfig.AuthType"),
        lines(IamLinter.lint(template.replace("GUARD_JWT_JWKS_URL", "JWKS_URL"))));
    assertEquals(List.of("LG-IAM-009 $.Resources.Fn.Properties.FunctionUrlConfig.AuthType"),
        lines(IamLinter.lint(template.replace("Globals:", "Metadata:\n  LambdaGuard: {Authentication: none}\nX:"))));
  }

  @Test
  void aPolicyOnTheRoleSamCreatesForAFunctionCountsWithTheFunctionsOwnPolicies() {
    String template = """
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - Statement:
                    - {Effect: Allow, Action: 'lambda:CreateFunction', Resource: !Sub 'arn:aws:lambda:::function:x'}
          Extra:
            Type: AWS::IAM::Policy
            Properties:
              Roles: [!Ref FnRole]
              PolicyDocument:
                Statement:
                  - {Effect: Allow, Action: ['iam:PassRole', 'lambda:InvokeFunction'], Resource: !GetAtt Worker.Arn}
        """;
    List<IamFinding> findings = IamLinter.lint(template);
    assertEquals(List.of("LG-IAM-007 $.Resources.Extra.Properties.PolicyDocument.Statement[0].Action"),
        lines(findings));
    assertEquals("iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction", findings.get(0).detail());
    assertEquals(List.of(), lines(IamLinter.lint(template.replace("!Ref FnRole", "!Ref OtherRole"))));
  }

  @Test
  void theSameTemplateInJsonGivesTheSameFindings() {
    String json = """
        {"Resources": {"Fn": {"Type": "AWS::Serverless::Function", "Properties": {
          "Policies": [{"Statement": [{"Effect": "Allow", "Action": "s3:*",
            "Resource": {"Fn::Sub": "arn:${AWS::Partition}:s3:::*"}}]}]}}}}
        """;
    String yaml = """
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - Statement:
                    - {Effect: Allow, Action: 's3:*', Resource: !Sub 'arn:${AWS::Partition}:s3:::*'}
        """;
    List<String> expected = List.of("LG-IAM-002 $.Resources.Fn.Properties.Policies[0].Statement[0].Action",
        "LG-IAM-003 $.Resources.Fn.Properties.Policies[0].Statement[0].Resource");
    assertEquals(expected, lines(IamLinter.lint(json)));
    assertEquals(expected, lines(IamLinter.lint(yaml)));
  }
}
