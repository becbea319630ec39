package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lambdaguard.input.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Server-side template injection: expressions that compute or reach the runtime pass no template delimiter. */
class SstiDetectorTest {

  private final SstiDetector detector = new SstiDetector();

  private Detection detect(String value) {
    return detector.detect(Normalized.of(value));
  }

  private void assertRule(String ruleId, String value) {
    Detection d = detect(value);
    assertNotNull(d, () -> "not detected: " + value);
    assertEquals(Category.SSTI, d.category());
    assertEquals(ruleId, d.ruleId(), () -> "rule for: " + value);
  }

  @Test
  void isTheSstiCategory() {
    assertEquals(Category.SSTI, detector.category());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{{7*7}}", "{{ 7 * 7 }}", "{{7*'7'}}", "${7*7}", "#{3*3}", "*{7*7}", "[=3*3]", "@(6+1)", "<%= 7 * 7 %>",
    "${{7*7}}", "%{1+1}", "{{ value|length }}", "hello {{ name|upper }}", "{{ 'a' }}", "{{= it.x }}",
    "${= _x}", "{{x=1}}", "{{ format(x) }}", "${9?lower_abc}", "${((char)105).toString()}", "{{1 if 1 else 2}}",
    "{{4+4}}[[5*5]]", "{{%7B7*7%7D}}", "%7B%7B7*7%7D%7D", "a{*comment*}b", "@{ var x = 7*7; }"
  })
  void computationInsideTemplateDelimitersIsDetected(String value) {
    assertRule("ssti.expression", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{{ ''.__class__.__mro__[1].__subclasses__() }}", "{{ [].class.base.subclasses() }}", "{{ config }}",
    "{{self}}", "{{ request }}", "{{ settings.SECRET_KEY }}", "{{ get_flashed_messages.__globals__ }}",
    "{{ constructor.constructor('return 1')() }}", "{{ ''.join(['a']) }}", "${2.class}",
    "${request.getSession()}", "${self.module.cache.util.os}", "{$smarty.version}",
    "x.__class__.__base__", "f.__globals__", "<%= _.VERSION %>", "{{ _self }}", "${applicationScope}",
    "${sessionScope}", "#{pageContext}", "${requestScope.secret}"
  })
  void walkingTheObjectGraphIsDetected(String value) {
    assertRule("ssti.object-chain", value);
  }
  @Test
  void aCallInASmartyConditionRunsWhenTheTemplateRenders() {
    assertRule("ssti.expression", "{if phpinfo()}{/if}");
    assertRule("ssti.command-exec", "{if system('id')}{/if}");
    assertNull(detect("{if you like} call me"));
  }


  @ParameterizedTest
  @ValueSource(strings = {
    "${T(java.lang.System).getenv()}", "*{T(org.apache.commons.io.IOUtils)}", "T(java.lang.Runtime)",
    "${''.getClass().forName('java.lang.Runtime')}", "<#assign ex=\"freemarker.template.utility.Execute\"?new()>",
    "${\"freemarker.template.utility.Execute\"?new()(\"id\")}", "#{\"\".class.forName(\"java.lang.Runtime\")}",
    "#set($rt=$x.class.forName('java.lang.Runtime'))", "${new java.util.Scanner(x)}",
    "${product.getClass().getProtectionDomain()}"
  })
  void javaReflectionAndRuntimeClassesAreDetected(String value) {
    assertRule("ssti.java-runtime", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}", "{{ os.system('id') }}", "{{['id']|filter('system')}}",
    "{{['id']|map('passthru')|join}}", "{{_self.env.registerUndefinedFilterCallback(\"exec\")}}",
    "${self.module.runtime.util.os.system(\"id\")}", "<%= `ls /` %>", "<%= system('id') %>", "#{ %x(id) }",
    "#{root.process.mainModule.require('child_process').spawnSync('id')}", "{php}echo `id`;{/php}",
    "{system('ls')}", "{{ x.__init__.__globals__['__builtins__']['__import__']('os') }}",
    "${T(java.lang.Runtime).getRuntime().exec('id')}"
  })
  void reachingACommandRunnerIsDetected(String value) {
    assertRule("ssti.command-exec", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{% debug %}", "{% for x in y %}{% endfor %}", "{%- set a = 1 -%}", "{{#with \"s\" as |string|}}", "{{/each}}",
    "#set($x = 1)", "#foreach($i in $list)", "<#assign", "[#assign x = 1]", "<%@ page import=\"java.io.*\" %>",
    "{/php}", "{% csrf_token %} # note"
  })
  void templateDirectivesAreDetected(String value) {
    assertRule("ssti.directive", value);
  }

  @Test
  void aProbeWithTheDelimitersOfSeveralEnginesIsDetected() {
    assertRule("ssti.polyglot", "${{<%[%'\"}}%\\.");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "Hello {{first_name}}, your order {{order.id}} has shipped!", "Hi {{ user.name }}", "{{ variable }}",
    "{{this}}", "{{> header}}", "{{!-- comment --}}", "Total: ${total}", "Price: ${price} USD", "$5", "${x}",
    "console.log(`Total: ${total}`);", "`Hello ${user.name}, ${count} items`", "`${user.getName()}`",
    "`${items.map(x => x.name).join(', ')}`", "`${a ? b : c}`", "`${process.env.NODE_ENV}`",
    "`${namespace.name}`", "`${obj.constructor.name}`", "`${application.id}`", "{{ messages.0.text }}",
    "{{ user.address.city }}",
    "${HOME}/projects", "${env:USERPROFILE}", "${jndi:ldap://x/a}", "${sys:user.name}",
    "@GetMapping(\"/orders/{id}\")", "regex: ^[A-Z]{2}\\d{4}$", "x = {'a': 1, 'b': 2}",
    "{\"size\": \"M\", \"qty\": 2}", "{\"items\":[{\"sku\":\"AB-12\",\"qty\":1}]}", "val names = users.map { it.name }",
    "if (user != null && user.isActive()) { greet(user); }", "match x { Some(v) => v, None => 0 }",
    "std::vector<int> v{1, 2, 3};", "Map<String, List<Integer>> byDay = new HashMap<>();", "#include <stdio.h>",
    "#if (DEBUG)", "Use {braces} for sets like {1, 2, 3}", "The formula is {x | x > 0}", "5 * {7} = 35",
    "def __init__(self):", "print(obj.__class__.__name__)", "email me at a@b.com (work)", "- [x] write tests",
    "Footnote here[^1].", "#hashtag #summer", "<#>", "~$budget.xlsx", "100% <b>bold</b>", "<%", "{%"
  })
  void placeholdersAndLegitimateTextPass(String value) {
    assertNull(detect(value), () -> "flagged: " + value);
  }

  @Test
  void anUnclosedExpressionWithNamesOrStringsIsStillRead() {
    // An unclosed ${ without any name or string is skipped by the tokenizer; with one, it is read as before.
    assertEquals("ssti.command-exec", detect("${T(java.lang.Runtime).getRuntime().exec('id')").ruleId());
    assertEquals("ssti.java-runtime", detect("${\"java.lang.Runtime\"").ruleId());
    assertEquals("ssti.command-exec", detect("${${${${${x.popen('id')").ruleId());
    assertEquals("ssti.java-runtime", detect("${${${${".repeat(300) + "${T(java.lang.Runtime)}").ruleId());
    assertNull(detect("${${${${".repeat(300)));
    // the bracket matcher's note of a name or a string stands for the tokenizer's own check: a quote, a backquote
    // or a name after any run of punctuation still has the stretch read
    assertEquals("ssti.java-runtime", detect("${((((,,,,\"java.lang.Runtime\"").ruleId());
    assertEquals("ssti.command-exec", detect("${((((" + "-".repeat(900) + "x.exec(1)").ruleId());
  }

  @Test
  void namesAndStringLiteralsCountInAnyCase() {
    // The tokenizer looks names up in the text itself, folding ASCII case: every list still matches any casing.
    assertEquals("ssti.command-exec", detect("{{ x|filter('SYSTEM') }}").ruleId());
    assertEquals("ssti.command-exec", detect("{{ OS.POPEN('id') }}").ruleId());
    assertEquals("ssti.command-exec", detect("${x.EXEC('id')}").ruleId());
    assertEquals("ssti.object-chain", detect("{{ ''.__CLASS__.__MRO__[1] }}").ruleId());
    assertEquals("ssti.object-chain", detect("{{ SELF }}").ruleId());
    assertEquals("ssti.expression", detect("{{ 7 AND 8 }}").ruleId());
    assertEquals("ssti.expression", detect("{{ CHR(65) }}").ruleId());
    assertEquals("ssti.java-runtime", detect("{{ 'utility.Execute' }}").ruleId());
    // A string literal is read up to its closing quote only: an unterminated 'jav is no java. prefix.
    assertEquals("ssti.java-runtime", detect("${'java.'").ruleId());
    assertNull(detect("${'jav"));
  }

  @Test
  void aScanThatStepsOverANameStillSeesWhatTheNameIsNextTo() {
    // {{ name }}, ${name} and {name} are judged at once and the scan goes on after them: what they hold or touch
    // still counts
    assertEquals("ssti.command-exec", detect("{{php}}echo 1;").ruleId());
    assertEquals("ssti.command-exec", detect("{{{php}}}").ruleId());
    assertEquals("ssti.command-exec", detect("#{php}").ruleId());
    assertEquals("ssti.command-exec", detect("${popen}").ruleId());
    assertEquals("ssti.command-exec", detect("${7getRuntime}").ruleId());
    assertEquals("ssti.java-runtime", detect("{{ forName }}").ruleId());
    assertEquals("ssti.object-chain", detect("{{ __globals__ }}").ruleId());
    assertEquals("ssti.object-chain", detect("{a}.__class__.__base__").ruleId());
    assertEquals("ssti.java-runtime", detect("${a}T(java.lang.Runtime)").ruleId());
    assertEquals("ssti.polyglot", detect("{{a}}${b}<%c%>").ruleId());
    assertEquals("ssti.expression", detect("${a}{{7*7}}").ruleId());
    assertNull(detect("{{a}}${b}{c}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{", "{{{{", "${", "#{", "{%", "<%", "[=", "@(", "#set(", "<#assign ", "__", "{{7*",
      "${a.b(", "'", "?new("})
  void aMegabyteOfNearMissesCompletes(String unit) {
    String value = unit.repeat(1_000_000 / unit.length());
    detector.detect(Normalized.of(value)); // linear: completes; no timing assertion
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "*{|", "{*|", "{*a|", "{|", "{{|", "{%|", "@{|", "<%|", "{{a|", "{%a|", "<#a|", "[#a|", "[__proto__]|",
      "${\\u006andi:|", "${env:|", "${lower:|", "<#if|ssti.directive", "[#if|ssti.directive",
      "#set($|ssti.directive", ".__class__|ssti.object-chain", ".__globals__|ssti.object-chain",
      "__import__(|ssti.object-chain"})
  void aMegabyteOfAShortUnitKeepsItsVerdict(String unit, String ruleId) {
    // each once made every opener look far ahead again (a Smarty comment's end, a keyword list, a dunder's copy)
    Detection d = detect(unit.repeat(1_000_000 / unit.length()));
    assertEquals(ruleId, d == null ? null : d.ruleId(), () -> "flood of " + unit);
  }

  @ParameterizedTest
  @ValueSource(strings = {"*{", "{*", "{", "{{", "{%", "@{", "{{a", "<#a", "[#a", "<#if", "#set($",
      "[__proto__]", ".__class__", "${env:"})
  void anAttackAfterAFloodIsStillFound(String unit) {
    String value = unit.repeat(100_000 / unit.length()) + "${T(java.lang.Runtime).getRuntime().exec('id')}";
    assertRule("ssti.command-exec", value);
  }

  @Test
  void aSmartyCommentAfterAFloodOfOpenersIsStillFound() {
    // the end of a comment is remembered from one opener to the next: the last opener still finds its own
    assertRule("ssti.expression", "*{".repeat(50_000) + "}{* probe *}");
    assertRule("ssti.expression", "{*".repeat(50_000) + "*}");
    assertNull(detect("{*".repeat(50_000) + "x".repeat(70) + "*}")); // the comment's end further than it reads
    assertNull(detect("{* a long note " + "x".repeat(70) + " *} and {*"));
  }

  @Test
  void aFreemarkerSpecialVariableIsAnEngineObject() {
    // ${.version}, ${.data_model}: FreeMarker's own internals; no other interpolation starts with a dot
    assertRule("ssti.object-chain", "${.version}");
    assertRule("ssti.object-chain", "${.data_model?keys}");
    assertRule("ssti.object-chain", "Hello ${.globals}");
    assertNull(detect("${.5}"));
    assertNull(detect("Total: ${.50} off"));
    assertNull(detect("${price} and ${user.name}"));
    assertNull(detect("costs $.99 {sale}"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "${x.popen(1)}|ssti.command-exec", "${T(java.lang.Runtime)}|ssti.java-runtime",
      "${x.__globals__}|ssti.object-chain", "${'java.lang.Runtime'}|ssti.java-runtime", "${%x(id)}|ssti.command-exec",
      "${().x}|ssti.object-chain", "{{7*7}}${a.b}<%c%>|ssti.polyglot", "#set($a=x.popen(1))|ssti.command-exec",
      "#set($a=().__class__)|ssti.object-chain", "#set($a=T(java.lang.Runtime))|ssti.java-runtime",
      "#set($a=%x(id))|ssti.command-exec", "#set($a='java.lang')|ssti.java-runtime",
      "#set($a=2.class)|ssti.object-chain", "#set($a=x.os)|ssti.object-chain"})
  void aStrongerExpressionAfterAFloodTheTokenizerSkipsIsStillRead(String attack, String ruleId) {
    // ${7*7} (no name, no string: an expression at most) and #set($ (a directive, its letters spell no listed name)
    // are left to the bracket matcher once the level they can reach is found; what needs a name, an underscore, a
    // string, T(, %x or an attribute of a literal is still read by the tokenizer, as it is alone
    assertRule(ruleId, attack);
    for (String unit : new String[] {"${7*7}", "#set($"}) {
      String flood = unit.repeat(100_000 / unit.length());
      String weaker = unit.startsWith("$") ? "ssti.expression" : "ssti.directive";
      assertRule(weaker, flood);
      assertRule(weaker, flood + " ${price} " + Floods.EVERY_LETTER);
      assertRule(ruleId, flood + " ${price} " + attack);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "${1*{{2}}}<%c%>|ssti.polyglot", "${a<%b%>}{{c}}|ssti.polyglot", "${x[=1]}{{c}}|ssti.polyglot",
      "${x{php}}|ssti.command-exec", "#set($a={php})|ssti.command-exec", "#set($a={{b}}<%c%>[=d])|ssti.polyglot",
      "x.__globals__|ssti.object-chain", "x?new()|ssti.java-runtime", "T(java.lang.Runtime)|ssti.java-runtime"})
  void anOpenerInsideTheParenthesesOfADirectiveStillCounts(String attack, String ruleId) {
    // the scan steps past the parentheses of #set( once read only when no trigger in them could act: a brace, an
    // angle or square bracket, @, ?, __, T or a quote in them has each opener seen as it is alone; here the attack
    // is inside the unclosed #set( the flood ends with
    assertRule(ruleId, attack);
    String flood = "#set($".repeat(100_000 / 6);
    assertRule("ssti.directive", flood + " $price " + Floods.EVERY_LETTER);
    assertRule(ruleId, flood + " $price " + attack);
  }

}
