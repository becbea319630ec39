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
  private String lower;

  Normalized(String raw, String decoded, int layers, boolean hadNul) {
    this.raw = raw;
    this.decoded = decoded;
    this.layers = layers;
    this.hadNul = hadNul;
  }

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
