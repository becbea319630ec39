package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.input.Category;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Path traversal and local file inclusion, rule by rule, with the benign look-alikes each rule must pass. */
class PathTraversalDetectorTest {

  private final PathTraversalDetector detector = new PathTraversalDetector();

  private Detection detect(String value) {
    return detector.detect(Normalized.of(value));
  }

  private void assertRule(String rule, String value) {
    Detection d = detect(value);
    assertNotNull(d, () -> "not detected: " + value);
    assertEquals(Category.PATH, d.category());
    assertEquals(rule, d.ruleId(), () -> "rule for " + value);
  }

  private void assertBenign(String value) {
    assertNull(detect(value), () -> "flagged: " + value);
  }

  // ---------------------------------------------------------------- path.traversal

  @ParameterizedTest
  @ValueSource(strings = {"../../etc/passwd", "..\\..\\windows\\win.ini", "..\\../..\\../boot.ini",
      "....//....//etc/passwd", "/..;/..;/manager/html", "..;/WEB-INF/web.xml", ".../.../etc/hosts",
      "/static/../../../app.py", "http://example.com/a/../../etc/passwd", "/cgi-bin/../../../../etc/shadow"})
  void parentDirectoryClimbsAreTraversalWhateverTheSeparatorMix(String value) {
    assertRule("path.traversal", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%252e%252e%255c%252e%252e%255cboot.ini",
      "..%c0%af..%c0%afetc/passwd", "%c0%ae%c0%ae/%c0%ae%c0%ae/secret.txt", ".%2e/.%2e/app/config",
      "%uff0e%uff0e%u2215%uff0e%uff0e%u2215data", "..%u2216..%u2216x", "..%uF025..%uF025boot.ini",
      "..%00/..%00/x", "0x2e0x2e0x2f0x2e0x2e0x2fsecret", "..0x5c..0x5cweb.config", "..\u2215..\u2215x",
      "..\uff0f..\uff0fx", "..\u2044..\u2044x", "&#46;&#46;&#47;&#46;&#46;&#47;x"})
  void encodedAndLookAlikeClimbsAreTraversal(String value) {
    assertRule("path.traversal", value);
  }

  @Test
  void oneClimbScoresLessThanSeveralAndAClimbToASensitiveFileMost() {
    int one = detect("../x").score();
    int two = detect("../../x").score();
    int target = detect("../../etc/passwd").score();
    assertTrue(one < two && two < target, one + " " + two + " " + target);
  }

  @Test
  void aSingleClimbToAnOrdinaryFileIsFlaggedBecauseAnApiValueNeverNeedsToClimb() {
    // decided: "../README.md" is flagged (one level is how an uploaded name leaves its folder); low score
    assertRule("path.traversal", "../README.md");
    assertEquals(75, detect("../README.md").score());
  }

  @Test
  void climbsGluedToTheirTargetByUndecodableBytesStillCount() {
    assertRule("path.traversal", "..%c0%9v..%c0%9vetc%c0%9vpasswd");
    assertRule("path.traversal", "..2f..2f..2fetc2fpasswd");
    assertRule("path.traversal", "..%bg%qf..%bg%qfboot.ini");
  }

