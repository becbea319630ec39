package dev.lambdaguard.input.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one path segment names, as bit flags: system directories a path can start at, directories of server
 * software whose files hold configuration, logs or secrets, and file names that are configuration, log or secret
 * files by their name or by their kind (extension). A segment is read once, in place and without allocating:
 * its lower-case hash as a whole, up to its first and second dot ({@code id_rsa.pub},
 * {@code httpd.conf.default}), of its extension and of its leading letters ({@code apache2}, {@code php5}) are
 * looked up in one open-addressing table, each hit confirmed by comparing the text. Built once; immutable.
 */
final class PathNames {

  // ---- directories, meaningful as the first segment of a rooted path
  /** {@code /etc}, {@code /proc}, {@code /root}: any file below is sensitive. */
  static final int ROOT_SECRET = 1;
  /** {@code /var}, {@code /usr}, {@code /opt}, {@code /home}, ...: system trees, sensitive with more evidence. */
  static final int ROOT_SYSTEM = 1 << 1;
  /** {@code \Windows}, {@code \inetpub}, {@code \System32}, ...: Windows system places, any file below. */
  static final int ROOT_WINDOWS = 1 << 2;
  // ---- directories anywhere in a path
  /** Install and data directories of servers and tools ({@code apache2}, {@code xampp}, {@code mysql}, ...). */
  static final int SOFTWARE = 1 << 3;
  /** Directories of configuration, logs, sessions and credentials ({@code conf}, {@code logs}, {@code .ssh}). */
  static final int CONF_DIR = 1 << 4;
  // ---- file names
  /** Configuration and log files by kind ({@code *.conf}, {@code *.ini}, {@code *.log}, {@code access_log}). */
  static final int CONF_FILE = 1 << 5;
  /** Files that are secrets or system configuration wherever they are ({@code .htpasswd}, {@code id_rsa}). */
  static final int SECRET_FILE = 1 << 6;
  /** Files below {@code /etc} that LFI probes read ({@code passwd}, {@code shadow}, {@code hosts}). */
  static final int ETC_FILE = 1 << 7;
  /** Directories whose next segment is always sensitive ({@code WEB-INF}, {@code .ssh}, {@code .aws}). */
  static final int PAIR_PARENT = 1 << 8;
  /** Lambda's own code and runtime ({@code /var/task}, {@code /var/runtime}). */
  static final int LAMBDA = 1 << 9;
  /** {@code log}, {@code logs}: a log directory. */
  static final int LOG_DIR = 1 << 10;
  /** {@code proc}: the next segment {@code self} or a pid is a process. */
  static final int PROC = 1 << 11;
  /** {@code users}, {@code home}, {@code Documents and Settings}: user profiles. */
  static final int USERS = 1 << 12;
  /** {@code Program Files}: sensitive when a configuration or log file lies below. */
  static final int PROGRAMS = 1 << 13;

  /** {@code etc} itself. */
  static final int ETC = 1 << 14;
  /** {@code self}: after {@code proc}. */
  static final int SELF = 1 << 15;
  /** Digits only: a process id after {@code proc}. */
  static final int DIGITS = 1 << 16;
  /** {@code var} itself. */
  static final int VAR = 1 << 17;
  /** {@code opt} itself. */
  static final int OPT = 1 << 18;
  /** {@code adm}: below {@code /var}. */
  static final int ADM = 1 << 19;
  /** Directories that make a system tree sensitive ({@code conf}, {@code logs}, {@code htdocs}, ...). */
  static final int STRONG_DIR = 1 << 20;
  /** The name begins with a dot. */
  static final int DOTFILE = 1 << 21;
  /** A public key ({@code *.pub}): meant to be shared, never a secret. */
  static final int PUBLIC_KEY = 1 << 27;
  /** A log file's name without extension ({@code syslog}, {@code xferlog}): a {@link #CONF_FILE}. */
  private static final int LOG_BASE = 1 << 22;
  /** A name servers give scripts that hold credentials ({@code config}, {@code database}). */
  private static final int CONFIG_BASE = 1 << 23;
  /** An extension of server-side code ({@code php}, {@code asp}, {@code jsp}). */
  private static final int SCRIPT_EXTENSION = 1 << 24;
  /** An extension of configuration, log, key and database files ({@code conf}, {@code log}). */
  private static final int CONF_EXTENSION = 1 << 25;
  /** The letters a server software directory begins with ({@code apache} of {@code apache2}). */
  private static final int SOFTWARE_WORD = 1 << 26;
  /** Flags that describe a name only as a part (base, extension, leading word), never as a whole. */
  private static final int PARTS = LOG_BASE | CONFIG_BASE | SCRIPT_EXTENSION | CONF_EXTENSION | SOFTWARE_WORD;

