package dev.lambdaguard.aws.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command: exit status by severity, both output formats, and a file it cannot read fails the run. */
class IamLintCommandTest {

  @TempDir
  Path dir;

  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = IamLint.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void aHighFindingFailsAndTheTextNamesRulePathAndFix() throws IOException {
    Path file = write("admin.json",
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}");
    Run run = run(file.toString());
    assertEquals(1, run.status());
    assertTrue(run.out().contains("HIGH LG-IAM-001 $.Statement[0].Action"), run.out());
    assertTrue(run.out().contains("fix: "), run.out());
    assertTrue(run.out().endsWith("1 file, 1 high, 0 medium, 0 low\n"), run.out());
  }

  @Test
  void aMediumFindingPassesByDefaultAndFailsAtFailOnMedium() throws IOException {
    Path file = write("s3.yaml", "Statement:\n  - {Effect: Allow, Action: 's3:*', Resource: 'arn:aws:s3:::b/*'}\n");
    assertEquals(0, run(file.toString()).status());
    assertEquals(1, run("--fail-on", "medium", file.toString()).status());
    assertEquals(0, run("--fail-on", "never", "--format", "json", file.toString()).status());
  }

  @Test
  void jsonOutputListsEachFindingWithItsFields() throws IOException {
    Path file = write("t.yaml", "Resources:\n  U:\n    Type: AWS::Lambda::Url\n    Properties:\n"
        + "      AuthType: NONE\n      TargetFunctionArn: !GetAtt Missing.Arn\n");
    Run run = run("--format", "json", file.toString());
    assertEquals(1, run.status());
    JsonNode report = JsonMapper.builder().build().readTree(run.out());
    JsonNode finding = report.get("findings").get(0);
    assertEquals("LG-IAM-009", finding.get("rule").stringValue());
    assertEquals("high", finding.get("severity").stringValue());
    assertEquals("$.Resources.U.Properties.AuthType", finding.get("path").stringValue());
    assertEquals(file.toString(), finding.get("file").stringValue());
    assertFalse(finding.get("fix").stringValue().isEmpty());
    assertEquals(1, report.get("summary").get("high").intValue());
  }

  @Test
  void aFileThatCannotBeLintedFailsTheRunWithoutEchoingIt() throws IOException {
    Path broken = write("broken.yaml", "Resources: [unclosed-and-private\n");
    Run run = run(broken.toString());
    assertEquals(2, run.status());
    assertFalse(run.err().contains("unclosed-and-private"), run.err());
    assertEquals(2, run(dir.resolve("missing.yaml").toString()).status());
    assertEquals(2, run(write("other.json", "{\"a\": 1}").toString()).status());
  }

  @Test
  void aDirectoryStandsForTheTemplatesInIt() throws IOException {
    write("a.yaml", "Statement:\n  - {Effect: Allow, Action: 'sns:Publish', Resource: 'arn:aws:sns:eu-west-1:1:t'}\n");
    write("b.yml", "Statement:\n  - {Effect: Allow, Action: '*', Resource: '*'}\n");
    write("notes.txt", "not a template");
    Files.createDirectories(dir.resolve("layer"));
    write("layer/template.yaml", "Statement:\n  - {Effect: Allow, Action: 'iam:PassRole', Resource: '*'}\n");
    Files.createDirectories(dir.resolve("target/classes"));
    write("target/classes/copy.yaml", "Statement:\n  - {Effect: Allow, Action: '*', Resource: '*'}\n");
    Files.createDirectories(dir.resolve("src/test/resources"));
    write("src/test/resources/broad.yaml", "Statement:\n  - {Effect: Allow, Action: '*', Resource: '*'}\n");
    Run run = run(dir.toString());
    assertEquals(1, run.status());
    assertTrue(run.out().contains("b.yml: HIGH LG-IAM-001"), run.out());
    assertTrue(run.out().contains("template.yaml: HIGH LG-IAM-006"), run.out());
    assertTrue(run.out().endsWith("3 files, 2 high, 0 medium, 0 low\n"), run.out());
    assertEquals(2, run(Files.createDirectory(dir.resolve("empty")).toString()).status());
  }

  @Test
  void badArgumentsAreRefused() {
    assertEquals(2, run().status());
    assertEquals(2, run("--fail-on", "critical", "x").status());
    assertEquals(2, run("--format", "xml", "x").status());
    assertEquals(2, run("--strict", "x").status());
  }

  @Test
  void theExampleTemplatePasses() {
    Path example = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "guard-examples",
        "template.yaml");
    Path file = Files.exists(example) ? example : Path.of("..", "guard-examples", "template.yaml");
    Run run = run(file.toString());
    assertEquals(0, run.status(), run.out() + run.err());
    assertTrue(run.out().endsWith("1 file, 0 high, 0 medium, 0 low\n"), run.out());
  }
}
