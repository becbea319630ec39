package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lambdaguard.input.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MongoDB operators in key position and JavaScript in server-side query strings; prices and prose are not. */
class NoSqlDetectorTest {

  private final NoSqlDetector detector = new NoSqlDetector();

  private Detection detect(String value) {
    return detector.detect(Normalized.of(value));
  }

  private void assertRule(String rule, String value) {
    Detection d = detect(value);
    assertNotNull(d, value);
    assertEquals(Category.NOSQLI, d.category());
    assertEquals(rule, d.ruleId(), value);
  }

  @Test
  void theDetectorIsForNoSqlInjection() {
    assertEquals(Category.NOSQLI, detector.category());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"$gt\": \"\"}", "{\"$sample\": {\"size\": 1}}", "{ $ne: 1 }",
      "{\"username\": {\"$ne\": null}, \"password\": {\"$ne\": null}}",
      "{'$where': 'sleep(100)'}", "{\"$or\": [{}, {\"a\": 1}]}", "$where: '1 == 1'", "true, $where: '1 == 1'",
      "{\"tags\": {\"$elemMatch\": {\"x\": 1}}}", "{\"$expr\": {\"$function\": {\"body\": \"\"}}}",
      "' } ], $comment:'injected'", "{\"name\": {\"$regex\": \"^adm\"}}"})
  void operatorsAsObjectKeysAreOperatorInjection(String value) {
    assertRule(NoSqlDetector.OPERATOR, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "username[$ne]=x&password[$ne]=x", "login[$regex]=a.*", "login[$nin][]=admin&login[$nin][]=test",
      "filter[$exists]=true", "[$ne]=1", "user[name][$gt]="})
  void operatorsAsFormBracketKeysAreOperatorInjection(String value) {
    assertRule(NoSqlDetector.OPERATOR, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"$ne", "$where", " $regex ", "\"$gt\"", "$elemMatch", "$NIN", "$accumulator"})
  void anOperatorAloneIsAJsonKeyHandedOverOnItsOwn(String value) {
    assertRule(NoSqlDetector.OPERATOR, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "username%5B%24ne%5D=x", "%7B%22%24gt%22%3A%22%22%7D", "%255B%2524ne%255D=1", "{\"\\u0024ne\": 1}",
      "a[&#36;ne]=1", "{\"\\u0024where\": \"1\"}"})
  void encodedOperatorsAreRecognisedOnceDecoded(String value) {
    assertRule(NoSqlDetector.OPERATOR, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "'; return true; var x='", "';sleep(5000);'", "\";return(true);var xyz='a", "0;return true",
      "1; while(true){}", "'; var d = new Date(); do {} while (1)",
      "';it=new Date();do{pt=new Date();}while(pt-it<5000);", "';return 'a'=='a' && ''=='",
      "'%3Breturn%20true%3B%27", "db.injection.insert({success:1});return 1;",
      "{\"username\": \"admin'; return true; var x='\"}", "a=1&b='; sleep(100); '"})
  void aClosedStringFollowedByAStatementIsJavaScriptInjection(String value) {
    assertRule(NoSqlDetector.JS, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "' && this.password.match(/.*/)//+%00", "'%20%26%26%20this.password.match(/.*/)//+%00", "|| 1==1",
      "admin' || 'a'=='a", "' || ''=='", "\" || \"1\"===\"1", "x' && 1 == 1 && 'y"})
  void logicalBreakoutsAndTautologiesAreJavaScriptInjection(String value) {
    assertRule(NoSqlDetector.JS, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "db.users.insert({a:1})", "db.getCollectionNames()", "db.stores.mapReduce(function() { emit(1,1) })",
      "this.password.match(/^a/)"})
  void mongoShellCallsAndFieldProbesAreJavaScriptInjection(String value) {
    assertRule(NoSqlDetector.JS, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "$5", "$19.99", "Price: $1,299 (was $1,499)", "R$ 59,90", "3 x $4.50 = $13.50", "~$budget.xlsx",
      "use the $regex operator to match", "console.log(`Total: ${total}`);", "regex: ^[A-Z]{2}\\d{4}$",
      "$type", "{\"$type\": \"Shop.Order, Shop\"}", "$search", "$schema", "{\"$ref\": \"#/defs/a\"}",
      "?$filter=Price lt 10&$top=5", "US$in stock", "a;b;c;d", "Tom & Jerry", "price < $50 & rating > 4",
      "if (user != null && user.isActive()) { greet(user); }", "if (a || b) return x;",
      "function f() { x++; return x; }", "It's 'ok'; return it by Friday", "He said 'yes'; let me know",
      "'Hello'; world", "Lunch at 12; back at 1", "db.example.com", "see db.json for the data", "I like this.",
      "x == y || y == z", "Rock & roll || jazz", "1 == 1 is always true",
      "import { sep } from 'node:path'; console.log(sep);", "title += '; filename=\"%s\"' % value[0]",
      "{\"$comment\": \"schema note\"}", "$comment", "{\"_id\": {\"$oid\": \"5f1d7a\"}}",
      "x = 'a' && this.enabled()", "[1, 2], $total: 3"})
  void pricesProseAndCodeAreNotNoSqlInjection(String value) {
    assertNull(detect(value), value);
  }

  @Test
  void anOperatorAfterARunOfBareDollarsIsStillFound() {
    // Dollars without a name are stepped over by reading the text directly: an operator at any distance after
    // them, inside the run's look-ahead window or past it, is still read.
    for (int run = 0; run < 80; run++) {
      assertRule(NoSqlDetector.OPERATOR, "${".repeat(run) + " {\"$ne\": null}");
      assertRule(NoSqlDetector.OPERATOR, "{\"a\": 1, " + "$".repeat(run) + " \"$where\": \"sleep(1)\"}");
    }
    assertNull(detect("${".repeat(1000)));
  }

  @Test
  void withoutAColonOrABracketOnlyAnOperatorAloneCounts() {
    // No key can follow an operator in such a value: only the first dollar is looked at, as the whole value.
    assertRule(NoSqlDetector.OPERATOR, "  '$ne'  ");
    assertRule(NoSqlDetector.OPERATOR, "\\u0024where");
    assertNull(detect("${a}".repeat(1000) + "$ne"));
    assertNull(detect("x $ne"));
    assertRule(NoSqlDetector.OPERATOR, "${a}".repeat(1000) + "{\"$ne\": 1}");
    assertRule(NoSqlDetector.OPERATOR, "${a}".repeat(1000) + "a[$ne]=1");
  }

  @Test
  void aReturnAfterASemicolonIsReadWithoutAnyParenthesisBraceOrEquals() {
    assertRule(NoSqlDetector.JS, "admin'; return true; '");
    assertRule(NoSqlDetector.JS, ";cat x".repeat(1000) + "&b='; return 1");
    assertNull(detect(";cat 'x".repeat(1000)));
  }

  @Test
  void anEscapedDollarIsFoundInEitherCaseAmongOtherEscapes() {
    assertRule(NoSqlDetector.OPERATOR, "\\\\n".repeat(1000) + "{\"\\U0024ne\": 1}");
    assertRule(NoSqlDetector.OPERATOR, "{\"a0024\": 1, \"\\u0024gt\": \"\"}");
  }

  @Test
  void aMegabyteOfNearMissesCompletes() {
    String[] nearMisses = {"[$nex]", "'; x'", "' || 1==2 ", "this.a.match(x)", "db.x.y(", "$5 ", "\\u0024x ", "a=b;",
        "a=b&", "a.b(", "{\"$gtx\":", "$where"};
    for (String nearMiss : nearMisses) {
      String value = nearMiss.repeat(1_000_000 / nearMiss.length());
      assertNull(detect(value), nearMiss);
    }
  }

  @Test
  void aStatementAfterAHundredKilobytesOfAssignmentsIsFound() {
    // each a=b; is a statement after a semicolon with no quote before it: only the one that closes a string counts
    String flood = "a=b;".repeat(100_000 / 4);
    assertRule(NoSqlDetector.JS, flood + "&u=admin'; return true; var x='");
    assertRule(NoSqlDetector.JS, flood + "&u='; sleep(5000); '");
    assertRule(NoSqlDetector.JS, "0;return true;" + flood);
  }
}
