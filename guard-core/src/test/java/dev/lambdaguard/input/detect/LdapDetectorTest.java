package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lambdaguard.input.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values that break out of an LDAP filter or an XPath predicate; emoticons, maths and prose do not. */
class LdapDetectorTest {

  private final LdapDetector detector = new LdapDetector();

  private Detection detect(String value) {
    return detector.detect(Normalized.of(value));
  }

  private void assertRule(String rule, String value) {
    Detection d = detect(value);
    assertNotNull(d, value);
    assertEquals(Category.LDAP, d.category());
    assertEquals(rule, d.ruleId(), value);
  }

  @Test
  void theDetectorIsForLdapInjection() {
    assertEquals(Category.LDAP, detector.category());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "*)(&", "*)(uid=*))(|(uid=*", "admin)(!(&(1=0", "admin*)((|userPassword=*)", ")(cn=))\\x00",
      "x)(|(objectClass=*)", "admin)(&)", "*(|(mail=*))", "(&(uid=*)(userPassword=*))", "admin))(|(|",
      "jdoe)(uid~=j*", "%2A%28%7C%28mail%3D%2A%29%29", "*)(%26", "userPassword=*)", "admin*)"})
  void closingTheFilterAndOpeningAnotherIsABreakout(String value) {
    assertRule(LdapDetector.BREAKOUT, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"*))%00", "admin)%00", "admin%29%00trailing", "admin)\u0000"})
  void aNulAfterAClosingParenthesisTruncatesTheFilter(String value) {
    assertRule(LdapDetector.BREAKOUT, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"q))", "admin))", "x*))"})
  void aSingleWordClosingTwoFiltersItNeverOpenedIsABreakout(String value) {
    assertRule(LdapDetector.BREAKOUT, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "(objectClass=*", "(userPassword=*)", "*|", "@*", "//*", "*()|&'", "*()|%26'", "%2A%7C", "admin*", "j.doe*"})
  void presenceWildcardsAndMetacharacterOnlyValuesAreWildcardInjection(String value) {
    assertRule(LdapDetector.WILDCARD, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "x' or name()='username' or 'x'='y", "' or count(/*)=1 or '", "' and string-length(name(.))=4 and '1'='1",
      "admin' and substring(password/text(),1,1)='7", "'] | //* | //*['", "']|//*|//*['",
      "\" or contains(name(), \"adm\") or \""})
  void xpathClausesAfterAClosedQuoteAreXpathInjection(String value) {
    assertRule(LdapDetector.XPATH, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      ":-)", ":)", "Thanks :))", "(see above)", "a*b", "(a)(b)", "5*3=15", "(a + b) * (a - b) = a^2 - b^2",
      "Section 3(b)(ii)", "Art. 6(1)(f) GDPR", "f(x) = (x+1)(x-1)", "*/*", "text/html,application/xml;q=0.9,*/*;q=0.8",
      "**bold** and _italic_", "***", "* apples\n* oranges", "*Disclaimer: not financial advice.*",
      "./gradlew test --tests '*OrderServiceTest'", "func (s *Server) Start() error", "x = *ptr;", "int *p = &x;",
      "O'Brien or Smith", "pick 'A' or name(s) later", "Rock 'n' roll or jazz (live)", "Спасибо))",
      "thanks so much))", "1) first 2) second", "**/*.java", "/**", "(!)", "a | b", "x || y", "***Note***",
      "50% (approx.)", "SELECT name FROM t WHERE a = (b)", "2*(3+4)=14", "safe.directory=*", "/*", "*/", "*(",
      ")*", "(*)", "'/*", "(.*)(foo)", "(?:\\.(?P<fraction>[0-9]*))?", "r'(>|<>)(!|err)'", "([;#]|//).*?",
      "if (!(this instanceof MyWritable))", "double (*)(const int32_t a, int b)", "objectClass=*",
      "case $1 in\n  start) run;;\n  *) echo usage;;\nesac"})
  void emoticonsMathsAndProseAreNotLdapInjection(String value) {
    assertNull(detect(value), value);
  }

  @Test
  void aMegabyteOfNearMissesCompletes() {
    String[] nearMisses = {"(a)(b)", ")( ", "(|x", "=*x", "' or x ", "' or name(s) ", "| /", "a)", ")a(", "=a*",
        "(=*)", ")(", "(&("};
    for (String nearMiss : nearMisses) {
      String value = nearMiss.repeat(1_000_000 / nearMiss.length());
      assertNull(detect(value), nearMiss);
    }
  }

  @Test
  void aMegabyteOfWildcardsClosingFiltersKeepsItsVerdict() {
    for (String unit : new String[] {"*)(", "*)(a", "*)", "a*)("}) {
      assertEquals(75, detect(unit.repeat(1_000_000 / unit.length())).score(), unit);
    }
  }

  @Test
  void aBreakoutAfterAHundredKilobytesOfNearMissesIsFound() {
    int size = 100_000;
    assertEquals(85, detect("*)(".repeat(size / 3) + ")(|(cn=*))").score());
    assertEquals(85, detect(")a(".repeat(size / 3) + "*)(uid=*))(|(uid=*").score());
    assertEquals(85, detect("*)(|".repeat(size / 4)).score());
    assertEquals(85, detect("(=*)".repeat(size / 4) + "*)(|(objectClass=*").score());
    assertRule(LdapDetector.BREAKOUT, "=a*".repeat(size / 3) + "userPassword=*)");
    assertRule(LdapDetector.BREAKOUT, "*)".repeat(size / 2) + ")(cn=admin");
  }

  @Test
  void anXpathClauseAfterAHundredKilobytesOfBarsOrQuotesIsFound() {
    // bars and quotes are found near one another without a search each; the one that matters is still read
    int size = 100_000;
    String letters = " abcdefghijklmnopqrstuvwxyz";
    for (String unit : new String[] {"|", "||", "'", "\"", "(|", "(&"}) {
      String flood = unit.repeat(size / unit.length()) + letters;
      assertNull(detect(flood), unit);
      assertRule(LdapDetector.XPATH, flood + "'] | //user/*");
      assertRule(LdapDetector.XPATH, flood + "x' or name()='admin");
      assertRule(LdapDetector.BREAKOUT, flood + "(|(mail=*))");
    }
  }
}
