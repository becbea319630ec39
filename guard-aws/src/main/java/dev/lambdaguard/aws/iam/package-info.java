/**
 * The IAM policy linter: finds over-broad and dangerous grants in IAM policy documents and in SAM/CloudFormation
 * templates (JSON or YAML) before they are deployed. Run as a command ({@link dev.lambdaguard.aws.iam.IamLint})
 * or as a build step; every finding has a stable rule id ({@link dev.lambdaguard.aws.iam.IamRule}), a severity,
 * the JSON path of what it is about and a suggested fix.
 *
 * <p>A build-time tool, not part of a function's runtime: it needs the optional {@code jackson-dataformat-yaml}
 * for YAML templates, which functions neither ship nor load. It reads what a template says and decides nothing at
 * deploy time: intrinsic functions it cannot resolve ({@code !Ref} to a parameter, {@code !Sub}) are taken as
 * specific values, never as wildcards, except in a function URL's target, where an unknown function fails closed.
 */
package dev.lambdaguard.aws.iam;
