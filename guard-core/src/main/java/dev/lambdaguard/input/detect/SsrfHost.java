package dev.lambdaguard.input.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a URL host points, by parsing alone (never a DNS lookup): an IPv4 address in any of the forms the
 * classic {@code inet_aton} and the WHATWG URL parser accept (dotted, shortened {@code 127.1}, decimal
 * {@code 2130706433}, octal {@code 0177.0.0.1}, hex {@code 0x7f000001}, mixed; numbers past 32 bits wrapped as
 * old parsers did), an IPv6 address (also IPv4-mapped, -translated, -compatible, NAT64 and 6to4 forms, zone
 * ids), a name that points inside by convention ({@code localhost}, {@code *.localhost}, {@code localtest.me},
 * wildcard DNS names embedding an address such as {@code 127.0.0.1.nip.io}), cloud metadata names, internal-only
 * suffixes ({@code .internal}, {@code .local}) and single-label names.
 *
 * <p>A result packs a class ({@link #PUBLIC} … {@link #INTERNAL_NAME}) and flags ({@link #OBFUSCATED},
 * {@link #SINGLE_LABEL}). Work is linear in the host, which callers cap at {@link #MAX_HOST} characters.
 */
final class SsrfHost {

  static final int PUBLIC = 0;
  static final int INTERNAL_NAME = 1;
  static final int PRIVATE = 2;
  static final int LINK_LOCAL = 3;
  static final int LOOPBACK = 4;
  static final int METADATA = 5;
  static final int CLASS_MASK = 0xff;
  /** The address is written in a form other than canonical dotted decimal (or is an IPv6 wrapper of IPv4). */
  static final int OBFUSCATED = 1 << 8;
  /** A name of one label only ({@code intranet}); internal only when the scheme is a network scheme. */
  static final int SINGLE_LABEL = 1 << 9;
  /** The host is an address literal (IPv4 in any form, or IPv6). */
  static final int LITERAL = 1 << 10;

  /** Longest host looked at (DNS names are at most 253 characters; brackets and zone ids add a few). */
  static final int MAX_HOST = 300;

  static final long NOT_IPV4 = -1;

  /** Names that resolve, by convention, to loopback: the whole name or any subdomain. */
  private static final String[] LOOPBACK_DOMAINS = {"localhost", "localtest.me", "lvh.me", "vcap.me",
      "localho.st", "localh.st"};
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost.localdomain", "ip6-localhost",
      "ip6-loopback", "localhost6", "localhost6.localdomain6", "loopback");
  /** Cloud instance metadata services by name (AWS, GCP, Alibaba, Tencent, Equinix Metal, Oracle). */
  private static final Set<String> METADATA_NAMES = Set.of("metadata", "metadata.google.internal",
      "metadata.goog", "instance-data", "instance-data.ec2.internal", "metadata.tencentyun.com",
      "metadata.packet.net", "metadata.platformequinix.com", "metadata.oraclecloud.com", "metadata.azure.internal");
  private static final String[][] METADATA_BY_LENGTH = byLength(METADATA_NAMES.toArray(new String[0]));
  /** Suffixes that never resolve on the public internet. */
  private static final String[] INTERNAL_SUFFIXES = {".internal", ".local", ".localdomain", ".lan", ".intranet",
      ".corp", ".home.arpa", ".home", ".private", ".svc", ".cluster.local", ".test", ".invalid", ".example",
      ".arpa", ".consul"};
  /**
   * Wildcard DNS services: {@code 10.0.0.1.nip.io}, {@code 10-0-0-1.sslip.io}, {@code 0a000001.nip.io}; and the
   * rebinding service that answers with either of two hex-named addresses ({@code 7f000001.c0a80001.rbndr.us}).
   */
  private static final String[] WILDCARD_DNS = {"nip.io", "xip.io", "sslip.io", "traefik.me", "rbndr.us"};

  /**
   * The last labels of the names above that point inside, except those of the metadata names (compared whole):
   * under any other top-level domain, a plain name is public ({@link #isPlainName}).
   */
  private static final String[][] INSIDE_TLDS = byLength(insideTlds());
  /** The names above without a dot, which a single label may be. */
  private static final String[][] INSIDE_LABELS = byLength(insideLabels());
  /** Kubernetes' API server, by the beginning of its name. */
  private static final String KUBERNETES = "kubernetes.default";

  private SsrfHost() {}

  /**
   * Every name {@link #classify} finds inside by itself (loopback and metadata names; a loopback name's
   * subdomains contain it): apart from these, a name needs a digit to point further inside than an internal
   * name (an address embedded in it), so {@link SsrfStrongerFindings} looks for their letters.
   */
  static List<String> namesInside() {
    List<String> names = new ArrayList<>(List.of(LOOPBACK_DOMAINS));
    names.addAll(LOOPBACK_NAMES);
    names.addAll(METADATA_NAMES);
    return names;
  }

  /**
   * The names of {@link #namesInside} that contain no other (the rest contain one: a subdomain, {@code localhost6},
   * {@code ip6-loopback}), and what each needs of a value's profile: its characters below 64 (a dot, a hyphen) as a
   * mask, its letters, in either case, as {@link Normalized#letters}. A value that lacks some of each names none.
   */
  private static final String[] SHORTEST_INSIDE = shortestInside();
  private static final long[] SHORTEST_INSIDE_LOW = new long[SHORTEST_INSIDE.length];
  private static final int[] SHORTEST_INSIDE_LETTERS = new int[SHORTEST_INSIDE.length];

  static {
    for (int k = 0; k < SHORTEST_INSIDE.length; k++) {
      for (char c : SHORTEST_INSIDE[k].toCharArray()) {
        if (c >= 'a' && c <= 'z') {
          SHORTEST_INSIDE_LETTERS[k] |= 1 << (c - 'a');
        } else if (c < 64) {
          SHORTEST_INSIDE_LOW[k] |= 1L << c;
        } else {
          throw new IllegalStateException("a name inside with a character neither a letter nor below 64: " + c);
        }
      }
    }
  }

  /** Whether the value has every character of some name that points inside ({@link #namesInside}), in any case. */
  static boolean mayNameInside(Normalized value) {
    long low = value.lowMask();
    int letters = value.letters();
    for (int k = 0; k < SHORTEST_INSIDE.length; k++) {
      if ((letters & SHORTEST_INSIDE_LETTERS[k]) == SHORTEST_INSIDE_LETTERS[k]
          && (low & SHORTEST_INSIDE_LOW[k]) == SHORTEST_INSIDE_LOW[k]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code lower} (a value in lower case) contains a name that points inside ({@link #namesInside}): one
   * pass, which tries the names that start with a character only where it is and their next two characters follow.
   * A search per name read long prose once for each, and stopped at each of its many l's and m's in every one.
   */
  static boolean containsNameInside(String lower) {
    for (int i = 0, last = lower.length() - SHORTEST_INSIDE_LENGTH; i <= last; i++) {
      char c = lower.charAt(i);
      if (c < INSIDE_BY_FIRST.length && INSIDE_BY_FIRST[c] != null) {
        char second = lower.charAt(i + 1);
        char third = lower.charAt(i + 2); // every name has three characters or more (checked at class init)
        for (String name : INSIDE_BY_FIRST[c]) {
          if (name.charAt(1) == second && name.charAt(2) == third && lower.startsWith(name, i)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** {@link #SHORTEST_INSIDE} by first character (all are lower-case ASCII), and the length of the shortest. */
  private static final String[][] INSIDE_BY_FIRST = new String[128][];
  private static final int SHORTEST_INSIDE_LENGTH;

  static {
    int shortest = Integer.MAX_VALUE;
    for (String name : SHORTEST_INSIDE) {
      String[] same = INSIDE_BY_FIRST[name.charAt(0)];
      same = same == null ? new String[1] : java.util.Arrays.copyOf(same, same.length + 1);
      same[same.length - 1] = name;
      INSIDE_BY_FIRST[name.charAt(0)] = same;
      shortest = Math.min(shortest, name.length());
    }
    if (shortest < 3) {
      throw new IllegalStateException("containsNameInside reads three characters of each name at once");
    }
    SHORTEST_INSIDE_LENGTH = shortest;
  }

  private static String[] shortestInside() {
    List<String> names = namesInside();
    List<String> shortest = new ArrayList<>();
    for (String name : names) {
      boolean containsOther = false;
      for (String other : names) {
        containsOther |= !other.equals(name) && name.contains(other);
      }
      if (!containsOther) {
        shortest.add(name);
      }
    }
    return shortest.toArray(new String[0]);
  }

  private static String[] insideTlds() {
    Set<String> tlds = new java.util.TreeSet<>();
    for (String[] names : new String[][] {LOOPBACK_NAMES.toArray(new String[0]), LOOPBACK_DOMAINS,
        INTERNAL_SUFFIXES, WILDCARD_DNS}) {
      for (String name : names) {
        tlds.add(name.substring(name.lastIndexOf('.') + 1));
      }
    }
    return tlds.toArray(new String[0]);
  }

  private static String[] insideLabels() {
    Set<String> labels = new java.util.TreeSet<>();
    for (String[] names : new String[][] {LOOPBACK_NAMES.toArray(new String[0]), LOOPBACK_DOMAINS,
        METADATA_NAMES.toArray(new String[0])}) {
      for (String name : names) {
        if (name.indexOf('.') < 0) {
          labels.add(name);
        }
      }
    }
    return labels.toArray(new String[0]);
  }

  /** What {@link #plainName} answers: unsure (classify), a plain dotted name, a plain name of one label. */
  static final int NOT_PLAIN = 0;
  static final int PLAIN = 1;
  static final int PLAIN_ONE_LABEL = 2;

  /**
   * Whether {@link #classify} of the host {@code s[from, to)} in lower case is {@link #PUBLIC} without flags, or
   * with {@link #SINGLE_LABEL} only: {@link #plainName} as a yes or no.
   */
  static boolean isPlainName(String s, int from, int to) {
    return plainName(s, from, to) != NOT_PLAIN;
  }

  /**
   * {@link #PLAIN} when {@link #classify} of the host {@code s[from, to)} in lower case is {@link #PUBLIC} without
   * flags, {@link #PLAIN_ONE_LABEL} when it is that with {@link #SINGLE_LABEL} only, answered in place, without
   * allocating, for what most hosts are: a DNS name of letters, digits, dots, hyphens and underscores that cannot
   * be read as IPv4 (a letter past {@code f} other than {@code x}, a hyphen or an underscore), with at most three
   * dots (no embedded address), not a metadata or Kubernetes name, under none of the top-level domains of the names
   * that point inside. {@link #NOT_PLAIN} when unsure: the caller then classifies.
   */
  static int plainName(String s, int from, int to) {
    if (to - from > 1 && s.charAt(to - 1) == '.') {
      to--; // classify ignores one trailing dot
    }
    if (from >= to || to - from > MAX_HOST) {
      return NOT_PLAIN;
    }
    int dots = 0;
    int lastDot = -1;
    boolean notIpv4 = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '.') {
        dots++;
        lastDot = i;
      } else if (c == '-' || c == '_') {
        notIpv4 = true;
      } else {
        char l = (char) (c | 0x20);
        if (l >= 'a' && l <= 'z' && (c >= 'a' || c <= 'Z')) {
          notIpv4 |= l > 'f' && l != 'x';
        } else if (c < '0' || c > '9') {
          return NOT_PLAIN;
        }
      }
    }
    if (!notIpv4 || dots > 3) {
      return NOT_PLAIN;
    }
    if (dots == 0) {
      return isOneOf(s, from, to, INSIDE_LABELS) ? NOT_PLAIN : PLAIN_ONE_LABEL;
    }
    return !isOneOf(s, lastDot + 1, to, INSIDE_TLDS) && !isOneOf(s, from, to, METADATA_BY_LENGTH)
        && !(to - from >= KUBERNETES.length() && asciiEqualsIgnoreCase(s, from, KUBERNETES)) ? PLAIN : NOT_PLAIN;
  }

  /**
   * Whether no reading of the authority {@code s[from, to)} ({@link SsrfAuthority}) can give a host that
   * {@link #classify} finds inside or flags, answered in place, without allocating, for authorities of words and
   * punctuation ({@code @x*y}, {@code a]$(}). Only when the authority has no digit, colon, bracket or non-ASCII
   * character (so no address, no port, no IDNA dot), whatever its other characters. A host begins at the start or
   * after {@code @}, {@code \} or {@code #} and ends at one of them, at {@code !} or at the end; the pieces
   * between those characters are read: a piece that is one label of host characters may be a one-label name
   * ({@code network}: internal) or {@code localhost}; a dotted one may be a metadata name; any piece may end in
   * the last label of a name that points inside ({@code x*y.localhost}: the suffix is all that counts) or begin
   * a Kubernetes name. False when unsure: the caller then reads the authority.
   */
  static boolean nothingInside(String s, int from, int to, boolean network) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9' || c == ':' || c == '[' || c >= 0x80) {
        return false;
      }
    }
    int start = from;
    for (int i = from; i <= to; i++) {
      char c = i < to ? s.charAt(i) : '@';
      if (c == '@' || c == '\\' || c == '#' || c == '!') {
        if (start < i && !plainPiece(s, start, i, network)) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  /** {@link #nothingInside} for one piece {@code s[from, to)}: no digit, colon, bracket or non-ASCII in it. */
  private static boolean plainPiece(String s, int from, int to, boolean network) {
    if (to - from >= KUBERNETES.length() && asciiEqualsIgnoreCase(s, from, KUBERNETES)) {
      return false;
    }
    int end = to - from > 1 && s.charAt(to - 1) == '.' ? to - 1 : to; // classify ignores one trailing dot
    int lastDot = end - 1;
    while (lastDot >= from && s.charAt(lastDot) != '.') {
      lastDot--; // within the piece only: lastIndexOf would read back to the start of the value
    }
    if (lastDot < from) {
      for (int i = from; i < end; i++) {
        char l = (char) (s.charAt(i) | 0x20);
        if (!(l >= 'a' && l <= 'z' || l == '-' || l == '_')) {
          return true; // not a host name: a word with punctuation names no place
        }
      }
      return !network && !isOneOf(s, from, end, INSIDE_LABELS);
    }
    return !isOneOf(s, lastDot + 1, end, INSIDE_TLDS) && !isOneOf(s, from, end, METADATA_BY_LENGTH);
  }

  /** Whether {@code s[from, to)} (host characters) is one of {@code names} (lower case), ignoring case. */
  private static boolean isOneOf(String s, int from, int to, String[][] namesByLength) {
    int len = to - from;
    if (len >= namesByLength.length) {
      return false;
    }
    for (String name : namesByLength[len]) {
      if (asciiEqualsIgnoreCase(s, from, name)) {
        return true;
      }
    }
    return false;
  }

  /** {@code names} grouped by their length (index), for {@link #isOneOf}. */
  private static String[][] byLength(String[] names) {
    int longest = 0;
    for (String name : names) {
      longest = Math.max(longest, name.length());
    }
    String[][] byLength = new String[longest + 1][0];
    for (String name : names) {
      String[] group = java.util.Arrays.copyOf(byLength[name.length()], byLength[name.length()].length + 1);
      group[group.length - 1] = name;
      byLength[name.length()] = group;
    }
    return byLength;
  }

  /**
   * Whether {@code s} has {@code name} (lower-case letters, digits, {@code .+-}) at {@code from}, ignoring case:
   * exact for text of letters, digits and {@code .+-_} (setting bit 5 lower-cases a letter and changes none of
   * the others into a character of a name).
   */
  static boolean asciiEqualsIgnoreCase(String s, int from, String name) {
    for (int i = 0; i < name.length(); i++) {
      if ((s.charAt(from + i) | 0x20) != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }


  /** The class and flags of the host {@code h} (lower case, no brackets removed, no port). */
  static int classify(String h) {
    if (h.isEmpty() || h.length() > MAX_HOST) {
      return PUBLIC;
    }
    if (h.endsWith(".") && h.length() > 1) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.charAt(0) == '[') {
      int end = h.indexOf(']');
      return ipv6(h, 1, end < 0 ? h.length() : end);
    }
    if (h.indexOf(':') >= 0) {
      return ipv6(h, 0, h.length());
    }
    long v4 = ipv4(h, 0, h.length());
    return v4 != NOT_IPV4 ? classifyParsedV4(v4) : name(h);
  }

  // ---------------------------------------------------------------- IPv4

  /**
   * {@link #classify} of the host {@code s[from, to)} (letters, digits, {@code .-_}, in any case) when it is an IPv4
   * address in any form, read in place; -1 when it is not one (a name), or longer than {@link #MAX_HOST}.
   */
  static int classifyIpv4At(String s, int from, int to) {
    if (to - from > MAX_HOST) {
      return -1;
    }
    if (to - from > 1 && s.charAt(to - 1) == '.') {
      to--; // as classify, one trailing dot ignored
    }
    long v4 = ipv4(s, from, to); // reads hex digits and "0x" in either case, as in lower case
    return v4 != NOT_IPV4 ? classifyParsedV4(v4) : -1;
  }

  /** The class and flags of a host that {@link #ipv4} read as {@code v4}. */
  private static int classifyParsedV4(long v4) {
    return classifyV4(v4 & 0xffffffffL) | LITERAL | ((v4 >>> 32) != 0 ? OBFUSCATED : 0);
  }

  /**
   * Parses {@code s[a, b)} as IPv4 the lenient way: one to four parts, each decimal, octal (leading 0) or hex
   * ({@code 0x}); the last part fills the remaining bytes. Returns the address in the low 32 bits, with bit 32
   * set when the form is not canonical dotted decimal, or {@link #NOT_IPV4}.
   */
  static long ipv4(String s, int a, int b) {
    if (a >= b) {
      return NOT_IPV4;
    }
    long address = 0; // the parts before the last one read, a byte each (no array: this runs at every URL's host)
    long last = 0;
    int count = 0;
    boolean canonical = true;
    boolean overflow = false;
    int i = a;
    while (i < b) {
      if (count == 4) {
        return NOT_IPV4;
      }
      int start = i;
      int radix = 10;
      if (i + 1 < b && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
        radix = 16;
        i += 2;
        canonical = false;
      } else if (i + 1 < b && s.charAt(i) == '0' && s.charAt(i + 1) != '.') {
        radix = 8;
        i++;
        canonical = false;
      }
      long v = 0;
      boolean big = false;
      int digits = 0;
      while (i < b && s.charAt(i) != '.') {
        int d = digit(s.charAt(i), radix);
        if (d < 0) {
          return NOT_IPV4;
        }
        v = v * radix + d;
        if (v > 0xffffffffL) {
          big = true;
          v &= 0xffffffffL;
        }
        digits++;
        i++;
      }
      if (digits == 0 && radix == 10) {
        return NOT_IPV4; // empty part: "1..2"
      }
      if (digits > 3 || radix == 10 && i - start > 1 && s.charAt(start) == '0') {
        canonical = false;
      }
      overflow |= big;
      if (count > 0) {
        if (last > 255) {
          return NOT_IPV4; // a part before the last is one byte
        }
        address = address << 8 | last;
      }
      last = v;
      count++;
      if (i < b) {
        i++; // the dot
        if (i == b) {
          canonical = false; // trailing dot
        }
      }
    }
    int lastBytes = 5 - count;
    long limit = 1L << (8 * lastBytes);
    if (last >= limit) {
      overflow = true;
      last &= limit - 1;
    }
    address = address << (8 * lastBytes) | last;
    if (count != 4 || overflow) {
      canonical = false;
    }
    return (address & 0xffffffffL) | (canonical ? 0 : 1L << 32);
  }

  /** The class of an IPv4 address. */
  static int classifyV4(long ip) {
    int a = (int) (ip >>> 24);
    int b = (int) (ip >>> 16) & 0xff;
    if (ip == 0xa9fea9feL || ip == 0xa9feaa02L || ip == 0xa9feaa17L || ip == 0x646464c8L || ip == 0xc00000c0L) {
      return METADATA; // 169.254.169.254, 169.254.170.2, 169.254.170.23, 100.100.100.200, 192.0.0.192
    }
    if (a == 127 || a == 0) {
      return LOOPBACK; // 0.0.0.0/8 reaches the local host on Linux
    }
    if (a == 169 && b == 254) {
      return LINK_LOCAL;
    }
    if (a == 10 || a == 172 && (b & 0xf0) == 16 || a == 192 && b == 168 || a == 100 && (b & 0xc0) == 64
        || a == 192 && b == 0 && (ip >>> 8 & 0xff) == 0 || a == 198 && (b & 0xfe) == 18) {
      return PRIVATE;
    }
    return PUBLIC;
  }

  // ---------------------------------------------------------------- IPv6

  /** Classifies {@code s[a, b)} as an IPv6 address ({@link #PUBLIC} when it is none). */
  static int ipv6(String s, int a, int b) {
    int zone = s.indexOf('%', a);
    if (zone >= 0 && zone < b) {
      b = zone;
    }
    int[] g = new int[8];
    int count = 0;
    int gap = -1;
    int i = a;
    if (b - a >= 2 && s.charAt(a) == ':' && s.charAt(a + 1) == ':') {
      gap = 0;
      i = a + 2;
    }
    while (i < b) {
      if (count == 8) {
        return PUBLIC;
      }
      int start = i;
      int v = 0;
      while (i < b && i - start < 5 && digit(s.charAt(i), 16) >= 0) {
        v = v << 4 | digit(s.charAt(i), 16);
        i++;
      }
      if (i < b && s.charAt(i) == '.') {
        long v4 = ipv4(s, start, b);
        if (v4 == NOT_IPV4 || count > 6 || (v4 >>> 32) != 0) {
          return PUBLIC;
        }
        g[count++] = (int) (v4 >>> 16 & 0xffff);
        g[count++] = (int) (v4 & 0xffff);
        i = b;
        break;
      }
      if (i == start || i - start > 4) {
        return PUBLIC;
      }
      g[count++] = v;
      if (i == b) {
        break;
      }
      if (s.charAt(i) != ':') {
        return PUBLIC;
      }
      i++;
      if (i < b && s.charAt(i) == ':') {
        if (gap >= 0) {
          return PUBLIC;
        }
        gap = count;
        i++;
      } else if (i == b) {
        return PUBLIC;
      }
    }
    int[] full = new int[8];
    if (gap >= 0) {
      int tail = count - gap;
      System.arraycopy(g, 0, full, 0, gap);
      System.arraycopy(g, gap, full, 8 - tail, tail);
    } else if (count == 8) {
      full = g;
    } else {
      return PUBLIC;
    }
    return classifyV6(full);
  }

  private static int classifyV6(int[] g) {
    boolean zero96 = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0;
    long low32 = (long) g[6] << 16 | g[7];
    if (zero96 && g[5] == 0) {
      if (low32 == 0 || low32 == 1) {
        return LOOPBACK | LITERAL; // :: and ::1
      }
      return classifyV4(low32) | LITERAL | OBFUSCATED; // IPv4-compatible ::a.b.c.d
    }
    if (zero96 && g[5] == 0xffff) {
      return classifyV4(low32) | LITERAL | OBFUSCATED; // IPv4-mapped ::ffff:a.b.c.d
    }
    if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0xffff && g[5] == 0) {
      return classifyV4(low32) | LITERAL | OBFUSCATED; // IPv4-translated ::ffff:0:a.b.c.d (SIIT)
    }
    if (g[0] == 0x64 && g[1] == 0xff9b && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0) {
      return classifyV4(low32) | LITERAL | OBFUSCATED; // NAT64 64:ff9b::a.b.c.d
    }
    if (g[0] == 0x2002) {
      int v4 = classifyV4((long) g[1] << 16 | g[2]); // 6to4
      return v4 == PUBLIC ? PUBLIC | LITERAL : v4 | LITERAL | OBFUSCATED;
    }
    if (g[0] == 0xfd00 && g[1] == 0x0ec2) {
      return METADATA | LITERAL; // fd00:ec2::254 (IMDS), fd00:ec2::23 (EKS Pod Identity)
    }
    if ((g[0] & 0xffc0) == 0xfe80) {
      return LINK_LOCAL | LITERAL;
    }
    if ((g[0] & 0xfe00) == 0xfc00 || (g[0] & 0xffc0) == 0xfec0) {
      return PRIVATE | LITERAL;
    }
    return PUBLIC | LITERAL;
  }

  // ---------------------------------------------------------------- names

  private static int name(String h) {
    if (METADATA_NAMES.contains(h)) {
      return METADATA;
    }
    if (LOOPBACK_NAMES.contains(h)) {
      return LOOPBACK;
    }
    for (String d : LOOPBACK_DOMAINS) {
      if (isDomainOrSub(h, d)) {
        return LOOPBACK;
      }
    }
    int embedded = embeddedAddress(h);
    if (embedded != PUBLIC) {
      return embedded | OBFUSCATED;
    }
    if (h.startsWith("kubernetes.default")) {
      return INTERNAL_NAME; // the Kubernetes API server from inside a pod
    }
    for (String suffix : INTERNAL_SUFFIXES) {
      if (h.endsWith(suffix)) {
        return INTERNAL_NAME;
      }
    }
    if (h.indexOf('.') < 0 && isHostname(h)) {
      return PUBLIC | SINGLE_LABEL;
    }
    return PUBLIC;
  }

  /**
   * An internal address spelled inside a longer name: four numeric labels in a row followed by more labels
   * ({@code 169.254.169.254.nip.io}, {@code app.10.0.0.1.example.com}), or, under a wildcard DNS service, a
   * dashed ({@code 10-0-0-1}) or hex ({@code 0a000001}) label.
   */
  static int embeddedAddress(String h) {
    int[] starts = new int[4]; // where the last four numeric labels begin
    int run = 0;
    int labelStart = 0;
    int n = h.length();
    for (int i = 0; i <= n; i++) {
      if (i == n || h.charAt(i) == '.') {
        if (i > labelStart && i - labelStart <= 3 && allDigits(h, labelStart, i)) {
          starts[run & 3] = labelStart;
          run++;
          if (run >= 4 && i < n) {
            long v4 = ipv4(h, starts[(run - 4) & 3], i);
            if (v4 != NOT_IPV4) {
              int cls = classifyV4(v4 & 0xffffffffL);
              if (cls != PUBLIC) {
                return cls;
              }
            }
          }
        } else {
          run = 0;
        }
        labelStart = i + 1;
      }
    }
    boolean wildcard = false;
    for (String d : WILDCARD_DNS) {
      if (isDomainOrSub(h, d)) {
        wildcard = true;
        break;
      }
    }
    if (!wildcard) {
      return PUBLIC;
    }
    labelStart = 0;
    for (int i = 0; i <= n; i++) {
      if (i == n || h.charAt(i) == '.') {
        int cls = wildcardLabel(h.substring(labelStart, i));
        if (cls != PUBLIC) {
          return cls;
        }
        labelStart = i + 1;
      }
    }
    return PUBLIC;
  }

  /**
   * A label of a wildcard DNS name: {@code 0a000001} (hex, also {@code 0x0a000001} or after a dashed prefix,
   * {@code magic-0a000001}), {@code 10-0-0-1} or {@code www-10-0-0-1}.
   */
  private static int wildcardLabel(String label) {
    int hex = label.lastIndexOf('-') + 1; // the hex form is the label's last dash-separated part
    if (label.startsWith("0x", hex)) {
      hex += 2;
    }
    if (label.length() - hex == 8 && allHex(label, hex, label.length())) {
      return classifyV4(Long.parseLong(label.substring(hex), 16));
    }
    String[] parts = label.split("-", -1);
    if (parts.length < 4) {
      return PUBLIC;
    }
    long ip = 0;
    for (int k = parts.length - 4; k < parts.length; k++) {
      String p = parts[k];
      if (p.isEmpty() || p.length() > 3 || !allDigits(p, 0, p.length())) {
        return PUBLIC;
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        return PUBLIC;
      }
      ip = ip << 8 | v;
    }
    return classifyV4(ip);
  }

  static boolean isDomainOrSub(String h, String domain) {
    return h.equals(domain) || h.endsWith(domain) && h.length() > domain.length()
        && h.charAt(h.length() - domain.length() - 1) == '.';
  }

  static boolean isHostname(String h) {
    if (h.isEmpty() || h.length() > 63) {
      return false;
    }
    for (int i = 0; i < h.length(); i++) {
      char c = h.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
        return false;
      }
    }
    return h.charAt(0) != '-';
  }

  /** The value of an ASCII digit in {@code radix} (8, 10 or 16), or -1. */
  static int digit(char c, int radix) {
    int d = c >= '0' && c <= '9' ? c - '0'
        : c >= 'a' && c <= 'f' ? c - 'a' + 10
        : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
    return d < radix ? d : -1;
  }

  private static boolean allDigits(String s, int a, int b) {
    for (int i = a; i < b; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return a < b;
  }

  private static boolean allHex(String s, int a, int b) {
    for (int i = a; i < b; i++) {
      if (digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return a < b;
  }
}
