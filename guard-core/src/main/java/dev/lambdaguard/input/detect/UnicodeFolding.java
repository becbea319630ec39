package dev.lambdaguard.input.detect;

/**
 * The Unicode layer of {@link Normalizer}: NFKC folds full-width and compatibility forms ({@code ＜},
 * {@code ｓｃｒｉｐｔ}). Full-width ASCII, the form attacks use, folds here by subtraction. Only the stretches around
 * other characters {@link InertChars} does not know go through {@link java.text.Normalizer}: each from the last
 * ASCII or inert character before it (which may compose with the marks after it) to the next one, stretches a few
 * places apart joined into one piece. NFKC joins and reorders nothing across such a character (it has a
 * normalization boundary before it), so the pieces normalized alone give the value normalized whole.
 *
 * <p>The JDK's normalizer costs 20 to 50 ns a character, so at most {@link Normalizer#MAX_FOLDED} characters of a
 * value go through it, over all its layers ({@code budget[0]} holds what is left); the rest of a value dense in
 * combining marks or compatibility forms is left as it came. Within a piece, a cluster (a character with a boundary
 * before it and the marks after it) repeated many times over, as in a flood of {@code e\u0301}, is normalized once.
 *
 * <p>One instance folds one string: it holds the output, made only once something changes.
 */
final class UnicodeFolding {

  private static final char FULL_WIDTH_OFFSET = '\uff01' - '!';
  /**
   * Repeats of one cluster from which it is normalized alone, once for all of them: a call to the JDK's normalizer
   * costs about as much as a dozen clusters normalized in a longer call, so shorter repeats stay in the piece.
   */
  private static final int REPEATS = 16;

  private final String s;
  private final int n;
  /**
   * The output so far, null while nothing has changed; {@code s} up to {@link #copied} is in it. It is kept as
   * Latin-1 bytes while it is Latin-1 (full-width ASCII folds to ASCII), since a string made from bytes costs a
   * copy and one made from characters a compression that costs three times more; {@link #wide} takes over at the
   * first character beyond Latin-1.
   */
  private byte[] latin;
  private char[] wide;
  private int o;
  private int copied;

  private UnicodeFolding(String s) {
    this.s = s;
    this.n = s.length();
  }

  /** {@code s} under NFKC (within the budget, see above), or {@code s} itself when that changes nothing. */
  static String nfkc(String s, int[] budget) {
    int n = s.length();
    int i = 0;
    while (i < n && s.charAt(i) < 0x80) {
      i++; // ASCII is NFKC already: the common case, in the tightest loop
    }
    return i == n ? s : new UnicodeFolding(s).fold(i, budget);
  }