  /** Longest segment looked at; longer segments name nothing here. */
  static final int MAX_SEGMENT = 48;

  private static final long SEED = 0xcbf29ce484222325L;

  private static final int TABLE_SIZE = 2048;
  private static final long[] HASHES = new long[TABLE_SIZE];
  private static final String[] NAMES = new String[TABLE_SIZE];
  private static final int[] VALUES = new int[TABLE_SIZE];
  /** Length of the longest whole name: a longer segment is no name. */
  private static int longestName;
  /** The names classify can make a secret file begin with, as the first two letters of a name. */
  private static final String[] SECRET_PREFIXES = {"sess_", "sysprep", "ssh_host_", "ntuser", "unattend"};
  /** {@link #SECRET_FILE} names by their first two characters ({@code c0 * 128 + c1}); null when none. */
  private static final String[][] SECRET_BY_START = new String[128 * 128][];
  /** {@link #CONFIG_BASE} names by their first two characters; null when none. */
  private static final String[][] CONFIG_BY_START = new String[128 * 128][];
  /** Bit {@code c0 * 128 + c1}: some name of the table (or a prefix of {@link #SECRET_PREFIXES}) begins so. */
  private static final long[] NAME_STARTS = new long[128 * 128 / 64];
  /** The characters of the names, in lower case. */
  private static final boolean[] NAME_CHARS = new boolean[128];
  /** The first characters of the names (both cases of a letter), one set each, and what follows each in a name. */
  private static final List<Normalized.CharSet> FIRSTS = new ArrayList<>();
  private static final List<Normalized.CharSet> SECONDS = new ArrayList<>();

