package dev.lambdaguard.input.detect;

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

  private final String raw;
  private final String decoded;
  private final int layers;
  private final boolean hadNul;
  private final long lowMask;
  private final long highMask;
  private final boolean nonAscii;
  private String lower;

  Normalized(String raw, String decoded, int layers, boolean hadNul, long lowMask, long highMask, boolean nonAscii) {
    this.raw = raw;
    this.decoded = decoded;
    this.layers = layers;
    this.hadNul = hadNul;
    this.lowMask = lowMask;
    this.highMask = highMask;
    this.nonAscii = nonAscii;
  }

  /**
   * Whether {@link #decoded()} contains any of the ASCII characters of {@code set} (see {@link #charSet}): one
   * comparison, so that a detector can leave at once a value that lacks everything its attacks need.
   */
  public boolean containsAny(CharSet set) {
    return (lowMask & set.low) != 0 || (highMask & set.high) != 0;
  }

  /** Whether {@link #decoded()} has characters outside ASCII (look-alikes a detector may need to consider). */
  public boolean hasNonAscii() {
    return nonAscii;
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
      l = lowerSameLength(decoded);
      lower = l;
    }
    return l;
  }

  private static String lowerSameLength(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && Character.toLowerCase(s.charAt(i)) == s.charAt(i)) {
      i++;
    }
    if (i == n) {
      return s;
    }
    char[] out = s.toCharArray();
    for (; i < n; i++) {
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
