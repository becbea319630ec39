package dev.lambdaguard.aws.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.events.EventJson;
import dev.lambdaguard.events.FunctionEnvironment;
import dev.lambdaguard.events.Redactor;
import dev.lambdaguard.events.SecurityEvent.PermissionsObservedEvent;
import dev.lambdaguard.permissions.ObservedPermissions.Permission;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator over logs as CloudWatch exports them, written by the real event formatter. */
class ObservedPolicyCommandTest {

  static final FunctionEnvironment FUNCTION = new FunctionEnvironment("orders", "7", "on-demand", "eu-west-1");
  static final String SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:orders/jwt-AbCdEf";
  static final String TABLE = "arn:aws:dynamodb:eu-west-1:*:table/Orders";

  @TempDir
  Path dir;

  static String event(List<Permission> permissions) {
    return new EventJson(new Redactor()).format(
        new PermissionsObservedEvent(1_700_000_000_000L, FUNCTION, permissions, 1_700_000_000_000L, 0));
  }

  String log() {
    String first = event(List.of(new Permission("secretsmanager:GetSecretValue", SECRET, 1, 0)));
    String later = event(List.of(
        new Permission("dynamodb:PutItem", TABLE, 3, 0),
        new Permission("dynamodb:UpdateItem", TABLE, 1, 1),
        new Permission("s3:GetObject", "arn:aws:s3:::invoices/*", 9, 0),
        new Permission("secretsmanager:GetSecretValue", SECRET, 2, 0)));
    return String.join("\n",
        "START RequestId: 8f0c Version: $LATEST",
        first,
        "2026-11-29T10:00:00.000Z\t8f0c\tINFO\t" + later,
        "{\"timestamp\":1764410400000,\"message\":" + dev.lambdaguard.events.JsonText.quote(later) + "}",
        "EVENTS\t3727\t1764410400100\t2026/11/29/[$LATEST]8f0c\t" + later + "\t1764410400000",
        "{\"event_type\":\"allow\",\"decision\":\"allow\"}",
        "{\"event_type\":\"permissions_observed\", broken",
        "END RequestId: 8f0c") + "\n";
  }

  record Result(int status, String out, String err) {}

  Result run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ObservedPolicy.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsTheLeastPrivilegePolicyActionsGroupedPerResourceInAStableOrder() throws Exception {
    Path file = dir.resolve("orders.log");
    Files.writeString(file, log());
    Result result = run("", "--account", "111122223333", file.toString());
    assertEquals(0, result.status(), result.err());
    assertEquals("""
        {
          "Version" : "2012-10-17",
          "Statement" : [ {
            "Sid" : "Observed1",
            "Effect" : "Allow",
            "Action" : [ "dynamodb:PutItem", "dynamodb:UpdateItem" ],
            "Resource" : [ "arn:aws:dynamodb:eu-west-1:111122223333:table/Orders" ]
          }, {
            "Sid" : "Observed2",
            "Effect" : "Allow",
            "Action" : [ "s3:GetObject" ],
            "Resource" : [ "arn:aws:s3:::invoices/*" ]
          }, {
            "Sid" : "Observed3",
            "Effect" : "Allow",
            "Action" : [ "secretsmanager:GetSecretValue" ],
            "Resource" : [ "arn:aws:secretsmanager:eu-west-1:111122223333:secret:orders/jwt-AbCdEf" ]
          } ]
        }
        """, result.out().replace("\r", ""));
    assertTrue(result.err().startsWith("4 permissions_observed events, 4 distinct permissions, 4 other lines skipped"),
        result.err());
    assertTrue(result.err().contains("DENIED while observed (needed, missing from the role): dynamodb:UpdateItem"),
        result.err());
    assertEquals(result.out(), run(log(), "--account", "111122223333").out(), "standard input, same policy");
  }

  @Test
  void resourcesThatNeedTheSameActionsShareAStatement() {
    String line = event(List.of(
        new Permission("s3:GetObject", "arn:aws:s3:::b/2", 1, 0),
        new Permission("s3:GetObject", "arn:aws:s3:::a/1", 1, 0),
        new Permission("sts:AssumeRole", "*", 1, 0)));
    String out = run(line).out();
    assertTrue(out.contains("\"Action\" : [ \"s3:GetObject\" ],\n"
        + "    \"Resource\" : [ \"arn:aws:s3:::a/1\", \"arn:aws:s3:::b/2\" ]"),
        out);
    assertTrue(out.contains("\"Resource\" : [ \"*\" ]"), out);
  }