  static {
    put(ETC, "etc");
    put(SELF, "self");
    put(VAR, "var");
    put(OPT, "opt");
    put(ADM, "adm");
    put(STRONG_DIR, "conf", "conf.d", "log", "logs", "etc", "sessions", "secrets", "credentials", "ssl", "htdocs",
        "cgi-bin", "webapps", "spool");
    // server software, by the letters a directory name begins with (apache2, php5, nginx-1.7.4)
    put(SOFTWARE_WORD, "apache", "apachegroup", "httpd", "nginx", "php", "mysql", "mariadb",
        "tomcat", "jboss", "wildfly", "weblogic", "websphere", "lighttpd", "thttpd", "iis", "pureftpd", "proftp",
        "proftpd", "vsftpd", "filezilla", "filezillaftp", "xampp", "lampp", "lamp", "wamp", "appserv", "laragon",
        "easyphp", "uwamp", "mamp", "mercurymail",
        "sendmail", "webalizer", "postgresql", "pgsql", "redis", "mongodb", "cpanel", "vhcs", "plesk", "zend",
        "exim", "postfix", "samba", "openldap", "jetty", "resin", "glassfish", "webserver", "inetsrv",
        "phpmyadmin", "wordpress", "joomla", "drupal", "magento");
    // extensions of configuration, log, key and database files
    put(CONF_EXTENSION, "conf", "cnf", "cfg", "ini", "inf", "log", "err", "pid", "pdb", "evt",
        "sav", "htaccess", "htpasswd", "config", "properties", "keystore", "jks", "pem", "key", "p12", "pfx",
        "ppk", "kdbx", "sqlite", "db", "mdb", "mdf", "ldf", "include", "asa", "bak", "old", "swp");
    // log files by name, without extension; also any *_log
    put(LOG_BASE, "syslog", "messages", "xferlog", "lastlog", "errlog", "sulog", "wtmp", "btmp",
        "utmp", "utmpx", "maillog", "faillog", "dmesg", "loginlog", "auth", "kern", "daemon", "mysql", "mysqld",
        "mysql-bin", "mysql-slow", "mysqlderror", "httpd-access", "httpd-error", "pureftpd", "proftpd", "vsftpd",
        "exim_mainlog", "exim_rejectlog", "exim_paniclog", "samba-log");
    // server-side scripts named for the secrets in them (config.php, database.inc.php, settings.asp)
    put(CONFIG_BASE, "config", "configuration", "database", "db", "settings", "localsettings",
        "wp-config", "connect", "connection", "conn", "credentials", "secrets", "parameters", "local",
        "passwords", "password", "global", "env");
    put(SCRIPT_EXTENSION, "php", "asp", "aspx", "jsp", "inc", "cfm", "asa", "phtml");
    put(ROOT_SECRET, "etc", "root", "boot", "private");
    put(ROOT_SECRET | PROC, "proc");
    put(ROOT_SYSTEM, "var", "usr", "opt", "srv", "tmp", "bin", "sbin", "lib", "lib64", "mnt", "volumes",
        "library", "system", "sys", "run", "dev", "applications", "cygdrive", "media", "snap", "nix");
    put(ROOT_SYSTEM | USERS, "home");
    put(USERS, "users", "documents and settings");
    put(PROGRAMS, "program files", "program files (x86)", "programfiles", "programfiles (x86)", "progra~1");
    put(ROOT_WINDOWS, "windows", "winnt", "system32", "syswow64", "inetpub", "$recycle.bin",
        "system volume information", "minint", "sysprep", "panther", "repair", "wwwroot", "inetsrv", "wininet",
        "i386", "pagefile.sys", "hiberfil.sys", "programdata");
    put(CONF_DIR, "conf", "config", "configs", "conf.d", "sites-enabled", "sites-available", "vhosts",
        "vhosts.d", "htdocs", "sessions", "session", "spool", "adm", "mail", "secrets", "credentials", "keys",
        "ssl", "private", "security", "pam.d", "logrotate.d", "cron.d", "sudoers.d", "init.d", "default",
        "data", "backup", "backups", "www", "html", "cgi-bin", "webapps", "saf", "ras", "smsosd", "osdlogs",
        "logfiles", "httperr", "regback", "csc", "debug", "etc", "lib", "bin", "sbin");
    put(LOG_DIR | CONF_DIR, "log", "logs");
    put(CONF_DIR | PAIR_PARENT, ".ssh", ".aws", ".gnupg", ".docker", ".kube", ".git", ".svn", ".hg",
        "web-inf", "meta-inf", ".config", ".azure", ".gcloud", ".subversion");
    put(LAMBDA, "task", "runtime", "extensions");
    put(ETC_FILE, "passwd", "shadow", "group", "gshadow", "hosts", "issue", "issue.net", "motd", "sudoers",
        "crontab", "fstab", "vfstab", "mtab", "inittab", "hostname", "resolv.conf", "master.passwd", "spwd.db",
        "pwd.db", "login.defs", "profile", "bashrc", "environment", "exports", "networks", "services",
        "protocols", "shells", "aliases", "securetty", "lilo.conf", "grub.conf", "make.conf", "rc.conf",
        "syslog.conf", "ftpusers", "ftpaccess", "failedlogin", "environ", "cmdline", "status", "stat", "maps",
        "mounts", "version", "cpuinfo", "meminfo", "loadavg", "config.gz", "kcore", "self", "fd", "net", "tcp",
        "udp", "sched_debug", "interrupts", "partitions", "modules", "swaps", "devices", "filesystems",
        "uptime", "sam", "system", "software", "ntds.dit", "default");
    put(SECRET_FILE, ".htpasswd", ".htaccess", ".htdigest", ".passwd", "master.passwd", "authorized_keys",
        "authorized_keys2", "known_hosts", ".bash_history", ".sh_history", ".zsh_history", ".mysql_history",
        ".psql_history", ".python_history", ".node_repl_history", ".lesshst", ".viminfo", ".rhosts",
        ".shosts", ".netrc", ".pgpass", ".my.cnf", ".env", ".npmrc", ".pypirc", ".git-credentials", ".dockercfg",
        ".xauthority", ".boto", ".s3cfg", "web.config", "applicationhost.config", "tomcat-users.xml",
        "global.asa", "global.asax", "metabase.xml", "boot.ini", "win.ini", "system.ini", "php.ini", "my.ini",
        "my.cnf", "httpd.conf", "apache2.conf", "nginx.conf", "lighttpd.conf", "vsftpd.conf", "proftpd.conf",
        "pure-ftpd.conf", "krb5.keytab", "sshd_config", "wp-config.php", "localsettings.php", "configuration.php",
        "config.inc.php", "gshadow", "sudoers", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "ntuser.dat",
        "ntds.dit", "unattend.xml", "unattended.xml", "sysprep.inf", "sysprep.xml", "config.php",
        "database.php", "appevent.evt", "secevent.evt", "default.sav", "system.sav", "software.sav");
    // files that are sensitive below a system or software directory, not as a name alone
    put(CONF_FILE, ".bashrc", ".bash_profile", ".bash_login", ".bash_logout", ".cshrc", ".tcshrc", ".zshrc",
        ".kshrc", ".profile", ".forward", ".logout", ".login", ".history", ".gitconfig", ".xsession-errors",
        ".ds_store", ".wgetrc", ".curlrc", "server.xml", "context.xml", "web.xml", "jboss-web.xml", "weblogic.xml",
        "smb.conf", "krb5.conf", "ldap.conf", "ssh_config", "docker-compose.yml", "bootstrap.php", "dump.sql",
        "database.yml", "secrets.yml", "settings.py", "local_settings.py", "appsettings.json", "parameters.yml",
        "application.properties", "db.php", "phpinfo.php", "setupinfo", "eula.txt", "license.rtf",
        "explorer.exe", "notepad.exe", "cmd.exe", "powershell.exe", "wpsettings.dat", "variables.dat",
        "index.dat", "desktop.ini", "credentials", "apachectl");
    for (String prefix : SECRET_PREFIXES) {
      markStart(NAME_STARTS, prefix);
    }
    for (int first = 0; first < 128; first++) {
      StringBuilder seconds = new StringBuilder();
      for (char second = 0; second < 128; second++) {
        int bit = first * 128 + second;
        if ((NAME_STARTS[bit >>> 6] & 1L << bit) != 0) {
          seconds.append(bothCases(second));
        }
      }
      if (seconds.length() > 0) {
        FIRSTS.add(Normalized.charSet(bothCases((char) first)));
        SECONDS.add(Normalized.charSet(seconds.toString()));
      }
    }
  }

