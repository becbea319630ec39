package dev.lambdaguard.input.detect;

import static dev.lambdaguard.input.detect.CmdiShell.ANY;
import static dev.lambdaguard.input.detect.CmdiShell.CODE_FLAG;
import static dev.lambdaguard.input.detect.CmdiShell.END;
import static dev.lambdaguard.input.detect.CmdiShell.FLAG;
import static dev.lambdaguard.input.detect.CmdiShell.HOST;
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
 *       ({@code ls -l /etc}, {@code dir C:\}), a reconnaissance tool with its switches ({@code uname -a}, {@code ipconfig /all}) or
 *       an account or firewall change ({@code net user … /add}). {@code ls -la ~/Downloads},
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
  private static final int[] KIND_OF;
  private static final boolean[] ANY_CASE_OF;

  private static final Set<String> NET_SUBCOMMANDS = Set.of(
      "user", "users", "localgroup", "group", "view", "use", "share", "session", "accounts", "config", "start",
      "stop");
  private static final Set<String> REG_SUBCOMMANDS = Set.of(
      "add", "query", "delete", "save", "export", "import", "load", "copy");

  static {
    unix(RECON, "whoami", "uname", "ifconfig", "netstat", "hostname", "lsb_release", "getent", "nslookup",
        "traceroute", "lsof", "uptime", "nmap", "tcpdump", "dmesg", "printenv", "iptables", "sysinfo", "lscpu");
    unix(ID, "id");
    unix(PWD, "pwd");
    unix(LIST, "ls", "dir");
    unix(READ, "cat", "tac", "nl", "head", "tail", "more", "less", "strings", "xxd", "od", "base64", "hexdump");
    unix(ECHO, "echo", "printf");
    unix(SLEEP, "sleep", "usleep");
    unix(PING, "ping", "ping6");
    unix(FETCH, "curl", "wget", "tftp", "lwp-download");
    unix(NETCAT, "nc", "ncat", "netcat", "socat", "telnet");
    unix(SHELL, "bash", "sh", "zsh", "ksh", "dash", "csh", "tcsh", "ash");
    unix(INTERP, "perl", "python", "python2", "python3", "php", "ruby", "node", "nodejs", "lua", "irb",
        "jrunscript");
    unix(REMOVE, "rm", "shred");
    unix(FIND, "find", "locate");
    unix(ENV, "env");
    unix(PS, "ps");
    unix(MKFIFO, "mkfifo", "mknod");
    unix(ADMIN, "chmod", "chown", "chgrp", "useradd", "userdel", "usermod", "adduser", "crontab");
    unix(KILL, "kill", "killall", "pkill", "shutdown", "reboot", "halt", "poweroff");
    unix(WRAPPER, "sudo", "nohup", "busybox", "exec", "command", "builtin", "nice");
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
        "msiexec", "schtasks", "taskkill", "vssadmin", "bcdedit", "wevtutil", "icacls", "takeown");
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
      BY_LETTER[letter] = entries.stream().mapToInt(Integer::intValue).toArray();
    }
    for (int letter = 0; letter < 26; letter++) {
      for (int len = 0; len <= MAX_NAME; len++) {
        final int l = len;
        BY_LETTER_LENGTH[letter][len] =
            java.util.Arrays.stream(BY_LETTER[letter]).filter(i -> NAMES.get(i).length() == l).toArray();
      }
    }
    NAME_OF = NAMES.toArray(new String[0]);
    KIND_OF = KINDS.stream().mapToInt(Integer::intValue).toArray();
    ANY_CASE_OF = new boolean[NAME_OF.length];
    for (int i = 0; i < NAME_OF.length; i++) {
      ANY_CASE_OF[i] = ANY_CASE.get(i);
    }
  }

  private CmdiCommands() {}

  private static void unix(int kind, String... names) {
    add(kind, false, names);
  }

  private static void windows(int kind, String... names) {
    add(kind, true, names);
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
      if (matches(s, a, NAME_OF[i], ANY_CASE_OF[i])) {
        return KIND_OF[i];
      }
    }
    if (windowsEnd != b) {
      for (int i : BY_LETTER_LENGTH[letter][windowsEnd - a]) {
        if (ANY_CASE_OF[i] && matches(s, a, NAME_OF[i], true)) {
          return KIND_OF[i];
        }
      }
    }
    return 0;
  }

  /** Whether {@code s} holds {@code name} (lower case ASCII) at {@code a}, ASCII letters in any case if asked. */
  private static boolean matches(String s, int a, String name, boolean anyCase) {
    for (int k = 0; k < name.length(); k++) {
      char c = s.charAt(a + k);
      if (anyCase && c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != name.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the value's first word (after blanks and quotes) could name a command; a cheap test that lets a
   * value without trigger characters skip the scan.
   */
  static boolean mayStartCommand(String s) {
    int n = s.length();
    int p = 0;
    while (p < n && (s.charAt(p) == ' ' || s.charAt(p) == '\t' || s.charAt(p) == '\'' || s.charAt(p) == '"')) {
      p++;
    }
    int e = CmdiShell.plainEnd(s, p);
    return kindAt(s, p, e) != 0 || (e > p && s.charAt(p) == '/') || CmdiShell.evasionAt(s, p, e);
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
        return !start && has(props, END | FLAG);
      case PWD:
        return !start && has(props, END);
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
      default:
        return false;
    }
  }

  private static boolean has(int props, int any) {
    return (props & any) != 0;
  }
}