  @Test
  void aValueThatIsBase64OfATraversalIsTraversal() {
    String encoded = Base64.getEncoder().encodeToString("../../../etc/passwd".getBytes(StandardCharsets.UTF_8));
    assertRule("path.traversal", encoded);
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "...", "Wait... what?/No", "I deleted it by accident...", "...and / or ...",
      "v2.3.1-beta.2", "1.0.0-SNAPSHOT", "..foo", "see § 2.1..2.4"})
  void dotsWithoutASeparatorOrBetweenWordsAreNoClimb(String value) {
    assertBenign(value);
  }

  // ---------------------------------------------------------------- path.sensitive-file

  @Test
  void anNtfsAlternateDataStreamIsASensitiveFile() {
    assertRule("path.sensitive-file", "web.config::$DATA");
    assertRule("path.sensitive-file", "index.php::$data");
    assertRule("path.sensitive-file", "/admin:$i30:$INDEX_ALLOCATION/login.aspx");
    assertBenign("costs: $5, $DATA plan");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/passwd", "/etc/shadow~", "/etc/hostname.ge0", "/proc/self/environ",
      "/proc/self/cmdline", "/proc/1/maps", "/root/.bash_history", "/var/log/nginx/error.log", "/var/adm/sulog",
      "/var/task/index.mjs", "/var/runtime/bootstrap", "/opt/extensions/agent", "/home/ec2-user/.ssh/id_rsa",
      "~/.aws/credentials", "/usr/local/apache2/conf/httpd.conf", "/usr/local/etc/nginx/nginx.conf",
      "/private/etc/master.passwd", "/tmp/sess_8f3a9c", "/Volumes/HD/opt/apache/conf/httpd.conf",
      "/bin/cat /etc/passwd", "tail -f /var/log/syslog"})
  void unixPathsIntoSystemPlacesAreSensitive(String value) {
    assertRule("path.sensitive-file", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"C:\\Windows\\win.ini", "c:/windows/system32/config/sam", "C:\\boot.ini",
      "C:/inetpub/wwwroot/web.config", "C:\\xampp\\apache\\logs\\access.log", "C:\\log\\httpd\\access_log",
      "C:\\Program Files\\Apache Group\\Apache2\\conf\\httpd.conf", "C:\\mysql\\bin\\my.ini",
      "c:\\php\\sessions\\", "C:/sysprep.inf", "\\WINDOWS\\win.ini", "\\xampp\\php\\php.ini",
      "D:\\inetpub\\logs\\LogFiles\\W3SVC1\\u_ex240101.log", "C:/$recycle.bin/s-1-5-18/desktop.ini",
      "C:/Program Files/Microsoft SQL Server/MSSQL.1/Template Data/master.mdf", "D:\\MSSQL\\DATA\\shop_log.ldf",
      "c:\\AppServ\\MySQL", "C:\\laragon\\www", "C:\\EasyPHP\\data"})
  void windowsPathsIntoSystemPlacesAreSensitive(String value) {
    assertRule("path.sensitive-file", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/home/anna/lamp-shade.jpg", "C:\\Users\\anna\\Pictures\\php-cheatsheet.png",
      "/Users/tom/Documents/redis-notes.txt", "C:\\Users\\jo\\Downloads\\apache-helicopter.pdf"})
  void aUserFileNamedLikeAServerIsNoServerTree(String value) {
    assertBenign(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/home/www/apache2/", "/usr/local/nginx-1.25/", "C:\\Users\\dev\\php7.4\\",
      "/opt/lampp/", "/home/site/mysql_8/"})
  void aServerDirectoryWithItsVersionInASystemTreeIsSensitive(String value) {
    assertRule("path.sensitive-file", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/C:/inetpub/ftproot/", "/C:/Windows/win.ini", "/D:\\inetpub\\wwwroot\\global.asa",
      "/c:/xampp/apache/logs/access.log"})
  void aDriveWrittenAsAUrlPathIsRootedAtTheDrive(String value) {
    assertRule("path.sensitive-file", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/C:/Users/anna/report.docx", "/C:/temp/notes.txt", "see /a:/b", "/api/v1:/items",
      "Ticket 4411: /C:/Projects/site/index.html does not open"})
  void aDriveWrittenAsAUrlPathToOrdinaryFilesPasses(String value) {
    assertBenign(value);
  }

  @Test
  void aMailForwardFileInAHomeOrAtTheRootIsSensitive() {
    assertRule("path.sensitive-file", "/.forward");
    assertRule("path.sensitive-file", "/home/anna/.forward");
    assertBenign("Please forward this to the team");
    assertBenign("fast.forward");
  }

  @ParameterizedTest
  @ValueSource(strings = {"etc/passwd", "etc\\shadow", "WEB-INF/web.xml", "META-INF/context.xml", ".git/config",
      ".aws/credentials", ".ssh/authorized_keys", "windows/win.ini", "proc/self/status", "root/.htpasswd",
      "docs/.env", "https://example.com/WEB-INF/web.xml"})
  void pairsThatAreSensitiveWhereverThePathBeginsAreSensitive(String value) {
    assertRule("path.sensitive-file", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {".htaccess", ".htpasswd", ".env", ".env.production", "web.config", "boot.ini",
      "config.inc.php", "wp-config.php", "id_rsa", "database.php", ".bash_history", ".git-credentials"})
  void secretFileNamesAloneAreSensitive(String value) {
    assertRule("path.sensitive-file", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"report-2024.pdf", "docs/guide/intro.md", "my.config.backup.tar.gz", "settings.json",
      "config.yaml", "Shadow", "credentials", ".login", "index.html", "feature/JIRA-1234-add-login",
      "release/2024.03", "/api/v1/orders/123", "@GetMapping(\"/orders/{id}\")", "15/03/2024", "and/or",
      "export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64", "export PATH=/opt/homebrew/bin:$PATH",
      "ls -la ~/Downloads", "cd ~/projects/my-app && npm start", "cat ~/.ssh/id_rsa.pub", "source ~/.bashrc",
      "echo 'export EDITOR=vim' >> ~/.zshrc", "C:\\Users\\jane\\Documents\\report.docx",
      "The file is in /home/jane/notes.txt", "#!/usr/bin/env bash", "Works on my machine ¯\\_(ツ)_/¯",
      "https://github.com/apache/commons-lang/blob/master/README.md", "https://www.example.com/etc/page",
      "{\"path\": \"docs/guide/intro.md\"}", "report.mdf", "docs/data/shop.mdf", "$0.99/mo", "I use MAMP and Laragon",
      "Dear Sir/Madam, I am writing to complain.",
      "aws s3 cp report.csv s3://my-bucket/reports/2024/", "/0PPiAAZ8Jis4o2A", "text/html,application/xml;q=0.9"})
  void ordinaryPathsNamesAndTextPass(String value) {
    assertBenign(value);
  }

  // ---------------------------------------------------------------- path.wrapper

  @ParameterizedTest
  @ValueSource(strings = {"php://filter/convert.base64-encode/resource=index.php", "php://input", "expect://id",
      "zip://uploads/avatar.jpg#shell.php", "phar://uploads/x.phar/shell", "data://text/plain;base64,SGVsbG8=",
      "data:text/plain,<?php phpinfo(); ?>", "glob://*.php", "compress.zlib:///etc/hosts", "file:///etc/hosts",
      "FILE:/c:/windows/win.ini", "netdoc:/etc/hosts", "jar:file:/tmp/app.jar!/", "jar:http://evil.example/x.jar!/",
      // every scheme the wrapper rule knows, some in capitals: the look-up by last three characters lets them all in
      "zlib:/tmp/x", "rar://uploads/a.rar", "OGG://uploads/a.ogg", "compress.bzip2://uploads/x.bz2",
      "ssh2.shell://user:pass@example.com:22/xterm", "SSH2.Exec://user:pass@example.com:22/usr/local/bin/cmd",
      "ssh2.sftp://user:pass@example.com:22/tmp/x", "PHAR://uploads/x.phar/shell", "Expect://id"})
  void streamWrappersAndArchiveSchemesAreWrappers(String value) {
    assertRule("path.wrapper", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"data:image/png;base64,iVBORw0KGgo=", "mailto:support@example.com", "tel:+14155550132",
      "profile: https://example.com", "zip code 10001", "php is fun"})
  void dataUrisOfImagesAndOtherSchemesAreNoWrappers(String value) {
    assertBenign(value);
  }

  // ---------------------------------------------------------------- path.unc and path.nul-truncation

  @Test
  void uncAndDevicePathsAtTheStartAreUnc() {
    assertRule("path.unc", "\\\\fileserver\\share\\report.docx");
    assertRule("path.unc", "\\\\?\\C:\\data\\x");
    assertRule("path.unc", "\\\\.\\pipe\\lsass");
    assertEquals(90, detect("\\\\.\\pipe\\lsass").score());
    assertRule("path.sensitive-file", "\\\\localhost\\c$\\windows\\win.ini");
  }

  @Test
  void aNulInAPathLikeValueIsTruncationWhenNothingElseIsFound() {
    assertRule("path.nul-truncation", "avatar.php%00.jpg");
    assertRule("path.nul-truncation", "uploads/x%00");
    assertRule("path.sensitive-file", "/etc/passwd%00.jpg");
    assertNull(detect("hello%00world"), "no dot, no separator: not a path");
    assertNull(detect("avatar.php.jpg"));
  }

  // ---------------------------------------------------------------- early answers

  @Test
  void aClimbIntoASensitivePlaceIsAnsweredAtOnceWithTheHighestScore() {
    assertEquals(95, detect("../../etc/passwd; " + "x/*".repeat(1000)).score());
    assertEquals(95, detect("/etc/passwd; ../x").score());
  }

  @Test
  void twoClimbsAreAnsweredWhenTheirPathEndsAndStillClimbAfterAnEarlierPath() {
    assertEquals(90, detect("../../x; ../../y").score());
    assertEquals(90, detect("a; ../../x /b").score());
    assertEquals(95, detect("../../x/etc/passwd; y").score(), "the path that climbs is read to its end");
    assertRule("path.traversal", "a\\b ../../x");
  }

  @Test
  void aWrapperIsFoundAtAnyColonEvenAfterAColonAtTheStart() {
    assertRule("path.wrapper", ":x php://filter/resource=index");
    assertRule("path.wrapper", "a:b c: file:///etc/hosts");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/*/*/*/*", "(/)", "//", "\\", "/*--*/", "%25%25"})
  void separatorsAndPunctuationAloneNameNothing(String value) {
    assertBenign(value);
  }

  @Test
  void theGateForPunctuationKeepsWhatNeedsNoLetter() {
    assertRule("path.unc", "\\\\?\\");
    assertRule("path.unc", "\\\\.\\");
    assertRule("path.nul-truncation", "/%00");
    assertRule("path.traversal", "../../");
    assertRule("path.traversal", "\u2024\u2024/\u2024\u2024/");
  }

  @Test
  void brokenEncodingsFindTheirTargetWhateverTheCaseAndBeyondAscii() {
    assertRule("path.traversal", "..%c0%9vETC%c0%9vPASSWD");
    assertRule("path.traversal", "..%c0%9vw\u0130n.\u0130n\u0130"); // lower case makes the i of win.ini
    assertBenign("..x".repeat(1000));
  }

  @Test
  void base64IsDecodedWhenItsFirstCharacterCanBeginText() {
    // Li4v... is "../", ZXRj "etc", Ly4u "/..", a2V5 starts "key": each first character is I to Z or a to f
    for (String text : new String[] {"../../etc/passwd", "etc/passwd", "/../../x", "..\\..\\win.ini", ".htpasswd",
        "C:\\Windows\\win.ini", "php://filter/resource=x", "~/../../x", "id_rsa"}) {
      String encoded = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
      assertNotNull(detect(encoded), () -> "not detected: " + encoded + " (" + text + ")");
    }
    assertBenign("quantity");
    assertBenign("customer");
  }

  // ---------------------------------------------------------------- contract

  @Test
  void aWeakFindingStillReadsOnWhileAStrongerOneMayCome() {
    String unc = "\\\\n".repeat(1000); // \\n\\n...: a UNC path (70) at the start
    assertEquals(70, detect(unc).score());
    assertEquals("path.unc", detect(unc).ruleId());
    assertRule("path.traversal", unc + "\\..\\x");
    assertRule("path.traversal", unc + "\\0x2e0x2e\\x");
    assertRule("path.traversal", unc + "\\\u2024\u2024\\x");
    assertRule("path.wrapper", unc + " php://filter/x");
    assertEquals(85, detect(unc + " \\Etc\\x").score());
    assertEquals(85, detect(unc + "\\PROC\\123").score());
    assertRule("path.unc", "\\\\?\\".repeat(1000));
  }

  @Test
  void twoClimbsStillReadOnWhileASensitivePlaceMayFollow() {
    String climbs = "..%2f".repeat(1000);
    assertEquals(90, detect(climbs).score());
    assertEquals(95, detect(climbs + "etc/passwd").score());
    assertEquals(95, detect(climbs + "x/.htpasswd").score());
    assertEquals(95, detect(climbs + "WINDOWS/win.ini").score());
    assertEquals(95, detect(climbs + "PROC/self/environ").score());
    assertEquals(95, detect(climbs + "x/id_rsa").score());
  }

  @ParameterizedTest
  @ValueSource(strings = {"..%c0%9vetc%c0%9vpasswd", "..%c0%9vLOGS%c0%9vaccess.log", "..%c0%9vboot.\u0131ni",
      "..%c0%9v\u017fystem.ini", "..%c0%9vW\u0130N.\u0130N\u0130", "..%c0%9vPROC%c0%9vself%c0%9venviron"})
  void aBrokenEncodingAmongMarksIsStillReadForTargetsSpelledBeyondAscii(String value) {
    assertRule("path.traversal", "e\u0301".repeat(1000) + value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\u", "\\x", "\\x3c", "\\u003c", ":/", ";", ":", "\\", "${::-", "\nX:", "file://",
      ";C:\\a\\b ", "http://0x7f.1/", "http://a@127.0.0.1/", "a/", "/x3c"})
  void anAttackAfterAFloodOfSegmentsColonsOrTerminatorsIsFoundAsAlone(String unit) {
    String flood = unit.repeat(100_000 / unit.length());
    for (String attack : new String[] {"../../etc/passwd", "..\\..\\windows\\win.ini", "php://filter/resource=index",
        "..;/..;/WEB-INF/web.xml"}) {
      // after "; ": a URL's path read on past a space would count only climbs (as without the flood)
      Detection alone = detect(attack);
      assertEquals(alone, detect(flood + "; " + attack), () -> unit + " then " + attack);
      assertEquals(alone, detect(flood + Floods.EVERY_LETTER + "; " + attack),
          () -> unit + " letters, then " + attack);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"C:\\Windows\\win.ini", "C:\\inetpub\\web.config", "C:\\a\\.htpasswd", "C:\\x\\y\\id_rsa",
      "/etc/shadow", "/var/log/x", "C:\\sysprep.inf", "../../a", "..\\..\\x\\y", "C:\\a\\..", "x/.env",
      "C:\\a\\b\\web.config", "/proc/1", "file:///etc/passwd"})
  void aPathEndedBySpacesAndATerminatorAmongWindowsPathsIsFoundAsAlone(String path) {
    // the paths of the flood end on a segment that names nothing, a fast path: these end on one that may
    String flood = ";C:\\a\\b ".repeat(100_000 / 8);
    Detection alone = detect(path);
    assertEquals(alone, detect(flood + ";" + path + " ;" + flood), path);
    assertEquals(alone, detect(flood + ";" + path + ";" + flood + Floods.EVERY_LETTER), path);
    assertEquals(alone, detect(flood + ";" + path + "  \n" + flood), path);
    assertBenign(flood);
    assertBenign(flood + Floods.EVERY_LETTER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\u", "\\x", "\\x3c", "\\u003c", ":/", ";", ":", "\\", "${::-", "\nX:",
      ";C:\\a\\b ", "http://0x7f.1/", "http://a@127.0.0.1/", "a/", "/x3c"})
  void aFloodOfSegmentsColonsOrTerminatorsBeforeAnOrdinaryPathIsNoFinding(String unit) {
    String flood = unit.repeat(100_000 / unit.length());
    assertBenign(flood + " docs/readme.txt");
    assertBenign(flood + Floods.EVERY_LETTER + " docs/readme.txt");
  }

  @Test
  void aPathOfNamesThenOfSegmentsThatNameNothingIsJudgedAsAWhole() {
    // once a segment names something the rest of its path is read by the full loop; a path ends at a space
    String names = "/usr/local/bin/" + "x/".repeat(50_000);
    assertEquals(detect("/usr/local/bin/x/apache2/conf/httpd.conf"), detect(names + "apache2/conf/httpd.conf"));
    assertRule("path.sensitive-file", "/etc/" + "x/".repeat(50_000) + "passwd");
    assertBenign("/bin/".repeat(20_000) + " docs/readme.txt");
    assertEquals(detect("/etc/passwd"), detect("/bin/".repeat(20_000) + " /etc/passwd"));
  }

  @Test
  void aRunOfSegmentsThatNameNothingStillLeadsToANameAtItsEnd() {
    String run = "\\x".repeat(50_000);
    assertEquals(detect("/etc/passwd"), detect(run + "\\etc\\passwd"));
    assertEquals(detect("/x/x/.ssh/id_rsa"), detect(run + "\\.ssh\\id_rsa"));
    assertRule("path.traversal", run + "\\..\\..\\x");
    assertRule("path.traversal", run + "\\0x2e0x2e\\x");
    assertRule("path.wrapper", run + "\\php://filter/x");
    assertBenign(run + "\\docs\\readme.txt");
    // dots in a run: punctuation and dots alone climb, .2f separates, a file's kind still counts
    assertEquals(detect("/x/x/-.-.-/x"), detect(run + "\\-.-.-\\x"));
    assertEquals(detect("/x/x/a.2fetc.2fpasswd"), detect(run + "\\a.2fetc.2fpasswd"));
    assertEquals(detect("/x/x/.htpasswd"), detect(run + "\\a.b\\.htpasswd"));
    assertBenign(run + "\\a.b\\c.d");
    // a character no name has does not hide a name's prefix or version
    assertEquals(detect("/x/x/sess_a:b"), detect(run + "\\sess_a:b"));
    assertEquals(detect("/usr/x/apache2:x/conf/httpd.conf"), detect("/usr" + run + "\\apache2:x\\conf\\httpd.conf"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\\\127.0.0.1\\", ";cat 'x", "\\1.2\\", "\\-.-\\", "\\;x'y"})
  void anAttackAfterAFloodOfAddressesOrShellWordsIsFoundAsAlone(String unit) {
    String flood = unit.repeat(100_000 / unit.length());
    for (String attack : new String[] {"../../etc/passwd", "..\\..\\windows\\win.ini", "php://filter/resource=index",
        "..;/..;/WEB-INF/web.xml", "x/etc/passwd"}) {
      Detection alone = detect(flood.substring(0, unit.length() * 2) + "; " + attack);
      assertEquals(alone, detect(flood + "; " + attack), () -> unit + " then " + attack);
      assertEquals(alone, detect(flood + Floods.EVERY_LETTER + "; " + attack),
          () -> unit + " letters, then " + attack);
    }
  }

  @Test
  void aRunOfSegmentsWithoutLettersStillLeadsToANameAtItsEnd() {
    // a segment without letters is named only as digits (a pid) or a dot file, and may still climb
    String run = "\\127.0.0.1".repeat(20_000);
    for (String end : new String[] {"\\etc\\passwd", "\\..\\..\\x", "\\-.-.-\\x", "\\.1\\x", "\\proc\\123",
        "\\1.2.3.4\\docs\\readme.txt", "\\1.2:3\\x", "\\.-\\.htpasswd", "\\1\\2\\x.log"}) {
      assertEquals(detect("\\127.0.0.1\\127.0.0.1" + end), detect(run + end), end);
    }
    assertBenign(run + "\\docs\\readme.txt");
  }

  @Test
  void anAlternateDataStreamAfterAFloodOfColonsIsFound() {
    String flood = "${::-".repeat(20_000);
    assertEquals(detect("web.config::$DATA"), detect(flood + " web.config::$DATA"));
    String stream = "admin:$i30:$INDEX_ALLOCATION";
    assertEquals(detect(stream), detect(flood + Floods.EVERY_LETTER + " " + stream));
    assertBenign(flood + " price:$5");
  }

  @Test
  void detectionsNeverCarryTheValue() {
    Detection d = detect("../../etc/passwd");
    assertFalse(d.toString().contains("passwd"));
    assertEquals(Category.PATH, detector.category());
  }

  @Test
  void oneMegabyteNearMissesCompleteInLinearTime() {
    int mb = 1 << 20;
    String[] nearMisses = {".".repeat(mb), "../".repeat(mb / 3), "/a".repeat(mb / 2), "\\".repeat(mb),
        "0x2e".repeat(mb / 4), "..\u00c0".repeat(mb / 3), "a:".repeat(mb / 2), "etc".repeat(mb / 3),
        "C:\\".repeat(mb / 3), "/ ".repeat(mb / 2), "~/".repeat(mb / 2), "A".repeat(mb - 4) + "===="};
    for (String value : nearMisses) {
      detect(value); // completes; no timing assertion
    }
    assertRule("path.traversal", "../".repeat(mb / 3) + "etc/passwd");
    assertRule("path.traversal", "x".repeat(mb) + "/../../etc/passwd");
  }
}