  private static String bothCases(char c) {
    return c >= 'a' && c <= 'z' ? "" + c + (char) (c - 32) : String.valueOf(c);
  }

  /**
   * Whether {@link #classify} may give a segment of {@code value} a flag that counts, by its character mask: each
   * comes from a name of the table (as the segment, its base, its leading word or its extension: every name has
   * two characters or more, and the first two of one are then in the value), from {@code *_log} (whose {@code lo}
   * begins {@code log}), or is a dot file or digits, which count only with one of those ({@code .x.conf} by its
   * extension, a pid after {@code proc}). So a value beyond ASCII (lower casing may make ASCII letters) or with
   * both characters of a name's beginning (either case) may; false only when no segment of it can count.
   */
  static boolean mayName(Normalized value) {
    if (value.hasNonAscii()) {
      return true;
    }
    for (int k = 0; k < FIRSTS.size(); k++) {
      if (value.containsAny(FIRSTS.get(k)) && value.containsAny(SECONDS.get(k))) {
        return true;
      }
    }
    return false;
  }

  private PathNames() {}

  private static void put(int flags, String... names) {
    for (String name : names) {
      if (!hasAsciiLetter(name)) {
        throw new IllegalStateException("a name without a letter breaks letterlessNamesNothing: " + name);
      }
      if ((flags & PARTS) == 0) {
        longestName = Math.max(longestName, name.length());
      }
      long h = SEED;
      for (int i = 0; i < name.length(); i++) {
        h = step(h, name.charAt(i));
      }
      int slot = slot(h);
      while (NAMES[slot] != null && !(HASHES[slot] == h && NAMES[slot].equals(name))) {
        slot = (slot + 1) & (TABLE_SIZE - 1);
      }
      HASHES[slot] = h;
      NAMES[slot] = name;
      VALUES[slot] |= flags;
      markStart(NAME_STARTS, name);
      for (int i = 0; i < name.length(); i++) {
        NAME_CHARS[name.charAt(i)] = true;
      }
      if ((flags & SECRET_FILE) != 0) {
        addByStart(SECRET_BY_START, name);
      }
      if ((flags & CONFIG_BASE) != 0) {
        addByStart(CONFIG_BY_START, name);
      }
    }
  }

