package dev.lambdaguard.input.detect;

import static dev.lambdaguard.input.detect.CmdiShell.ANY;
import static dev.lambdaguard.input.detect.CmdiShell.CODE_FLAG;
import static dev.lambdaguard.input.detect.CmdiShell.END;
import static dev.lambdaguard.input.detect.CmdiShell.FLAG;
import static dev.lambdaguard.input.detect.CmdiShell.HOST;
import static dev.lambdaguard.input.detect.CmdiShell.INSIDE;
import static dev.lambdaguard.input.detect.CmdiShell.MARKER;
import static dev.lambdaguard.input.detect.CmdiShell.NUM_END;
import static dev.lambdaguard.input.detect.CmdiShell.PAREN;
import static dev.lambdaguard.input.detect.CmdiShell.PATH;
import static dev.lambdaguard.input.detect.CmdiShell.QUOTED;
import static dev.lambdaguard.input.detect.CmdiShell.REDIRECT;
import static dev.lambdaguard.input.detect.CmdiShell.REDIRECT_OUT;
import static dev.lambdaguard.input.detect.CmdiShell.SENSITIVE;
import static dev.lambdaguard.input.detect.CmdiShell.SYS_PATH;
import static dev.lambdaguard.input.detect.CmdiShell.URL;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The curated commands and, for each kind, the arguments that make a word in command position a command rather
 * than a word of prose. Two positions are judged differently:
 *
 * <ul>
 *   <li>after a separator or inside a substitution ({@code ;}, {@code |}, {@code &&}, {@code `…`},
 *       {@code $(…)}): a word that is no English word ({@code whoami}, {@code ls}) is enough; a word that is one
 *       ({@code cat}, {@code type}, {@code sleep}, {@code id}) needs the arguments its command takes
 *       ({@code cat /etc/passwd}, {@code sleep 5}, {@code id} alone);
 *   <li>as the whole value (or a line of prose): only a command line no one types as data, such as an
 *       interpreter with inline code ({@code perl -e}), a reader of a secret-bearing file
 *       ({@code cat /etc/passwd}, not {@code cat /etc/os-release}), a listing of a system directory
 *       ({@code ls -l /etc}, {@code dir C:\}), a reconnaissance tool with its switches ({@code uname -a},
 *       {@code ipconfig /all}) or an account or firewall change ({@code net user … /add}). {@code ls -la ~/Downloads},
 *       {@code curl -s https://…}, {@code python -m venv} pass.
 * </ul>
 *
 * Unix names are matched as typed (the shell is case-sensitive: {@code ID} is no command), Windows names in any
 * case.
 */
final class CmdiCommands {

  static final int RECON = 1;
  static final int ID = 2;
  static final int PWD = 3;
  static final int LIST = 4;
  static final int READ = 5;
  static final int TYPE = 6;
  static final int ECHO = 7;
  static final int SLEEP = 8;
  static final int PING = 9;
  static final int FETCH = 10;
  static final int NETCAT = 11;
  static final int SHELL = 12;
  static final int WINSHELL = 13;
  static final int INTERP = 14;
  static final int NET = 15;
  static final int NETSH = 16;
  static final int REG = 17;
  static final int WINTOOL = 18;
  static final int REMOVE = 19;
  static final int FIND = 20;
  static final int ENV = 21;
  static final int PS = 22;
  static final int MKFIFO = 23;
  static final int ADMIN = 24;
  static final int KILL = 25;
  static final int WRAPPER = 26;
  static final int POWERSHELL = 27;
  static final int FILE_WORD = 28;
  static final int TOOL = 29;
  static final int FLAGGED_WORD = 30;
  /** The last kind: kinds are bits of an int ({@code 1 << kind}). */
  static final int LAST_KIND = FLAGGED_WORD;

  /** The longest command name. */
  private static final int MAX_NAME = 24;

  /** Names, their kinds and whether they match in any case (Windows), grouped by first letter. */
  private static final List<String> NAMES = new ArrayList<>();
  private static final List<Integer> KINDS = new ArrayList<>();
  private static final List<Boolean> ANY_CASE = new ArrayList<>();
  private static final int[][] BY_LETTER = new int[26][];
  /** Entries by first letter and length: the few names a word of that shape could be. */
  private static final int[][][] BY_LETTER_LENGTH = new int[26][MAX_NAME + 1][];
  private static final String[] NAME_OF;
  /** {@link #NAME_OF} as characters: compared at every command word, without a String's per-character checks. */
  private static final char[][] NAME_CHARS;
  private static final int[] KIND_OF;
  private static final boolean[] ANY_CASE_OF;

  private static final Set<String> NET_SUBCOMMANDS = Set.of(
      "user", "users", "localgroup", "group", "view", "use", "share", "session", "accounts", "config", "start",
      "stop");
  private static final Set<String> REG_SUBCOMMANDS = Set.of(
      "add", "query", "delete", "save", "export", "import", "load", "copy");

  /**
   * The first three characters of every name, as classes (a letter in any case, or anything else): a bit set
   * indexed by {@link #prefixIndex}. A word whose prefix is not in it names no command, which a value's first
   * word tells in one lookup.
   */
  private static final long[] PREFIXES = new long[(27 * 27 * 27 + 63) / 64];
  /** Per kind: whether a plain word of that kind can start a command line at the value's start (strict). */
  private static final boolean[] RUNS_AT_START = new boolean[LAST_KIND + 1];
  /** Per kind: whether such a word alone (nothing but blanks after it) is a command line at the value's start. */
  private static final boolean[] RUNS_ALONE = new boolean[LAST_KIND + 1];

  static {
    unix(RECON, "whoami", "uname", "ifconfig", "netstat", "hostname", "lsb_release", "getent", "nslookup",
        "traceroute", "lsof", "uptime", "nmap", "tcpdump", "dmesg", "printenv", "iptables", "sysinfo", "lscpu",
        "lsmod", "lsblk", "lspci", "lsusb", "lastlog", "vmstat", "iostat");
    unix(ID, "id");
    unix(PWD, "pwd");
    unix(LIST, "ls", "dir");
    unix(READ, "cat", "tac", "nl", "head", "tail", "more", "less", "strings", "xxd", "od", "base64", "hexdump");
    unix(ECHO, "echo", "printf");
    unix(SLEEP, "sleep", "usleep");
    unix(PING, "ping", "ping6", "dig", "whois", "arping", "fping", "nping");
    unix(FETCH, "curl", "wget", "tftp", "lwp-download");
    unix(NETCAT, "nc", "ncat", "netcat", "socat", "telnet");
    unix(SHELL, "bash", "sh", "zsh", "ksh", "dash", "csh", "tcsh", "ash", "su");
    unix(INTERP, "perl", "python", "python2", "python3", "php", "ruby", "node", "nodejs", "lua", "irb",
        "jrunscript");
    unix(REMOVE, "rm", "shred");
    unix(FIND, "find", "locate");
    unix(ENV, "env");
    unix(PS, "ps");
    unix(MKFIFO, "mkfifo", "mknod");
    unix(ADMIN, "chmod", "chown", "chgrp", "useradd", "userdel", "usermod", "adduser", "crontab");
    unix(KILL, "kill", "killall", "pkill", "shutdown", "reboot", "halt", "poweroff");
    // wrappers, and the shell's keywords after which a command comes (;then sleep 5, do id)
    unix(WRAPPER, "sudo", "nohup", "busybox", "exec", "command", "builtin", "nice", "time", "strace", "ltrace",
        "eval", "then", "do", "else");
    // English words that write or pack files: a command only with a path or a redirection (touch base, cut in half,
    // tee -time pass), or inside a substitution (`cut x`)
    unix(FILE_WORD, "touch", "tee", "zip", "tar", "cut");
    // Utilities no one writes in prose: file copies and links, archives, editors and debuggers that run shell
    // escapes, awk, xargs
    unix(TOOL, "cp", "mv", "mkdir", "ln", "dd", "chattr", "gzip", "gunzip", "unzip", "scp", "rsync", "vim", "nvim",
        "gdb", "awk", "gawk", "mawk", "xargs", "htop", "xterm");
    // English words that list sessions, processes or history, or wait: a command with a flag (timeout /t 5), or
    // alone inside a substitution ($(last))
    unix(FLAGGED_WORD, "last", "who", "top", "history", "timeout");
    windows(RECON, "ipconfig", "systeminfo", "tasklist", "whoami", "hostname", "nslookup", "tracert", "netstat",
        "getmac", "qwinsta", "quser", "nltest", "dsquery");
    windows(LIST, "dir");
    windows(TYPE, "type");
    windows(WINSHELL, "cmd");
    windows(POWERSHELL, "powershell", "pwsh");
    windows(NET, "net");
    windows(NETSH, "netsh");
    windows(REG, "reg");
    windows(WINTOOL, "wmic", "certutil", "bitsadmin", "mshta", "rundll32", "regsvr32", "cscript", "wscript",
        "msiexec", "schtasks", "taskkill", "vssadmin", "bcdedit", "wevtutil", "icacls", "takeown", "regedit",
        "forfiles", "msbuild", "installutil", "cmstp", "regasm", "regsvcs", "odbcconf", "certreq", "winget", "runas",
        "findstr", "xcopy", "robocopy");
    windows(PING, "ping");
    windows(WINTOOL, "invoke-expression", "iex", "invoke-webrequest", "iwr", "invoke-restmethod", "irm",
        "start-process", "new-object", "get-content", "set-content", "get-childitem", "get-process",
        "get-wmiobject", "invoke-command");
    for (int letter = 0; letter < 26; letter++) {
      List<Integer> entries = new ArrayList<>();
      for (int i = 0; i < NAMES.size(); i++) { // Unix entries were added first: they win over Windows ones
        if (NAMES.get(i).charAt(0) - 'a' == letter) {
          entries.add(i);
        }
      }
      BY_LETTER[letter] = toArray(entries);
    }
    for (int letter = 0; letter < 26; letter++) {
      for (int len = 0; len <= MAX_NAME; len++) {
        List<Integer> ofLength = new ArrayList<>();
        for (int i : BY_LETTER[letter]) {
          if (NAMES.get(i).length() == len) {
            ofLength.add(i);
          }
        }
        BY_LETTER_LENGTH[letter][len] = toArray(ofLength);
      }
    }
    for (String name : NAMES) {
      int c0 = letterClass(name.charAt(0));
      int c1 = letterClass(name.charAt(1));
      // A word of two characters is followed by no word character, so by class 26 (or the end, read as 26).
      mark((c0 * 27 + c1) * 27 + (name.length() == 2 ? 26 : letterClass(name.charAt(2))));
    }
    int everyProperty = -1 & ~PAREN;
    for (int kind = 1; kind <= LAST_KIND; kind++) {
      RUNS_AT_START[kind] = kind == WRAPPER || accepts(kind, everyProperty, true, "user")
          || accepts(kind, everyProperty, true, "add");
      RUNS_ALONE[kind] = accepts(kind, END, true, null);
    }
    NAME_OF = NAMES.toArray(new String[0]);
    NAME_CHARS = new char[NAMES.size()][];
    for (int i = 0; i < NAME_CHARS.length; i++) {
      NAME_CHARS[i] = NAMES.get(i).toCharArray();
    }
    KIND_OF = toArray(KINDS);
    ANY_CASE_OF = new boolean[NAME_OF.length];
    for (int i = 0; i < NAME_OF.length; i++) {
      ANY_CASE_OF[i] = ANY_CASE.get(i);
    }
  }

  private CmdiCommands() {}

  /** Every command name, for {@link CmdiLetters}. */
  static List<String> names() {
    return List.of(NAME_OF);
  }

  private static void unix(int kind, String... names) {
    add(kind, false, names);
  }

  private static void windows(int kind, String... names) {
    add(kind, true, names);
  }

  private static void mark(int index) {
    PREFIXES[index >>> 6] |= 1L << index;
  }

  /** 0..25 for an ASCII letter in either case, 26 for any other character. */
  private static int letterClass(char c) {
    int l = (c | 0x20) - 'a';
    return c < 128 && l >= 0 && l < 26 ? l : 26;
  }

  /**
   * {@code kindAt(s, p, e)}, most words answered 0 by the prefix lookup alone. Exact for any region: every name,
   * as kindAt matches it (alone, with {@code .exe}, {@code .com} or {@code .bat}, or with a version), starts with
   * the prefix of its first three characters, or of two and a character that is no letter.
   */
  static int nameKind(String s, int p, int e) {
    return e - p >= 2 && hasPrefix(prefixIndex(s, p, e)) ? kindAt(s, p, e) : 0;
  }

  private static boolean hasPrefix(int index) {
    return (PREFIXES[index >>> 6] & 1L << index) != 0;
  }

  /**
   * Whether the word at {@code p} read as {@link CmdiShell#word} reads it (quoting tricks dropped) may name a
   * command: it starts as a name does, or has a slash (a path). Allocates nothing.
   */
  static boolean mayNameWord(String s, int p) {
    int n = s.length();
    int len = 0;
    int index = 0;
    boolean slash = false;
    for (int j = p; j < n && j - p < CmdiShell.MAX_WORD * 2; ) {
      int skip = CmdiShell.wordStep(s, j, len);
      if (skip < 0) {
        break;
      }
      if (skip == 0) {
        char c = s.charAt(j);
        index = len < 3 ? index * 27 + letterClass(c) : index;
        slash |= c == '/';
        len++;
        j++;
      } else {
        j += skip;
      }
      if (len > CmdiShell.MAX_WORD) {
        return false; // no word, as word() reads it
      }
    }
    return slash || len >= 2 && hasPrefix(len == 2 ? index * 27 + 26 : index);
  }

  /** Index into {@link #PREFIXES} of the word {@code s[p, e)} (at least two characters long). */
  private static int prefixIndex(String s, int p, int e) {
    int c2 = p + 2 < e ? letterClass(s.charAt(p + 2)) : 26;
    return (letterClass(s.charAt(p)) * 27 + letterClass(s.charAt(p + 1))) * 27 + c2;
  }

  private static void add(int kind, boolean anyCase, String... names) {
    for (String name : names) {
      NAMES.add(name);
      KINDS.add(kind);
      ANY_CASE.add(anyCase);
    }
  }

  /** The kind of command {@code s[a, b)} names, 0 for none; allocates nothing. */
  static int kindAt(String s, int a, int b) {
    int len = b - a;
    if (len < 2 || len > MAX_NAME) {
      return 0;
    }
    int letter = (s.charAt(a) | 0x20) - 'a';
    if (letter < 0 || letter >= 26) {
      return 0;
    }
    int windowsEnd = b;
    if (len > 4 && s.charAt(b - 4) == '.' && (s.regionMatches(true, b - 3, "exe", 0, 3)
        || s.regionMatches(true, b - 3, "com", 0, 3) || s.regionMatches(true, b - 3, "bat", 0, 3))) {
      windowsEnd = b - 4;
    }
    for (int i : BY_LETTER_LENGTH[letter][len]) {
      if (matches(s, a, NAME_CHARS[i], ANY_CASE_OF[i])) {
        return KIND_OF[i];
      }
    }
    if (windowsEnd != b) {
      for (int i : BY_LETTER_LENGTH[letter][windowsEnd - a]) {
        if (ANY_CASE_OF[i] && matches(s, a, NAME_CHARS[i], true)) {
          return KIND_OF[i];
        }
      }
    }
    return Character.isDigit(s.charAt(b - 1)) ? versioned(s, a, b) : 0;
  }

  /**
   * An interpreter named with its version, as distributions install them ({@code python3.10}, {@code php7.4},
   * {@code perl5.36}): {@link #INTERP} when the name without its trailing digits and dots is one, else 0.
   */
  private static int versioned(String s, int a, int b) {
    int e = b;
    while (e > a && (Character.isDigit(s.charAt(e - 1)) || s.charAt(e - 1) == '.')) {
      e--;
    }
    return e - a >= 2 && CmdiShell.isLetter(s.charAt(e - 1)) && kindAt(s, a, e) == INTERP ? INTERP : 0;
  }

  /** Whether {@code s} holds {@code name} (lower case ASCII) at {@code a}, ASCII letters in any case if asked. */
  private static boolean matches(String s, int a, char[] name, boolean anyCase) {
    for (int k = 0; k < name.length; k++) {
      char c = s.charAt(a + k);
      if (anyCase && c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != name[k]) {
        return false;
      }
    }
    return true;
  }

  /** Characters one of which the arguments of a command line at the value's start need; see {@link #mayStartLine}. */
  private static final Normalized.CharSet START_ARGUMENTS = Normalized.charSet("-%.");
  private static final Normalized.CharSet QUOTES = Normalized.charSet("'\"");
  private static final Normalized.CharSet BLANKS = Normalized.charSet(" \t\u000b\f");
  private static final Normalized.CharSet[] NETSH_LETTERS = CharSets.eachChar("netsh", true, "");
  private static final Normalized.CharSet[] REG_LETTERS = CharSets.eachChar("reg", true, "");
  private static final Normalized.CharSet[][] REG_SUBCOMMAND_LETTERS = lettersOfEach(REG_SUBCOMMANDS);

  private static Normalized.CharSet[][] lettersOfEach(java.util.Collection<String> words) {
    Normalized.CharSet[][] sets = new Normalized.CharSet[words.size()][];
    int i = 0;
    for (String word : words) {
      sets[i++] = CharSets.eachChar(word, true, "");
    }
    return sets;
  }

  static int[] toArray(List<Integer> values) {
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  /**
   * Whether a value without any of the scanner's trigger characters may hold a command line at its start, judged
   * from its character set alone (the value is not read). A quote may spell the word ({@code w'h'o'a'm'i}, read
   * leniently) or put it after a separator. Otherwise what {@link #accepts} asks of a command at the start is an
   * argument, so a blank ({@code uname}, {@code ipconfig} alone pass), and in it, without a trigger character: a
   * flag or code flag ({@code -}), a system path ({@code %WINDIR%}) or a secret-bearing file ({@code .}); only
   * {@code netsh} (any argument) and {@code reg} (a sub-command) need nothing but their letters. A wrapper
   * ({@code sudo}, {@code nice}) needs what the command after it needs.
   */
  static boolean mayStartLine(Normalized value) {
    if (value.containsAny(QUOTES)) {
      return true;
    }
    if (!value.containsAny(BLANKS)) {
      return false; // one token: a command without arguments, or none
    }
    if (value.containsAny(START_ARGUMENTS) || value.containsEach(NETSH_LETTERS)) {
      return true;
    }
    if (value.containsEach(REG_LETTERS)) {
      for (Normalized.CharSet[] sub : REG_SUBCOMMAND_LETTERS) {
        if (value.containsEach(sub)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a value without any of the scanner's trigger characters (see {@link CmdiScanner}) can be a command
   * line: its first word (after blanks and quotes) names a command that runs at the start of a value with what
   * follows, or is spelled with quotes ({@code w'h'o'a'm'i}). A necessary condition, so that such a value skips
   * the scan: a prefix lookup for most words, a look at the word for the few that pass it. Allocates nothing.
   *
   * @param quotes whether the value has a quote at all (only a quote can spell an evasion without a trigger)
   */
  static boolean mayStartCommand(String s, boolean quotes) {
    int n = s.length();
    int p = 0;
    boolean quoted = false;
    for (; p < n; p++) {
      char c = s.charAt(p);
      if (c == '\'' || c == '"') {
        quoted = true;
      } else if (!CmdiShell.isSpace(c)) {
        break;
      }
    }
    if (p + 1 >= n) {
      return false; // a word of one character names no command
    }
    boolean prefix = hasPrefix(prefixIndex(s, p, n));
    if (!prefix && !(quotes && quoteIn(s, p, p + 3))) {
      // Without a trigger character only a quote can split a word (a backslash, $@, ^ are triggers), and the word
      // read with its quotes dropped starts with the same three characters when none of them is a quote.
      return false;
    }
    int e = CmdiShell.plainEnd(s, p);
    if (quotes && CmdiShell.evasionAt(s, p, e)) {
      return mayNameWord(s, p); // read leniently, as any command: w'h'o'a'm'i
    }
    if (!prefix) {
      return false;
    }
    int kind = kindAt(s, p, e);
    if (kind == 0) {
      return false;
    }
    if (quoted) {
      return true; // a quote and a blank before it put the word after a separator, where more runs
    }
    if (!RUNS_AT_START[kind]) {
      return false; // id, ping, curl, echo…: commands only after a separator
    }
    for (int k = e; k < n; k++) {
      if (!CmdiShell.isSpace(s.charAt(k))) {
        return true;
      }
    }
    return RUNS_ALONE[kind];
  }

  private static boolean quoteIn(String s, int from, int to) {
    for (int k = from; k < to && k < s.length(); k++) {
      if (s.charAt(k) == '\'' || s.charAt(k) == '"') {
        return true;
      }
    }
    return false;
  }

  /**
   * The kinds, as bits {@code 1 << kind}, whose commands {@link #accepts} may take with arguments of some of the
   * {@code possible} properties (see {@link CmdiShell#possibleArgs}); a kind with a sub-command is always kept.
   *
   * @param start as for {@link #accepts}
   */
  static int viableKinds(int possible, boolean start) {
    int kinds = 0;
    for (int kind = 1; kind <= LAST_KIND; kind++) {
      // accepts asks only whether properties are present, except that echo wants no parenthesis: leave it out
      if (takesSubcommand(kind) || accepts(kind, possible & ~PAREN, start, null)) {
        kinds |= 1 << kind;
      }
    }
    return kinds;
  }

  /** {@link #viableKinds} by {@code possible << 1 | (start ? 1 : 0)}, filled at first use; 0 when not yet known. */
  private static final int[] VIABLE = new int[(CmdiShell.SENSITIVE << 2)];
  private static final int KNOWN = 1; // bit 0 of an entry: no kind is 0, so the kinds start at bit 1

  /**
   * {@link #viableKinds}, remembered: a scan that asks it at each command word of a long value (see CmdiScanner)
   * pays the loop over every kind once per distinct set of properties. Entries are written whole and always to
   * the same value, so threads may share the table without a lock.
   */
  static int viableKindsOf(int possible, boolean start) {
    int key = possible << 1 | (start ? 1 : 0);
    int kinds = VIABLE[key];
    if (kinds == 0) {
      kinds = viableKinds(possible, start) | KNOWN;
      VIABLE[key] = kinds;
    }
    return kinds & ~KNOWN;
  }

  /** The kind of command each name of {@link #names} is. */
  static int kindOf(int name) {
    return KIND_OF[name];
  }

  /** Whether the kind takes a sub-command word ({@code net user}, {@code reg add}, {@code ps aux}). */
  static boolean takesSubcommand(int kind) {
    return kind == NET || kind == REG || kind == PS;
  }

  /**
   * Whether a command of this kind with arguments of these {@link CmdiShell#args properties} is a command.
   *
   * @param start true at the start of the value or of a line of prose (strict), false after a separator
   * @param sub the first argument in lower case for {@link #takesSubcommand} kinds, else null
   */
  static boolean accepts(int kind, int props, boolean start, String sub) {
    switch (kind) {
      case RECON:
        return start ? has(props, FLAG) : has(props, END | FLAG | HOST | PATH | URL);
      case ID:
        return !start && has(props, END | FLAG | REDIRECT_OUT); // id>/tmp/x: its output written out
      case PWD:
        return !start && has(props, END | REDIRECT_OUT);
      case LIST:
        return start ? has(props, SYS_PATH) : has(props, END | FLAG | PATH);
      case READ:
        return start ? has(props, SENSITIVE) : has(props, PATH | FLAG | REDIRECT);
      case TYPE:
        return start ? has(props, SYS_PATH) : has(props, PATH);
      case ECHO:
        return !start && has(props, QUOTED | FLAG | REDIRECT_OUT | MARKER) && !has(props, PAREN);
      case SLEEP:
        return !start && has(props, NUM_END);
      case PING:
        return !start && has(props, FLAG | HOST);
      case FETCH:
        return !start && has(props, END | FLAG | URL | HOST | PATH);
      case WINTOOL:
      case POWERSHELL:
        return !start || kind == POWERSHELL && has(props, CODE_FLAG);
      case NETCAT:
        return start ? has(props, CODE_FLAG) : has(props, FLAG | HOST | END);
      case SHELL:
        return start ? has(props, CODE_FLAG) : has(props, END | FLAG | PATH | REDIRECT);
      case WINSHELL:
        return start ? has(props, CODE_FLAG) : has(props, END | FLAG);
      case INTERP:
        return has(props, CODE_FLAG) || !start && has(props, SYS_PATH);
      case NET:
        return sub != null && NET_SUBCOMMANDS.contains(sub) && (!start || has(props, FLAG));
      case NETSH:
        return has(props, ANY);
      case REG:
        return sub != null && REG_SUBCOMMANDS.contains(sub);
      case REMOVE:
        return start ? has(props, FLAG) && has(props, SYS_PATH) : has(props, FLAG | PATH);
      case FIND:
        return !start && has(props, SYS_PATH);
      case ENV:
        return !start && has(props, END);
      case PS:
        return !start && (has(props, FLAG) || "aux".equals(sub));
      case MKFIFO:
        return !start || has(props, SYS_PATH);
      case ADMIN:
        return !start && has(props, ANY);
      case KILL:
        return !start && has(props, FLAG | NUM_END);
      case FILE_WORD:
        return !start && (has(props, PATH | REDIRECT_OUT) || has(props, INSIDE));
      case TOOL:
        return !start && (has(props, END | FLAG | PATH | QUOTED) || has(props, INSIDE));
      case FLAGGED_WORD:
        return !start && (has(props, FLAG) || has(props, END) && has(props, INSIDE));
      default:
        return false;
    }
  }

  private static boolean has(int props, int any) {
    return (props & any) != 0;
  }
}
