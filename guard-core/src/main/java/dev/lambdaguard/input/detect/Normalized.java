package dev.lambdaguard.input.detect;

import java.util.Locale;

/**
 * One value as the detectors see it, normalized once for all of them.
 *
 * <ul>
 *   <li>{@link #raw()}: as received (after the transport's own decoding);
 *   <li>{@link #decoded()}: what an application or a browser behind it may end up seeing: percent-decoding
 *       (also {@code %uXXXX} and overlong UTF-8 such as {@code %c0%ae}) repeated up to {@link Normalizer#MAX_LAYERS}
 *       layers, HTML character references decoded, Unicode NFKC (full-width and compatibility forms folded), NUL
 *       and invisible format characters removed;
 *   <li>{@link #lower()}: {@code decoded} in lower case (locale-independent).
 * </ul>
 *
 * {@link #layers()} counts the decoding layers that changed the value: an input encoded twice or more is itself a
 * signal. Immutable.
 */
public final class Normalized {

  /** Bits of {@link #kinds}: what the value holds beyond ASCII. */
  private static final int NON_ASCII = 1;
  private static final int BEYOND_LATIN1 = 2;
  private static final int NOT_INERT = 4;
  private static final int TRUNCATES_TO_BREAK = 8;
  private static final int ALL_KINDS = NON_ASCII | BEYOND_LATIN1 | NOT_INERT | TRUNCATES_TO_BREAK;
  /** Characters a decoding layer acts on: %, & and NUL. */
  private static final long DECODABLE = 1L << '%' | 1L << '&' | 1L;
  private static final long ASCII_UPPER = 0x07fffffeL; // 'A'..'Z', as bits of the mask of 64..127
  /** Length from which a value is profiled by {@link #seen}. */
  static final int MARKED_FROM = 512;
  /** The entry of {@link #seen}'s table that stands for every character beyond Latin-1. */
  private static final int SEEN_BEYOND_LATIN1 = 256;

  /**
   * The bit of each character in the low mask (characters 0 to 63) and in the high mask (64 to 127), by character
   * up to 255: 0 for what is not ASCII. Shared with {@link CharBlocks}.
   */
  static final long[] LOW_BIT = new long[256];
  static final long[] HIGH_BIT = new long[256];

  static {
    for (int c = 0; c < 128; c++) {
      if (c < 64) {
        LOW_BIT[c] = 1L << c;
      } else {
        HIGH_BIT[c] = 1L << (c - 64);
      }
    }
  }

  private final String raw;
  private final String decoded;
  private final int layers;
  private final boolean hadNul;
  private final long lowMask;
  private final long highMask;
  private final int kinds;
  private String lower;

  /**
   * Profiles {@code decoded} in one pass: which ASCII characters it holds, and what else. A short value has each
   * character's bit or-ed into two masks, without branches on the character (random punctuation would mispredict
   * them at every step): two loads from a table, which costs less than half what computing the bit and the half of
   * ASCII it falls in does. A long value is profiled in a third of that time by {@link #seen}, whose table becomes
   * the same masks after the pass (folding it costs what a few hundred characters do, hence {@link #MARKED_FROM}).
   * {@code hadNul} says a NUL was carried that {@code decoded} no longer holds (one it holds, the profile tells).
   */
  Normalized(String raw, String decoded, int layers, boolean hadNul) {
    this.raw = raw;
    this.decoded = decoded;
    this.layers = layers;
    long low = 0;
    long high = 0;
    int k = 0;
    int n = decoded.length();
    if (n < MARKED_FROM) {
      for (int i = 0; i < n; i++) {
        char c = decoded.charAt(i);
        int t = Math.min(c, 255);
        low |= LOW_BIT[t];
        high |= HIGH_BIT[t];
        if (c >= 128 && k != ALL_KINDS) {
          k |= kindOf(c);
        }
      }
    } else {
      byte[] seen = seen(decoded);
      for (int c = 0; c < 64; c++) {
        low |= (long) seen[c] << c;
        high |= (long) seen[c + 64] << c;
      }
      k = seen[SEEN_BEYOND_LATIN1];
      for (char c = 128; c <= 0xff && k != ALL_KINDS; c++) {
        if (seen[c] != 0) {
          k |= kindOf(c);
        }
      }
    }
    this.lowMask = low;
    this.highMask = high;
    this.kinds = k;
    this.hadNul = hadNul || (low & 1L) != 0;
  }