  private static boolean hasAsciiLetter(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (PathChars.isLetter(name.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static void addByStart(String[][] byStart, String name) {
    int key = name.charAt(0) * 128 + name.charAt(1);
    String[] names = byStart[key] == null ? new String[1] : Arrays.copyOf(byStart[key], byStart[key].length + 1);
    names[names.length - 1] = name;
    byStart[key] = names;
  }

  private static void markStart(long[] starts, String name) {
    int bit = name.charAt(0) * 128 + name.charAt(1);
    starts[bit >>> 6] |= 1L << bit;
  }

  /**
   * Whether {@code s[from, to)} may begin a name of the table: false only when its first two characters are ASCII
   * and begin none (non-ASCII ones may lower-case to ASCII).
   */
  private static boolean mayBeginName(long[] starts, String s, int from, int to) {
    if (to - from < 2) {
      return false; // no name has fewer than two characters
    }
    char a = s.charAt(from);
    char b = s.charAt(from + 1);
    if ((a | b) >= 0x80) {
      return true;
    }
    int bit = lower(a) * 128 + lower(b);
    return (starts[bit >>> 6] & 1L << bit) != 0;
  }

  /**
   * Whether {@link #classify} gives {@code s} as a whole (a value without spaces) the flag {@link #SECRET_FILE},
   * answered without hashing: the names of secret files and of configuration scripts that begin with the value's
   * first two characters are compared in place, as a whole, up to its first dot (the base) or up to its second.
   */
  static boolean secretFile(String s) {
    int n = s.length();
    if (n < 2 || n > MAX_SEGMENT || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
      return n >= 2 && (classify(s, 0, n, false) & SECRET_FILE) != 0;
    }
    if (n >= 5 && s.charAt(n - 4) == '.' && s.regionMatches(true, n - 3, "pub", 0, 3)) {
      return false; // id_rsa.pub: a public key
    }
    char a = lower(s.charAt(0));
    char b = lower(s.charAt(1));
    if (a == 's' || a == 'n' || a == 'u') {
      for (String prefix : SECRET_PREFIXES) {
        // the second character as classify compares it (case-insensitively, also beyond ASCII)
        if (prefix.charAt(0) == a && (prefix.charAt(1) == b || b >= 0x80) && startsWith(s, 0, n, prefix)) {
          return true;
        }
      }
    }
    if ((a | b) >= 0x80) {
      return false;
    }
    String[] secrets = SECRET_BY_START[a * 128 + b];
    if (secrets != null) {
      for (String name : secrets) {
        int len = name.length();
        // as a whole, or as the name up to the first dot (no dot in the name) or the second (one dot)
        if (len <= n && lowerEquals(s, name) && (len == n || s.charAt(len) == '.' && dotsAfterFirst(name) <= 1)) {
          return true;
        }
      }
    }
    String[] configs = CONFIG_BY_START[a * 128 + b];
    int firstDot = configs == null ? -1 : s.indexOf('.', 1);
    if (firstDot > 0) {
      int lastDot = s.lastIndexOf('.');
      for (String name : configs) {
        if (name.length() == firstDot && lowerEquals(s, name)) {
          // config.php, database.inc.php, settings.php.bak
          long extHash = SEED;
          for (int i = lastDot + 1; i < n; i++) {
            extHash = step(extHash, lower(s.charAt(i)));
          }
          return (lookup(extHash, s, lastDot + 1, n) & SCRIPT_EXTENSION) != 0 || containsIgnoreCase(s, 0, n, ".php");
        }
      }
    }
    return false;
  }

  private static int dotsAfterFirst(String name) {
    int dots = 0;
    for (int i = name.indexOf('.', 1); i >= 0; i = name.indexOf('.', i + 1)) {
      dots++;
    }
    return dots;
  }

  /** Whether {@code s} begins with {@code name} (lower case), character by character as {@link #lower}. */
  private static boolean lowerEquals(String s, String name) {
    for (int i = 0; i < name.length(); i++) {
      if (lower(s.charAt(i)) != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static long step(long h, char c) {
    return (h ^ c) * 0x100000001b3L;
  }

  private static int slot(long h) {
    return (int) (h ^ h >>> 29 ^ h >>> 43) & (TABLE_SIZE - 1);
  }

  private static char lower(char c) {
    return c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c) : Character.toLowerCase(c);
  }

  /** The flags of {@code s[from, to)} as a {@code kind} of name whose hash is {@code h}; 0 when none. */
  private static int lookup(long h, String s, int from, int to) {
    int len = to - from;
    for (int slot = slot(h); NAMES[slot] != null; slot = (slot + 1) & (TABLE_SIZE - 1)) {
      if (HASHES[slot] == h && NAMES[slot].length() == len && s.regionMatches(true, from, NAMES[slot], 0, len)) {
        return VALUES[slot];
      }
    }
    return 0;
  }

  /**
   * The flags of the segment {@code s[from, to)} (spaces around it ignored); 0 when it names nothing or is
   * longer than {@link #MAX_SEGMENT} characters. With {@code exactOnly}, only the segment as a whole name.
   */
  static int classify(String s, int from, int to, boolean exactOnly) {
    while (from < to && s.charAt(from) == ' ') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == ' ') {
      to--;
    }
    if (to == from || to - from > MAX_SEGMENT) {
      return 0;
    }
    if (!mayBeginName(NAME_STARTS, s, from, to)) {
      return unnamed(s, from, to, exactOnly); // most segments: no name begins with their first two letters
    }
    // every name in the table has a letter or a dot: a segment of digits and punctuation names nothing
    boolean digits = true;
    boolean named = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      digits &= c >= '0' && c <= '9';
      named |= c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' || c >= 0x80;
    }
    if (!named) {
      return digits ? DIGITS : 0;
    }
    int dotfile = s.charAt(from) == '.' ? DOTFILE : 0;
    if (exactOnly) {
      if (to - from > longestName) {
        return dotfile;
      }
      long h = SEED;
      for (int i = from; i < to; i++) {
        h = step(h, lower(s.charAt(i)));
      }
      return lookup(h, s, from, to) & ~PARTS | dotfile;
    }
    // one hash over the segment; snapshots of it give the base, the name up to the second dot and the
    // leading word
    long whole = SEED;
    long baseHash = 0;
    long twoHash = 0;
    long wordHash = 0;
    int firstDot = -1;
    int secondDot = -1;
    int lastDot = -1;
    int wordEnd = -1;
    for (int i = from; i < to; i++) {
      char c = lower(s.charAt(i));
      if (wordEnd < 0 && !(c >= 'a' && c <= 'z')) {
        wordEnd = i;
        wordHash = whole;
      }
      if (c == '.' && i > from) {
        if (firstDot < 0) {
          firstDot = i;
          baseHash = whole;
        } else if (secondDot < 0) {
          secondDot = i;
          twoHash = whole;
        }
        lastDot = i;
      }
      whole = step(whole, c);
    }
    int all = lookup(whole, s, from, to);
    int flags = all & ~PARTS | dotfile | (digits ? DIGITS : 0);
    int base = all;
    if (firstDot > 0) {
      base = lookup(baseHash, s, from, firstDot);
      flags |= base & (SECRET_FILE | CONF_FILE);
      if (secondDot > 0) {
        flags |= lookup(twoHash, s, from, secondDot) & (SECRET_FILE | CONF_FILE);
      }
      long extHash = SEED;
      for (int i = lastDot + 1; i < to; i++) {
        extHash = step(extHash, lower(s.charAt(i)));
      }
      int extension = lookup(extHash, s, lastDot + 1, to);
      if (to - lastDot == 4 && s.regionMatches(true, lastDot + 1, "pub", 0, 3)) {
        return (flags | PUBLIC_KEY) & ~SECRET_FILE; // id_rsa.pub
      }
      if ((extension & CONF_EXTENSION) != 0) {
        flags |= CONF_FILE;
      }
      if ((base & CONFIG_BASE) != 0
          && ((extension & SCRIPT_EXTENSION) != 0 || containsIgnoreCase(s, from, to, ".php"))) {
        flags |= SECRET_FILE; // config.php, database.inc.php, settings.php.bak
      }
    }
    int baseEnd = firstDot < 0 ? to : firstDot;
    if ((base & LOG_BASE) != 0 || logSuffix(s, from, baseEnd)) {
      flags |= CONF_FILE; // syslog, xferlog.1, access_log, samba-log.x
    }
    int wordLength = (wordEnd < 0 ? to : wordEnd) - from;
    if (wordLength >= 3 && (wordEnd < 0 || versionFollows(s, wordEnd, to))
        && ((wordEnd < 0 ? all : lookup(wordHash, s, from, wordEnd)) & SOFTWARE_WORD) != 0) {
      flags |= SOFTWARE;
    }
    switch (lower(s.charAt(from))) {
      case 's', 'n', 'u' -> {
        // PHP sessions, sysprep answer files, SSH host keys, registry hives, answer files
        for (String prefix : SECRET_PREFIXES) {
          if (startsWith(s, from, to, prefix)) {
            flags |= SECRET_FILE;
          }
        }
      }
      default -> { }
    }
    return flags;
  }

  /**
   * Whether a version follows a server's name at {@code at} ({@code apache2}, {@code php-7.4}, {@code nginx_1.25}):
   * only then is a longer segment that name's install directory. A file or folder whose name merely begins with
   * the word ({@code lamp-shade.jpg}, {@code php-tutorial.pdf}, {@code redis-notes}) is a user's own.
   */
  private static boolean versionFollows(String s, int at, int to) {
    char c = s.charAt(at);
    if (c >= '0' && c <= '9') {
      return true;
    }
    return (c == '-' || c == '_' || c == '.') && at + 1 < to && s.charAt(at + 1) >= '0' && s.charAt(at + 1) <= '9';
  }

  /**
   * {@link #classify} of a segment that no name of the table begins like: only what does not depend on its
   * beginning is left (digits only, a dot file, the extension, a {@code _log} suffix).
   */
  private static int unnamed(String s, int from, int to, boolean exactOnly) {
    int dotfile = s.charAt(from) == '.' ? DOTFILE : 0;
    if (dotfile == 0 && allDigits(s, from, to)) {
      return DIGITS;
    }
    if (exactOnly) {
      return dotfile;
    }
    int flags = dotfile;
    int firstDot = -1;
    int lastDot = -1;
    for (int i = from + 1; i < to; i++) {
      if (s.charAt(i) == '.') {
        firstDot = firstDot < 0 ? i : firstDot;
        lastDot = i;
      }
    }
    if (firstDot > 0) {
      long extHash = SEED;
      for (int i = lastDot + 1; i < to; i++) {
        extHash = step(extHash, lower(s.charAt(i)));
      }
      int extension = lookup(extHash, s, lastDot + 1, to);
      if (to - lastDot == 4 && s.regionMatches(true, lastDot + 1, "pub", 0, 3)) {
        return flags | PUBLIC_KEY; // id_rsa.pub
      }
      if ((extension & CONF_EXTENSION) != 0) {
        flags |= CONF_FILE;
      }
    }
    int baseEnd = firstDot < 0 ? to : firstDot;
    if (logSuffix(s, from, baseEnd)) {
      flags |= CONF_FILE; // access_log, samba-log.x
    }
    return flags;
  }

  /**
   * Whether {@link #classify} gives {@code s[from, to)}, a segment of ASCII characters without spaces and without
   * a letter, no flag at all (whatever {@code exactOnly}), told without hashing: every name of the table has a
   * letter ({@link #put} checks it), and no ASCII character but a letter compares equal to one ignoring case, so
   * such a segment is named only as digits (a pid, which has no dot) or as a dot file. {@code \\127.0.0.1\} a
   * megabyte long is read at this cost per segment, its reader telling whether it is {@code dotted}.
   */
  static boolean letterlessNamesNothing(String s, int from, int to, boolean dotted) {
    return to - from > MAX_SEGMENT || s.charAt(from) != '.' && (dotted || !allDigits(s, from, to));
  }

  /**
   * Whether {@link #classify} gives {@code s[from, to)}, a segment without spaces or dots, no flag at all, told
   * without hashing: too long, or its first two characters begin no name, and neither digits only (a pid) nor a
   * {@code _log} name. A path of many short segments ({@code \x\x\x}) is read at this cost per segment.
   */
  static boolean namesNothing(String s, int from, int to) {
    return allDigits(s, from, to) ? to - from > MAX_SEGMENT : namesNothingButDigits(s, from, to);
  }

  /**
   * {@link #namesNothing} of a segment that is not digits only, as one with a letter is known to be by its reader.
   */
  static boolean namesNothingButDigits(String s, int from, int to) {
    if (to - from > MAX_SEGMENT) {
      return true;
    }
    if (mayBeginName(NAME_STARTS, s, from, to) && !foreign(s, from, to)) {
      return false;
    }
    return !logSuffix(s, from, to);
  }

  /** Whether {@code s[from, end)} ends in {@code _log} or {@code -log} after something ({@code access_log}). */
  private static boolean logSuffix(String s, int from, int end) {
    char beforeLog = end - from >= 4 ? s.charAt(end - 4) : ' ';
    return (beforeLog == '_' || beforeLog == '-') && endsWith(s, end, "log");
  }

  /**
   * Whether {@code s[from, to)}, without dots, is no name nor begins one with a version ({@code apache2}) or a
   * secret prefix ({@code sess_}), whatever its first two characters: it has a character that no name has
   * ({@code file:}, {@code http:}), no digit, and does not begin like a prefix.
   */
  private static boolean foreign(String s, int from, int to) {
    char first = lower(s.charAt(from));
    for (String prefix : SECRET_PREFIXES) {
      if (prefix.charAt(0) == first) {
        return false;
      }
    }
    boolean foreign = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9' || c >= 0x80) {
        return false; // a version; beyond ASCII, lower casing may make a name's letter
      }
      foreign |= !NAME_CHARS[lower(c)];
    }
    return foreign;
  }

  private static boolean allDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(String s, int from, int to, String prefix) {
    return to - from >= prefix.length() && s.regionMatches(true, from, prefix, 0, prefix.length());
  }

  private static boolean endsWith(String s, int end, String suffix) {
    int start = end - suffix.length();
    return start >= 0 && s.regionMatches(true, start, suffix, 0, suffix.length());
  }

  private static boolean containsIgnoreCase(String s, int from, int to, String needle) {
    for (int i = from; i + needle.length() <= to; i++) {
      if (s.regionMatches(true, i, needle, 0, needle.length())) {
        return true;
      }
    }
    return false;
  }
}
