package dev.lambdaguard.input.detect;

import java.util.Set;

/**
 * Lists of ASCII names as one table, looked up straight from the scanned text: each name maps to the bits of the
 * lists that hold it, compared without case and without copying the name (a detector meets a name at nearly every
 * token, and a {@code substring} and {@code toLowerCase} each time made it allocate per token). Used for the
 * template names of {@link SstiExpression} and {@link SstiScanner} and the header names of {@link CrlfDetector}.
 * Only ASCII capitals are folded. Built once, then read-only and thread-safe.
 */
final class AsciiNames {

  /** Slots, a power of two at least four times the names held, so that probes stay short. */
  private static final int SLOTS = 1024;

  private final String[] keys = new String[SLOTS];
  private final int[] bits = new int[SLOTS];
  /**
   * Indexed by a name's first character (folded), the lengths of the names that start with it, as bits: most
   * identifiers of a template or a script are told apart from every listed name by this one load, before any
   * hashing.
   */
  private final long[] lengthsByFirst = new long[128];
  private int longest;

  /** Adds {@code bit} to each of {@code names} (lower-case ASCII). */
  AsciiNames with(Set<String> names, int bit) {
    for (String name : names) {
      int slot = name.hashCode() & (SLOTS - 1);
      while (keys[slot] != null && !keys[slot].equals(name)) {
        slot = (slot + 1) & (SLOTS - 1);
      }
      keys[slot] = name;
      bits[slot] |= bit;
      if (name.length() >= Long.SIZE || name.charAt(0) >= lengthsByFirst.length) {
        throw new IllegalArgumentException("name too long or not ASCII: " + name);
      }
      lengthsByFirst[name.charAt(0)] |= 1L << name.length();
      longest = Math.max(longest, name.length());
    }
    return this;
  }

  /** Every name held, for tests that walk the lists. */
  java.util.List<String> names() {
    java.util.List<String> all = new java.util.ArrayList<>();
    for (String key : keys) {
      if (key != null) {
        all.add(key);
      }
    }
    return all;
  }

  /** The bits of the name {@code s[from, to)}, compared without ASCII case; 0 for a name in no list. */
  int bits(String s, int from, int to) {
    int len = to - from;
    if (len <= 0 || len > longest) {
      return 0;
    }
    char first = fold(s.charAt(from));
    if (first >= lengthsByFirst.length || (lengthsByFirst[first] >>> len & 1) == 0) {
      return 0;
    }
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + fold(s.charAt(i)); // String.hashCode of the lower-case name
    }
    for (int slot = h & (SLOTS - 1); keys[slot] != null; slot = (slot + 1) & (SLOTS - 1)) {
      if (keys[slot].length() == len && sameFolded(keys[slot], s, from)) {
        return bits[slot];
      }
    }
    return 0;
  }

  private static boolean sameFolded(String key, String s, int from) {
    for (int k = 0; k < key.length(); k++) {
      if (fold(s.charAt(from + k)) != key.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static char fold(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }
}
