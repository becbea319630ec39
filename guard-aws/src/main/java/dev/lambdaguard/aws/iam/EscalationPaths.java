package dev.lambdaguard.aws.iam;

import java.util.ArrayList;
import java.util.List;

/**
 * Sets of actions that, granted together to one principal, let it raise its own permissions: the published
 * IAM privilege-escalation methods (Rhino Security Labs' list, the basis of most IAM scanners). A set is found
 * when every action in it is allowed by some Allow statement of the same principal, on any resource: scoping
 * such actions to a resource rarely removes the path, since the resource is itself a role or a policy.
 */
final class EscalationPaths {

  /** Each path: the actions that must all be granted. */
  static final List<List<String>> PATHS = List.of(
      List.of("iam:CreatePolicyVersion"),
      List.of("iam:SetDefaultPolicyVersion"),
      List.of("iam:AttachRolePolicy"),
      List.of("iam:AttachUserPolicy"),
      List.of("iam:AttachGroupPolicy"),
      List.of("iam:PutRolePolicy"),
      List.of("iam:PutUserPolicy"),
      List.of("iam:PutGroupPolicy"),
      List.of("iam:AddUserToGroup"),
      List.of("iam:CreateAccessKey"),
      List.of("iam:CreateLoginProfile"),
      List.of("iam:UpdateLoginProfile"),
      List.of("iam:UpdateAssumeRolePolicy", "sts:AssumeRole"),
      // Replaces the code of a function that runs with another (often stronger) role; with iam:PassRole too,
      // it can also move any passable role onto it.
      List.of("lambda:UpdateFunctionCode"),
      List.of("iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"),
      List.of("iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"),
      List.of("iam:PassRole", "lambda:UpdateFunctionConfiguration"),
      List.of("iam:PassRole", "ec2:RunInstances"),
      List.of("iam:PassRole", "cloudformation:CreateStack"),
      List.of("iam:PassRole", "glue:CreateDevEndpoint"),
      List.of("glue:UpdateDevEndpoint"),
      List.of("iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"),
      List.of("iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"),
      List.of("iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask"),
      List.of("iam:PassRole", "sagemaker:CreateNotebookInstance"));

  private static final int MAX_NAMED = 4;

  private EscalationPaths() {}

  /**
   * The escalation finding for one principal's grants, naming every path found (one finding per principal).
   * None when a grant already allows everything: that is
   * reported as {@link IamRule#FULL_WILDCARD_ACTION}, and an administrator has nothing to escalate to.
   */
  static List<IamFinding> find(List<Grant> grants) {
    for (Grant grant : grants) {
      if (grant.everything()) {
        return List.of();
      }
    }
    List<String> found = new ArrayList<>();
    Grant firstGrant = null;
    for (List<String> path : PATHS) {
      Grant first = null;
      boolean all = true;
      for (String action : path) {
        Grant granting = granting(grants, action);
        if (granting == null) {
          all = false;
          break;
        }
        if (first == null) {
          first = granting;
        }
      }
      if (all) {
        found.add(String.join(" + ", path));
        firstGrant = firstGrant == null ? first : firstGrant;
      }
    }
    if (found.isEmpty()) {
      return List.of();
    }
    String detail = found.size() <= MAX_NAMED ? String.join("; ", found)
        : String.join("; ", found.subList(0, MAX_NAMED)) + " and " + (found.size() - MAX_NAMED) + " more";
    return List.of(new IamFinding(IamRule.PRIVILEGE_ESCALATION, firstGrant.path(), detail));
  }

  private static Grant granting(List<Grant> grants, String action) {
    for (Grant grant : grants) {
      if (grant.allows(action)) {
        return grant;
      }
    }
    return null;
  }
}