  @Test
  void comparedWithASamTemplateItListsGrantsNeverUsedAndUsesNotGranted() throws Exception {
    Path template = dir.resolve("template.yaml");
    Files.writeString(template, """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          JwtSecretArn:
            Type: String
        Resources:
          OrdersFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: orders.Handler::handleRequest
              Policies:
                - AWSSecretsManagerGetSecretValuePolicy:
                    SecretArn: !Ref JwtSecretArn
                - DynamoDBWritePolicy:
                    TableName: Orders
                - AWSXRayDaemonWriteAccess
                - Statement:
                    - Effect: Allow
                      Action: [logs:CreateLogStream, logs:PutLogEvents]
                      Resource: !Sub arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/*
                    - Effect: Allow
                      Action: [dynamodb:PutItem, dynamodb:UpdateItem, dynamodb:DeleteItem]
                      Resource: !Sub arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/Orders
                    - Effect: Deny
                      Action: s3:*
                      Resource: '*'
        """);
    Path logFile = dir.resolve("orders.log");
    Files.writeString(logFile, log());
    Result result = run("", "--compare", template.toString(), logFile.toString());
    assertEquals(0, result.status(), result.err());
    String report = result.out();
    assertTrue(report.contains(": 5 granted permissions never used, 1 used permissions not granted"), report);
    assertTrue(report.contains("  dynamodb:DeleteItem on arn:aws:dynamodb:*:*:table/Orders    "
        + "($.Resources.OrdersFunction.Properties.Policies[3].Statement[1])"), report);
    assertTrue(report.contains("  dynamodb:BatchWriteItem on arn:*:dynamodb:*:*:table/Orders    "
        + "($.Resources.OrdersFunction.Properties.Policies[1].DynamoDBWritePolicy)"), report);
    assertTrue(report.contains("  dynamodb:PutItem on arn:*:dynamodb:*:*:table/Orders/index/*"), report);
    assertTrue(!report.contains("dynamodb:PutItem on arn:*:dynamodb:*:*:table/Orders "), "used: " + report);
    assertTrue(report.contains("Used, not granted:\n  s3:GetObject on arn:aws:s3:::invoices/*"), report);
    assertTrue(report.contains("not observable from the code), keep:\n"
        + "  logs:CreateLogStream on arn:*:logs:*:*:log-group:/aws/lambda/*"),
        report);
    assertTrue(report.contains("managed policy AWSXRayDaemonWriteAccess"), report);
    assertTrue(!report.contains("secretsmanager:GetSecretValue on"),
        "a secret only known at deploy time matches the one used");
  }

  @Test
  void aLineOverTheLimitIsReadPastNotHeldAndTheNextLineStillCounts() {
    String huge = "{\"event_type\":\"permissions_observed\",\"pad\":\"" + "x".repeat(ObservedLog.MAX_LINE) + "\"}";
    String valid = event(List.of(new Permission("secretsmanager:GetSecretValue", SECRET, 1, 0)));
    Result result = run(huge + "\r\n" + valid + "\r\n", "--account", "111122223333");
    assertEquals(0, result.status(), result.err());
    assertTrue(result.err().startsWith("1 permissions_observed events, 1 distinct permissions, 1 other lines skipped"),
        result.err());
    assertTrue(result.out().contains("secretsmanager:GetSecretValue"), result.out());
  }

  @Test
  void aLogWithoutEventsOrABadCommandLineIsRefused() {
    Result none = run("START RequestId: x\nEND RequestId: x\n");
    assertEquals(2, none.status());
    assertTrue(none.err().contains("no permissions_observed event found (2 lines skipped)"), none.err());
    assertEquals(2, run("", "--account", "12").status());
    assertEquals(2, run("", "--nope").status());
    assertEquals(2, run(log(), "--compare", dir.resolve("missing.yaml").toString()).status());
  }
}