  private String fold(int from, int[] budget) {
    int i = from;
    int boundary = i > 0 ? i - 1 : 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c < 0x80) {
        // A run of ASCII, in a loop as tight as the one above: a value with one early escape that decodes beyond
        // ASCII is otherwise read character by character through the branches below.
        int end = i + 1;
        while (end < n && s.charAt(end) < 0x80) {
          end++;
        }
        boundary = end - 1;
        i = end;
        continue;
      }
      if (InertChars.contains(c)) {
        boundary = i++;
        continue;
      }
      if (foldsAlone(i)) {
        i = foldFullWidthRun(i);
        boundary = i;
        continue;
      }
      if (budget[0] == 0) {
        return foldFullWidthOnly(i); // the budget is spent: only full-width forms still fold
      }
      int end = pieceEnd(i, boundary + budget[0]);
      if (end - boundary > budget[0]) {
        budget[0] = 0;
        continue;
      }
      budget[0] -= end - boundary;
      foldPiece(boundary, end);
      boundary = end;
      i = end;
    }
    return result();
  }

  /** Folds the full-width forms from {@code i} on that fold alone, in one loop; returns where they end. */
  private int foldFullWidthRun(int i) {
    copyUpTo(i);
    ensure(n - i); // room for the longest run: one ASCII character for each full-width one
    String text = s;
    int last = n - 1;
    int k = o;
    int end = i;
    // each character is read once: the one after a full-width form, which says whether it folds alone, is the next
    char c = text.charAt(end);
    if (wide == null) {
      byte[] out = latin;
      while (isFullWidthAscii(c)) {
        char next = end < last ? text.charAt(end + 1) : 0;
        if (joinsPrevious(next)) {
          break;
        }
        out[k++] = (byte) (c - FULL_WIDTH_OFFSET);
        end++;
        c = next;
      }
    } else {
      char[] out = wide;
      while (isFullWidthAscii(c)) {
        char next = end < last ? text.charAt(end + 1) : 0;
        if (joinsPrevious(next)) {
          break;
        }
        out[k++] = (char) (c - FULL_WIDTH_OFFSET);
        end++;
        c = next;
      }
    }
    o = k;
    copied = end;
    return end;
  }

  /** Whether the character after {@code i} may join it. */
  private boolean joinsNext(int i) {
    return i + 1 < n && joinsPrevious(s.charAt(i + 1));
  }

  /** The rest of {@code s} from {@code from}, with only its full-width forms folded. */
  private String foldFullWidthOnly(int from) {
    for (int i = from; i < n; ) {
      i = foldsAlone(i) ? foldFullWidthRun(i) : i + 1;
    }
    return result();
  }

  /** A full-width form of ASCII with no mark after it to join: it folds to its ASCII character by itself. */
  private boolean foldsAlone(int i) {
    return isFullWidthAscii(s.charAt(i)) && !joinsNext(i);
  }

  /**
   * Where the piece holding the character at {@code i} ends: at a boundary with no unknown character close after,
   * or at the first boundary past {@code limit}.
   */
  private int pieceEnd(int i, int limit) {
    int end = i + 1;
    while (end < n) {
      if (!hasBoundaryBefore(s.charAt(end))) {
        end++;
        continue;
      }
      int k = end;
      int near = Math.min(n, end + 8);
      while (k < near && hasBoundaryBefore(s.charAt(k))) {
        k++;
      }
      if (k == near || k >= limit) {
        break;
      }
      end = k + 1;
    }
    return end;
  }

  /**
   * The piece from {@code from} to {@code end} under NFKC, in one call to the JDK's normalizer, but for runs of
   * {@link #REPEATS} or more equal clusters, each normalized alone, once. A cluster starts at a character that joins
   * nothing before it (as a piece does), so the clusters and stretches normalized apart give the piece normalized
   * whole.
   */
  private void foldPiece(int from, int end) {
    int pending = from; // the start of what is still to normalize in one call
    int at = from;
    while (at < end) {
      int next = at + 1;
      while (next < end && joinsPrevious(s.charAt(next))) {
        next++;
      }
      int length = next - at;
      int repeated = next;
      while (repeated + length <= end && s.regionMatches(at, s, repeated, length)
          && (repeated + length == end || !joinsPrevious(s.charAt(repeated + length)))) {
        repeated += length;
      }
      if (repeated - at >= REPEATS * length) {
        replace(pending, at, normalize(pending, at), 1);
        replace(at, repeated, normalize(at, next), (repeated - at) / length);
        pending = repeated;
      }
      at = repeated;
    }
    replace(pending, end, normalize(pending, end), 1);
  }

  private String normalize(int from, int to) {
    return from == to ? "" : java.text.Normalizer.normalize(s.substring(from, to), java.text.Normalizer.Form.NFKC);
  }

  /** Puts {@code folded}, {@code times} over, in place of {@code s} from {@code from} to {@code to}, if it differs. */
  private void replace(int from, int to, String folded, int times) {
    if (folded.length() * times == to - from && s.regionMatches(from, folded, 0, folded.length())) {
      return; // unchanged (a repeated cluster is compared once: its repeats are equal to it)
    }
    copyUpTo(from);
    put(folded, times);
    copied = to;
  }

  private void put(String folded, int times) {
    int length = folded.length();
    if (wide == null) {
      for (int k = 0; k < length; k++) {
        if (folded.charAt(k) > 0xff) {
          widen();
          break;
        }
      }
    }
    ensure(length * times);
    for (int t = 0; t < times; t++) {
      if (wide == null) {
        for (int k = 0; k < length; k++) {
          latin[o + k] = (byte) folded.charAt(k); // Latin-1, as checked above
        }
      } else {
        folded.getChars(0, length, wide, o);
      }
      o += length;
    }
  }

  /** Copies {@code s} from {@link #copied} up to {@code to} into the output, making it if need be. */
  private void copyUpTo(int to) {
    ensure(to - copied);
    if (wide == null) {
      byte[] out = latin;
      int k = o;
      int i = copied;
      for (char c; i < to && (c = s.charAt(i)) <= 0xff; i++) {
        out[k++] = (byte) c;
      }
      o = k;
      copied = i;
      if (i == to) {
        return;
      }
      widen();
    }
    s.getChars(copied, to, wide, o);
    o += to - copied;
    copied = to;
  }

  /** Room for {@code more} characters in the output (NFKC may lengthen a piece, so it can outgrow {@code s}). */
  private void ensure(int more) {
    if (wide != null) {
      if (o + more > wide.length) {
        wide = java.util.Arrays.copyOf(wide, Math.max(2 * wide.length, o + more));
      }
    } else if (latin == null) {
      latin = new byte[Math.max(n, more)];
    } else if (o + more > latin.length) {
      latin = java.util.Arrays.copyOf(latin, Math.max(2 * latin.length, o + more));
    }
  }

  /** The output from here on in characters: a character beyond Latin-1 is coming. */
  private void widen() {
    char[] chars = new char[Math.max(n, latin.length)];
    for (int k = 0; k < o; k++) {
      chars[k] = (char) (latin[k] & 0xff);
    }
    wide = chars;
    latin = null;
  }

  private String result() {
    if (latin == null && wide == null) {
      return s;
    }
    copyUpTo(n);
    return wide != null ? new String(wide, 0, o)
        : new String(latin, 0, o, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** U+FF01..U+FF5E, the full-width forms of ASCII's printable characters; NFKC maps each to its ASCII one. */
  private static boolean isFullWidthAscii(char c) {
    return c >= '\uff01' && c <= '\uff5e';
  }

  /** Whether {@code c} may join the character before it under NFKC (so that neither folds alone). */
  private static boolean joinsPrevious(char c) {
    return c >= 0x80 && !isFullWidthAscii(c) && !InertChars.contains(c);
  }

  private static boolean hasBoundaryBefore(char c) {
    return c < 0x80 || InertChars.contains(c);
  }
}
