package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lambdaguard.input.Category;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Server-side request forgery, rule by rule: address forms, authority tricks, Lambda's own endpoints. */
class SsrfDetectorTest {

  /** The Lambda environment as the tests see it: the Runtime API on loopback, as in AWS. */
  private static final Map<String, String> LAMBDA_ENV = Map.of("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001");

  private final SsrfDetector detector = new SsrfDetector(LAMBDA_ENV);

  private Detection detect(String value) {
    return detector.detect(Normalized.of(value));
  }

  private void assertRule(String rule, String value) {
    Detection d = detect(value);
    assertNotNull(d, () -> "not detected: " + value);
    assertEquals(Category.SSRF, d.category());
    assertEquals(rule, d.ruleId(), () -> "rule for " + value);
  }

  private void assertBenign(String value) {
    assertNull(detect(value), () -> "flagged: " + value);
  }
  @Test
  void aHostAfterASpaceAndAnAtSignIsReadAsAParserThatReadsOnWould() {
    // Orange Tsai's parser differential: the authority read past the space to the host after the '@'
    assertRule("ssrf.loopback", "http://1.1.1.1 &@127.0.0.1/");
    assertRule("ssrf.loopback", "http://1.1.1.1 &@2.2.2.2# @127.0.0.1/");
    assertRule("ssrf.metadata", "http://example.com &@169.254.169.254/latest/meta-data/");
    assertBenign("see http://example.com or mail bob@localhost");
    assertBenign("http://1.1.1.1 &@2.2.2.2# @3.3.3.3/");
  }


  // ---------------------------------------------------------------- address classes

