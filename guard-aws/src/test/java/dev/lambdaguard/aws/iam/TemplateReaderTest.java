package dev.lambdaguard.aws.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Short-form tags become CloudFormation's long form; broken input is refused with a line number, not its text. */
class TemplateReaderTest {

  @Test
  void shortFormTagsBecomeTheirLongForm() {
    String yaml = """
        a: !Ref Bucket
        b: !GetAtt Fn.Arn
        c: !GetAtt [Fn, Arn]
        d: !Sub 'arn:${AWS::Partition}:s3:::x'
        e: !If [IsProd, !Ref A, !Ref 'AWS::NoValue']
        f: !Join ['', [a, !Ref B]]
        g: !Condition IsProd
        h: !Base64 {'Fn::Sub': x}
        i: !Custom kept
        j: 012
        """;
    assertEquals("{\"a\":{\"Ref\":\"Bucket\"},\"b\":{\"Fn::GetAtt\":[\"Fn\",\"Arn\"]},"
        + "\"c\":{\"Fn::GetAtt\":[\"Fn\",\"Arn\"]},\"d\":{\"Fn::Sub\":\"arn:${AWS::Partition}:s3:::x\"},"
        + "\"e\":{\"Fn::If\":[\"IsProd\",{\"Ref\":\"A\"},{\"Ref\":\"AWS::NoValue\"}]},"
        + "\"f\":{\"Fn::Join\":[\"\",[\"a\",{\"Ref\":\"B\"}]]},\"g\":{\"Condition\":\"IsProd\"},"
        + "\"h\":{\"Fn::Base64\":{\"Fn::Sub\":\"x\"}},\"i\":\"kept\",\"j\":\"012\"}",
        TemplateReader.read(yaml).toString());
  }

  @Test
  void jsonIsReadAsJson() {
    assertEquals("{\"Statement\":[]}", TemplateReader.read("  {\"Statement\": []}").toString());
  }

  @Test
  void brokenInputIsRefusedByLineWithoutEchoingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TemplateReader.read("Resources:\n  a: [secret-value-xyz\n"));
    assertTrue(e.getMessage().contains("line"), e.getMessage());
    assertFalse(e.getMessage().contains("secret-value-xyz"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TemplateReader.read("{\"a\": secret-value-xyz}"));
  }

  @Test
  void aliasesAndDeepNestingAreRefused() {
    IllegalArgumentException alias = assertThrows(IllegalArgumentException.class,
        () -> TemplateReader.read("a: &x {k: v}\nb: *x\n"));
    assertTrue(alias.getMessage().contains("alias"), alias.getMessage());
    String deep = "a: " + "[".repeat(TemplateReader.MAX_DEPTH + 5) + "]".repeat(TemplateReader.MAX_DEPTH + 5);
    assertThrows(IllegalArgumentException.class, () -> TemplateReader.read(deep));
  }

  @Test
  void anEmptyFileIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> TemplateReader.read(""));
  }
}