  /**
   * Which characters up to U+00FF {@code s} holds, 1 at each one's index, and at {@link #SEEN_BEYOND_LATIN1} the
   * {@link #kinds} of those beyond (which one shared entry would not keep): each character marks its entry, a store
   * that waits on nothing, where or-ing bits into masks makes each step wait on the step before.
   */
  private static byte[] seen(String s) {
    byte[] seen = new byte[SEEN_BEYOND_LATIN1 + 1];
    int beyond = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      seen[Math.min(c, SEEN_BEYOND_LATIN1)] = 1;
      if (c > 0xff && beyond != ALL_KINDS) {
        beyond |= kindOf(c);
      }
    }
    seen[SEEN_BEYOND_LATIN1] = (byte) beyond;
    return seen;
  }

  /** The {@link #kinds} bits of one character that is not ASCII. */
  private static int kindOf(char c) {
    if (c <= 0xff) {
      return InertChars.contains(c) ? NON_ASCII : NON_ASCII | NOT_INERT;
    }
    int low = c & 0xff;
    return NON_ASCII | BEYOND_LATIN1 | (InertChars.contains(c) ? 0 : NOT_INERT)
        | (low == '\n' || low == '\r' ? TRUNCATES_TO_BREAK : 0);
  }

  /** Whether the value may hold NUL or an invisible format character (never ASCII apart from NUL). */
  boolean mayHoldInvisible() {
    return (lowMask & 1L) != 0 || (kinds & NOT_INERT) != 0;
  }

  /** Whether a decoding layer could change this value: it holds %, &, NUL or a character not known inert. */
  boolean mayDecode() {
    return (lowMask & DECODABLE) != 0 || (kinds & NOT_INERT) != 0;
  }

  /**
   * Whether {@link #decoded()} contains any of the ASCII characters of {@code set} (see {@link #charSet}): one
   * comparison, so that a detector can leave at once a value that lacks everything its attacks need.
   */
  public boolean containsAny(CharSet set) {
    return (lowMask & set.low) != 0 || (highMask & set.high) != 0;
  }

  /** The ASCII characters 0 to 63 of {@link #decoded()}, one bit each (as {@link CharSet#low()}). */
  long lowMask() {
    return lowMask;
  }

  /** The ASCII characters 64 to 127 of {@link #decoded()}, one bit each (as {@link CharSet#high()}). */
  long highMask() {
    return highMask;
  }

  /** Whether the value is ASCII, taken as it came: no decoding layer, NUL or invisible character changed it. */
  public boolean isPlainAscii() {
    return decoded == raw && (kinds & NON_ASCII) == 0;
  }

  /**
   * Whether {@link #decoded()} contains a character of each of {@code sets} (built with {@code CharSets.eachChar}
   * from a word: whether the value has every letter the word needs), by its masks alone.
   */
  public boolean containsEach(CharSet[] sets) {
    for (CharSet set : sets) {
      if (!containsAny(set)) {
        return false;
      }
    }
    return true;
  }

  /** The ASCII letters of {@link #decoded()}, a bit per letter in either case ({@code a} is bit 0). */
  int letters() {
    return letters(highMask);
  }

  /**
   * The letters among the characters 64 to 127 given as a high mask (as {@link CharSet#high()}), a bit per letter
   * in either case: {@code A} to {@code Z} are bits 1 to 26 of the mask, {@code a} to {@code z} bits 33 to 58.
   */
  static int letters(long high) {
    return (int) ((high >>> 1 | high >>> 33) & (1L << 26) - 1);
  }

  /** Whether {@link #decoded()} has characters outside ASCII (look-alikes a detector may need to consider). */
  public boolean hasNonAscii() {
    return (kinds & NON_ASCII) != 0;
  }

  /** Whether {@link #decoded()} has characters beyond Latin-1 (U+0100 and up). */
  boolean hasBeyondLatin1() {
    return (kinds & BEYOND_LATIN1) != 0;
  }

  /**
   * Whether {@link #decoded()} has a character beyond Latin-1 whose low byte is CR or LF ({@code 嘊} U+560A): one
   * that a server writing characters as single bytes turns into a line break.
   */
  boolean mayTruncateToLineBreak() {
    return (kinds & TRUNCATES_TO_BREAK) != 0;
  }

  /** A set of ASCII characters to test values against with {@link #containsAny}; build once, in a constant. */
  public static CharSet charSet(String chars) {
    long low = 0;
    long high = 0;
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.charAt(i);
      if (c < 64) {
        low |= 1L << c;
      } else if (c < 128) {
        high |= 1L << (c - 64);
      } else {
        throw new IllegalArgumentException("charSet: ASCII characters only");
      }
    }
    return new CharSet(low, high);
  }

  /** ASCII characters as two bit masks. */
  public record CharSet(long low, long high) {}

  /** Normalizes a value with the default normalizer. */
  public static Normalized of(String raw) {
    return Normalizer.normalize(raw);
  }

  public String raw() {
    return raw;
  }

  public String decoded() {
    return decoded;
  }

  /**
   * {@link #decoded()} in lower case, character by character, computed at first use: the same length as
   * {@code decoded()}, so a position found in one is the same position in the other (locale-independent lower
   * casing of a whole string can change its length, as for {@code İ}).
   */
  public String lower() {
    String l = lower;
    if (l == null) {
      l = lowerSameLength();
      lower = l;
    }
    return l;
  }

  private String lowerSameLength() {
    if ((kinds & NON_ASCII) == 0 && (highMask & ASCII_UPPER) == 0) {
      return decoded; // known from the mask: nothing to lower
    }
    if ((kinds & BEYOND_LATIN1) == 0) {
      // Latin-1 lowers within Latin-1, one character for one, and the JDK does it on the compact byte form
      return decoded.toLowerCase(Locale.ROOT);
    }
    char[] out = decoded.toCharArray();
    for (int i = 0; i < out.length; i++) {
      out[i] = Character.toLowerCase(out[i]);
    }
    return new String(out);
  }

  /** How many decoding layers (percent, HTML, Unicode) changed the value; 0 for a value taken as it came. */
  public int layers() {
    return layers;
  }

  /** Whether the value carried a NUL character, raw or encoded (a classic truncation trick). */
  public boolean hadNul() {
    return hadNul;
  }

  @Override
  public String toString() {
    return "Normalized[" + raw.length() + " chars, " + layers + " layers]";
  }
}