  @ParameterizedTest
  @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://169.254.170.2/v2/credentials/x",
      "http://[fd00:ec2::254]/latest/api/token", "http://metadata.google.internal/computeMetadata/v1/",
      "http://metadata/computeMetadata/v1/", "http://100.100.100.200/latest/meta-data/", "http://instance-data/",
      "http://192.0.0.192/latest/", "http://metadata.google.internal./", "https://METADATA.GOOGLE.INTERNAL"})
  void cloudMetadataEndpointsAreMetadata(String value) {
    assertRule("ssrf.metadata", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1/admin", "http://127.8.9.10:8080", "http://localhost", "http://LOCALHOST:80",
      "http://api.localhost/", "http://0.0.0.0:22", "http://[::1]/", "http://[::]:80/", "http://[0000::1]:25/",
      "http://localtest.me", "http://sub.localtest.me/", "http://ip6-localhost", "ldap://localhost:11211/x",
      "http://127。0。0。1/"})
  void loopbackHostsAreLoopback(String value) {
    assertRule("ssrf.loopback", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://10.0.0.5/", "http://172.16.0.1", "http://172.31.255.255", "http://192.168.1.1:8080",
      "http://100.64.0.1", "http://[fc00::1]", "http://[fd12:3456::1]/"})
  void privateRangesArePrivate(String value) {
    assertRule("ssrf.private", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://169.254.1.1/", "http://[fe80::1]/", "http://[fe80::1%25en0]/"})
  void linkLocalAddressesAreLinkLocal(String value) {
    assertRule("ssrf.link-local", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://172.32.0.1", "http://192.169.0.1", "http://11.0.0.1", "http://1.1.1.1/",
      "http://[2001:4860:4860::8888]/", "http://100.128.0.1"})
  void neighboursOfTheRangesArePublic(String value) {
    assertBenign(value);
  }

  // ---------------------------------------------------------------- IPv4 and IPv6 forms

  @ParameterizedTest
  @CsvSource({"http://2130706433/, decimal", "http://2852039166/, decimal metadata", "http://0x7f000001, hex",
      "http://0xA9FEA9FE/, hex metadata", "http://0177.0.0.1/, octal", "http://0251.0376.0251.0376, octal metadata",
      "http://0251.00376.000251.0000376, zero-padded octal", "http://0xA9.0xFE.0xA9.0xFE, dotted hex",
      "http://0251.254.169.254, mixed", "http://127.1, shortened", "http://127.0.1, shortened",
      "http://0177.1, octal shortened", "http://10.1, shortened private", "http://0, zero",
      "http://7147006462, decimal past 32 bits", "http://0x41414141A9FEA9FE, hex past 32 bits",
      "http://127.000.000.001, zero-padded", "http://[::ffff:127.0.0.1], IPv4-mapped",
      "http://[::ffff:a9fe:a9fe], IPv4-mapped hex", "http://[::ffff:0:7f00:1], IPv4-translated",
      "http://[0:0:0:0:0:ffff:169.254.169.254], mapped long",
      "http://[::127.0.0.1], IPv4-compatible", "http://[64:ff9b::a9fe:a9fe], NAT64",
      "http://[2002:a9fe:a9fe::], 6to4"})
  void internalAddressesInAnyFormAreObfuscatedIps(String value, String form) {
    assertRule("ssrf.obfuscated-ip", value);
  }

  @Test
  void anObfuscatedMetadataAddressScoresAsHighAsTheMetadataItself() {
    assertEquals(95, detect("http://0xa9fea9fe/").score());
    assertEquals(90, detect("http://2130706433/").score());
    assertEquals(60, detect("http://134744072/").score(), "8.8.8.8 in decimal: evasion, no internal target");
  }

  @Test
  void unbracketedIpv6IsReadWithAndWithoutAPort() {
    assertRule("ssrf.loopback", "http://0000::1:80/");
  }

  // ---------------------------------------------------------------- names

  @ParameterizedTest
  @ValueSource(strings = {"http://169.254.169.254.nip.io/", "http://127.0.0.1.nip.io", "http://10-0-0-1.sslip.io/",
      "http://www-127-0-0-1.sslip.io", "http://7f000001.nip.io", "http://app.10.0.0.1.example.com/",
      "http://customer1.app.localhost.my.company.127.0.0.1.nip.io"})
  void namesThatEmbedAnInternalAddressAreObfuscatedIps(String value) {
    assertRule("ssrf.obfuscated-ip", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://intranet/admin", "http://rancher-metadata/", "dict://attacker:11111/",
      "http://printer.local/", "http://ip-10-0-0-1.ec2.internal/", "https://kubernetes.default.svc/api",
      "http://db.corp/"})
  void oneLabelNamesAndInternalSuffixesAreInternalNames(String value) {
    Detection d = detect(value);
    assertNotNull(d, value);
  }

  @Test
  void oneLabelHostsOfNonNetworkSchemesAreNames() {
    assertBenign("<b>x</b>//TODO remove");
    assertBenign("s3://my-bucket/reports/2024/");
    assertBenign("mailto:team@example.com");
    assertBenign("urn:isbn:0451450523");
  }

  // ---------------------------------------------------------------- authority tricks

  @ParameterizedTest
  @ValueSource(strings = {"http://expected.com@127.0.0.1/", "http://127.0.0.1#@expected.com",
      "http://expected.com\\@127.0.0.1", "http://127.1.1.1:80\\@127.2.2.2:80/", "http://127.1.1.1:80:\\@@127.2.2.2:80/",
      "http://google.com:80+&@127.88.23.245:22/#+@google.com:80/", "http://127.0.0.1:80\\@google.com/",
      "http:127.0.0.1/", "http:/127.0.0.1/", "http:\\\\127.0.0.1", "https:/\\/\\127.0.0.1", "//127.0.0.1/x",
      "<img src=\"//127.0.0.1/x\">", "https://redirect.example.com/?url=http://127.0.0.1/",
      "{\"callback\":\"http://127.0.0.1:8080/admin\"}", "jar:http://127.0.0.1!/"})
  void everyHostAParserCouldTakeIsJudged(String value) {
    assertRule("ssrf.loopback", value);
  }

  @Test
  void aNulEndsTheHostAsCParsersReadIt() {
    assertRule("ssrf.loopback", "http://localhost%00.example.com/");
    assertRule("ssrf.internal-name", "http://intranet%00.example.com/");
    assertBenign("http://www.example.com%00.jpg");
  }

  @Test
  void aUserinfoWordIsNoInternalName() {
    assertBenign("https://user:secret@example.com/");
    assertBenign("https://example.com#section");
  }

  // ---------------------------------------------------------------- Lambda's own endpoints

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:9001/2018-06-01/runtime/invocation/next",
      "http://localhost:9001/2018-06-01/runtime/invocation/abc/response", "http://[::1]:9001/", "127.0.0.1:9001",
      "http://0x7f000001:9001/", "localhost:9001/2018-06-01/runtime/invocation/next",
      "http://127.0.0.1:9001/2020-01-01/extension/register"})
  void theRuntimeApiIsLambdaRuntime(String value) {
    assertRule("ssrf.lambda-runtime", value);
  }

  @Test
  void theRuntimeApiIsWhereverTheEnvironmentSaysAndItsPathsGiveItAwayAnywhereOnLoopback() {
    SsrfDetector elsewhere = new SsrfDetector(Map.of("AWS_LAMBDA_RUNTIME_API", "169.254.100.1:9876"));
    assertEquals("ssrf.lambda-runtime", elsewhere.detect(Normalized.of("http://169.254.100.1:9876/x")).ruleId());
    SsrfDetector none = new SsrfDetector(Map.of());
    assertEquals("ssrf.lambda-runtime",
        none.detect(Normalized.of("http://127.0.0.1:9001/2018-06-01/runtime/invocation/next")).ruleId());
    assertEquals("ssrf.loopback", none.detect(Normalized.of("http://127.0.0.1:9001/")).ruleId());
    assertThrows(NullPointerException.class, () -> new SsrfDetector(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:2773/secretsmanager/get?secretId=db", "http://127.0.0.1:2773/",
      "http://[::1]:2773/systemsmanager/parameters/get?name=x"})
  void theParametersAndSecretsExtensionIsLambdaExtension(String value) {
    assertRule("ssrf.lambda-extension", value);
  }

  // ---------------------------------------------------------------- schemes

  @ParameterizedTest
  @ValueSource(strings = {"gopher://evil.example:25/_HELO", "dict://evil.example:11211/stat",
      "tftp://evil.example/x", "sftp://evil.example:22/", "ldap://evil.example/o=x", "file:///etc/passwd",
      "file://\\/\\/etc/passwd", "netdoc:/etc/passwd", "jar:https://evil.example/x.jar!/", "smb://evil.example/share"})
  void rawProtocolAndLocalFileSchemesAreSchemes(String value) {
    assertRule("ssrf.scheme", value);
  }

  @Test
  void aDangerousSchemeToAnInternalHostIsJudgedByItsHost() {
    assertRule("ssrf.loopback", "gopher://127.0.0.1:6379/_SET%20x");
    assertRule("ssrf.metadata", "gopher://metadata.google.internal:80/xGET");
  }

  // ---------------------------------------------------------------- outside URLs

  @Test
  void aValueThatIsAnInternalHostIsJudgedLikeOne() {
    assertRule("ssrf.metadata", "169.254.169.254");
    assertRule("ssrf.metadata", "169.254.169.254/latest/meta-data/");
    assertRule("ssrf.metadata", "metadata.google.internal/computeMetadata/v1/");
    assertRule("ssrf.private", "10.0.0.5");
    assertRule("ssrf.private", "192.168.1.1:8080");
    assertRule("ssrf.loopback", "[::1]");
    assertRule("ssrf.loopback", "::1");
    assertRule("ssrf.loopback", "localhost");
    assertRule("ssrf.metadata", "fd00:ec2::254");
  }

  @Test
  void aMetadataAddressAnywhereInTheValueIsMetadata() {
    assertRule("ssrf.metadata", "http://proxy.example.com/fetch/169.254.169.254/latest/meta-data/");
    assertRule("ssrf.metadata", "http://example.net/redir-http-169.254.169.254:80-");
    assertRule("ssrf.metadata", "GET / HTTP/1.1\r\nHost: metadata.google.internal\r\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://www.example.com/page", "https://en.wikipedia.org/wiki/Main_Page",
      "http://www.example.net/index.html", "https://docs.aws.amazon.com/lambda/latest/dg/java-handler.html",
      "https://fonts.googleapis.com/css2?family=Roboto:wght@400;700&display=swap", "1.2.3.4", "8.8.8.8",
      "203.0.113.5", "2852039166", "+1 (415) 555-0132", "212.555.0199", "$1,299.00", "15.03.2024", "10:30 AM",
      "2024-03-15T10:30:00Z", "v10.0.0.1", "version 10.0.0.1 released", "Chrome/122.0.0.0", "2001:4860:4860::8888",
      "12:30:45", "Ratio 16:9 vs 4:3", "docker run -p 8080:8080 myapp:latest", "Content-Type: application/json",
      "// NOTE: keep in sync", "metadata", "localhost is where I test", "10.1", "127.1", "0x7f000001",
      "ftp://ftp.example.com/pub/", "wss://stream.example.com/socket", "https://127.0.0.1.example.com.evil"})
  void publicUrlsAndIpLookingTextPass(String value) {
    if (value.endsWith(".evil")) {
      // an address spelled inside a longer public name: resolves wherever its owner wants, flagged on purpose
      assertRule("ssrf.obfuscated-ip", value);
      return;
    }
    assertBenign(value);
  }

  // ---------------------------------------------------------------- contract

  @ParameterizedTest
  @ValueSource(strings = {"x //a*b.localhost/", "x //a*b@localhost/", "http://kubernetes.default*x/",
      "x //q!@metadata.google.internal/", "x //@*#instance-data/", "http://lo*c.test/", "x //a.b.LOCALHOST./",
      "http://a*b@intranet/", "http://a@b\\intranet/"})
  void anAuthorityOfWordsAndPunctuationIsStillReadForTheNamesThatPointInside(String value) {
    assertNotNull(detect(value), () -> "not detected: " + value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"x //@**@&;script`", "x //a]$(", "x //select*/", "x //a.b*c.com/", "x //on\\or#a/"})
  void anAuthorityOfWordsAndPunctuationNamesNoPlace(String value) {
    assertBenign(value);
  }

  @Test
  void doubleSlashesWithNothingThatBeginsAHostAreNoUrl() {
    assertBenign("/*/*/*//*//**//");
    assertRule("ssrf.loopback", "/*//*/ //[::1]/");
    assertRule("ssrf.private", "x //@10.0.0.1/");
  }

  @ParameterizedTest
  @CsvSource({"::1:zz, ssrf.loopback", "::1!x, ssrf.loopback", "fe80::1%eth0, ssrf.link-local",
      "::1%zz:q, ssrf.loopback", "::ffff:7f00:1:8080, ssrf.obfuscated-ip", "fd00:ec2::254, ssrf.metadata"})
  void aBareHostWithTwoColonsIsReadAsIpv6WhateverFollowsItsLastColonZoneOrBang(String value, String rule) {
    assertRule(rule, value);
  }

  @ParameterizedTest
  @CsvSource({"metadata:80, ssrf.metadata", "instance-data:80, ssrf.metadata", "LOCALHOST:80, ssrf.loopback",
      "feed::1, ssrf.private", "127.0.0.1:9001, ssrf.lambda-runtime"})
  void aBareNameWithAPortIsJudgedByItsName(String value, String rule) {
    assertRule(rule, value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"localtest.me", "api.localtest.me", "lvh.me", "a.vcap.me", "localho.st", "localh.st",
      "LocalHost", "LVH.ME", "localtest.me/admin", " localtest.me "})
  void aBareNameThatPointsToLoopbackByConventionIsLoopbackInAnyCase(String value) {
    assertRule("ssrf.loopback", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"metadata", "loopback", "instance-data", "localhost6", "local test me", "vacation.me",
      "my localtest.me notes"})
  void aSingleLabelOrProseNamingNoHostIsNoBareHost(String value) {
    assertBenign(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1999-12-31T23:59:59.999+01:00", "2024-03-15T10:30:00Z", "a:b:c", "12:30:45 pm",
      "tel:+14155550132", "09:00–17:30", "mailto:ana@example.com"})
  void timesAndOtherColonTextAreNoIpv6(String value) {
    assertBenign(value);
  }

  @ParameterizedTest
  @CsvSource({"http://localhost/, ssrf.loopback", "http://LocalHost/, ssrf.loopback", "http://[::]/, ssrf.loopback",
      "http://::abcd/, ssrf.obfuscated-ip", "http://feab:abcd:abcd:abcd:abcd:abcd:abcd:abcd/, ssrf.link-local",
      "http://instance-data/, ssrf.metadata", "gopher://evil.example/_x, ssrf.scheme",
      "http://127.0.0.1/, ssrf.loopback", "http://intranet:80/2018-06-01/runtime/invocation/next, ssrf.lambda-runtime",
      "http://ahttp:/2018-06-01/RUNTIME/invocation/next, ssrf.lambda-runtime"})
  void aWeakFindingStillReadsOnForAStrongerOne(String stronger, String rule) {
    String weak = "http://intranet/ " + "http://printer:8080/ ".repeat(3);
    assertRule(rule, weak + stronger);
    assertRule(rule, stronger + " " + weak);
  }

  @Test
  void colonsWithoutSlashesCountAfterSchemesThatNeedNone() {
    String keys = "\"a\":".repeat(1000);
    assertBenign(keys);
    assertRule("ssrf.loopback", keys + "HTTP:127.0.0.1");
    assertRule("ssrf.loopback", keys + "wss:localhost");
    assertRule("ssrf.scheme", keys + "JAR:x:y");
    assertRule("ssrf.loopback", keys + "a:\\\\127.0.0.1");
  }

  @Test
  void aValueOfOneLabelUrlsIsAnInternalName() {
    assertRule("ssrf.internal-name", "http://a".repeat(10_000));
    assertRule("ssrf.internal-name", "http://intranet:8080/");
    assertBenign("http://www.example.com:8080/ s3://bucket:/x");
  }

  @Test
  void detectionsNeverCarryTheValue() {
    Detection d = detect("http://127.0.0.1/secret-path");
    assertFalse(d.toString().contains("127.0.0.1"));
    assertFalse(d.toString().contains("secret"));
    assertEquals(Category.SSRF, detector.category());
  }

  @Test
  void oneMegabyteNearMissesCompleteInLinearTime() {
    int mb = 1 << 20;
    String[] nearMisses = {"http://".repeat(mb / 7), "[".repeat(mb), "http://[" + ":".repeat(mb),
        "http:".repeat(mb / 5),
        "//".repeat(mb / 2), "a:".repeat(mb / 2), "1.".repeat(mb / 2), "169.254.".repeat(mb / 8),
        "http://a@".repeat(mb / 9), "http://" + "a.".repeat(mb / 2), "http://" + "1.".repeat(mb / 2),
        "http://[" + "0:".repeat(mb / 2) + "]", ":".repeat(mb), "@".repeat(mb), "x." + " //a*".repeat(mb / 5),
        " //@*".repeat(mb / 5)};
    for (String value : nearMisses) {
      detect(value); // completes; no timing assertion
    }
    assertRule("ssrf.loopback", "x ".repeat(mb / 2) + "http://127.0.0.1/");
  }

  /** About 100 KB of {@code unit}, then every letter and digit (which defeats gates on a value's characters). */
  private static String floodOf(String unit, boolean letters) {
    return unit.repeat(100_000 / unit.length())
        + (letters ? "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" : "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://a@127.0.0.1/", "http://0/", "http://127.1/", "http://0x7f.1/",
      "http://localhost:2773/", "\\nX:", ":", "file://", "gopher://", "//localhost", "\\\\127.0.0.1\\",
      "https://example.com/path?q=1 ", "http://localhost/x ", "http://intranet/a ", "/", "///", "a: b/c "})
  void anAttackAfterAFloodOfUrlsIsFoundAsAlone(String unit) {
    String[] attacks = {"http://169.254.169.254/latest/meta-data/",
        "http://localhost/2018-06-01/runtime/invocation/next", "http://intranet/2018-06-01/runtime/invocation/next",
        "//localhost/2020-01-01/extension/register", "HTTP://LOCALHOST/2018-06-01/RUNTIME/invocation/next",
        "http://127.0.0.1:9001/"};
    for (String attack : attacks) {
      Detection alone = detect(attack);
      assertNotNull(alone, attack);
      for (boolean letters : new boolean[] {false, true}) {
        String flood = floodOf(unit, letters);
        assertEquals(alone, detect(flood + " " + attack), () -> attack + " after " + unit);
        assertEquals(alone, detect(attack + " " + flood), () -> attack + " before " + unit);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com/path?q=1 ", "\\nX:", ":", "http://a.example.com/x ", "/", "a: b/c "})
  void aFloodOfBenignUrlsStaysBenign(String unit) {
    assertBenign(floodOf(unit, false));
    assertBenign(floodOf(unit, true));
    assertBenign(floodOf(unit, true) + " https://127.1.example.com/2018-06-01/runtime/x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\nX:", ";C:\\a\\b ", "ix:\\", "Tp:/a", "a:"})
  void aSchemeThatNeedsFewSlashesIsFoundAfterAFloodOfColonsWithout(String unit) {
    // a colon without two slashes after it is passed over unless a scheme that reads on without them ends there
    String[] attacks = {"unix:/var/run/docker.sock", "file:/etc/passwd", "NetDoc:/etc/passwd",
        "jar:http://a.example/x.jar!/", "http:127.0.0.1", "HTTPS:\\127.0.0.1/", "ws:localhost", "wss:/127.0.0.1",
        "ftp:10.0.0.1", "C://127.0.0.1/", "Ftp:\\\\127.0.0.1\\"};
    for (String attack : attacks) {
      Detection alone = detect(attack);
      assertNotNull(alone, attack);
      for (boolean letters : new boolean[] {false, true}) {
        String flood = floodOf(unit, letters);
        String value = flood + " " + attack + " see https://example.com/a";
        assertEquals(alone, detect(value), () -> attack + " after " + unit);
      }
    }
    assertBenign(floodOf(unit, false));
    assertBenign(floodOf(unit, true) + " Note: C:\\Users\\me unix: x file:name http:/ jar:x");
  }

  @Test
  void anAuthorityRepeatedBeforeARuntimePathIsJudgedWithIt() {
    // the same authority as the URLs before it, but followed by a Runtime API path: judged again
    String links = "http://localhost/a ".repeat(1000);
    assertRule("ssrf.loopback", links);
    assertRule("ssrf.lambda-runtime", links + "http://localhost/2018-06-01/runtime/invocation/next");
    assertRule("ssrf.lambda-runtime", "http://intranet/a ".repeat(1000) + "http://intranet/2021-04-23/runtime/x");
    // read after a scheme that is not a network one, the same text is another authority
    assertRule("ssrf.loopback", "a://localhost/ ".repeat(1000) + "http://localhost:2773/");
    assertRule("ssrf.internal-name", "a://intranet/ ".repeat(1000) + "http://intranet/");
  }

  @Test
  void aSchemeRelativeUrlIsFoundBetweenColonsNearAndFar() {
    assertRule("ssrf.loopback", "a:b ".repeat(10_000) + "//127.0.0.1/");
    assertRule("ssrf.loopback", "x //127.0.0.1/ a:b");
    assertRule("ssrf.loopback", "x //127.0.0.1/ " + "y".repeat(100) + " a:b");
    assertRule("ssrf.loopback", "http://a.example/x " + "'//127.0.0.1/ ".repeat(3));
  }

  @Test
  void aUnixSocketPathIsADangerousScheme() {
    // unix: reaches a local socket (the Docker API, a database) whatever host the URL seems to name
    assertRule("ssrf.scheme", "unix:/var/run/docker.sock");
    assertRule("ssrf.scheme", "unix:///run/containerd/containerd.sock");
    assertRule("ssrf.scheme", "UNIX:/tmp/app.sock");
    assertBenign("Unix: the operating system");
    assertBenign("runs on unix: /usr/bin holds it");
    assertBenign("unix:timestamp");
    assertBenign("see the unix philosophy at https://example.com/unix");
  }

  @Test
  void aWildcardDnsHexLabelMayCarryAPrefixOr0x() {
    assertRule("ssrf.obfuscated-ip", "http://0x7f000001.nip.io/");
    assertRule("ssrf.obfuscated-ip", "http://magic-0a000001.nip.io/");
    assertRule("ssrf.obfuscated-ip", "http://app-0xa9fea9fe.sslip.io/latest/meta-data/");
    assertBenign("http://0x08080808.nip.io/"); // a public address
    assertBenign("http://deadbeef.nip.io/");
    assertBenign("http://magic-0a000001.example.com/"); // no wildcard DNS service: a name like any other
    // a rebinding service answers with either address: one inside is enough
    assertRule("ssrf.obfuscated-ip", "http://08080808.7f000001.rbndr.us/");
    assertBenign("http://08080808.01010101.rbndr.us/");
  }

  @Test
  void aRuntimeApiPathGivenAloneIsTheLambdaRuntime() {
    // an application that joins the caller's path to its own base URL may be steered to the Runtime API
    assertRule("ssrf.lambda-runtime", "/2018-06-01/runtime/invocation/next");
    assertRule("ssrf.lambda-runtime", " /2020-01-01/extension/register");
    assertRule("ssrf.lambda-runtime", "/2022-07-01/telemetry");
    assertBenign("/2018-06-01/runtime-notes");
    assertBenign("/2018-06-01/release-notes");
    assertBenign("/blog/2018-06-01/runtime/");
    assertBenign("the /2018-06-01/runtime API is documented by AWS");
  }

  @Test
  void aBareAddressInDottedHexOrWithIdeographicDotsIsOneAddress() {
    assertRule("ssrf.obfuscated-ip", "0x7f.0x00.0x00.0x01");
    assertRule("ssrf.obfuscated-ip", "0xa9.0xfe.0xa9.0xfe/latest/meta-data/");
    assertRule("ssrf.loopback", "127\u30020\u30020\u30021:80");
    assertBenign("0x7f000001"); // a number as much as an address
    assertBenign("0x08.0x08.0x08.0x08"); // public
    assertBenign("0x1f.0x2g");
    assertBenign("0xdead.beef");
  }

  @Test
  void consulNamesAndLocalhStAreInside() {
    assertRule("ssrf.internal-name", "http://vault.service.consul:8200/v1/secret/x");
    assertRule("ssrf.loopback", "http://localh.st:8080/admin");
    assertBenign("https://consul.io/docs");
    assertBenign("https://www.localh.st.example.com/"); // another name altogether
    assertBenign("ask the consul about your visa");
  }

  @Test
  void anEscapedDelimiterBeforeTheAtIsUserInfoToAParserThatSplitsFirst() {
    // split before decoding, "expected.com%2F" is user info and the host is what follows the @
    assertRule("ssrf.loopback", "https://expected.com%2F@127.0.0.1/");
    assertRule("ssrf.private", "http://expected.com%3F@10.0.0.1/");
    assertRule("ssrf.metadata", "http://expected.com%2f@169.254.169.254/latest/meta-data/");
    assertBenign("https://shop.com/p%2F1?u=me@mail.com");
    assertBenign("see https://docs.com/a%2Fb and write to bob@corp.com");
    assertBenign("https://cdn.com/img%2F1.png?by=ann@x.org&next=%2Fhome");
    assertBenign("mailto:bob%2Fx@example.com");
  }
}
