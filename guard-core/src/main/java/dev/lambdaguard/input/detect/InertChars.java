package dev.lambdaguard.input.detect;

/**
 * Characters outside ASCII that no decoding layer can change: below U+0800 (Latin, Greek, Cyrillic, Armenian,
 * Hebrew, Arabic letters), the punctuation of running text (dashes, curly quotes, the ideographic full stop), and
 * the CJK ideographs, Hangul syllables and kana by block. NFKC leaves them as they are alone and next to any other
 * such character (they are starters that compose with nothing before them), and they are not invisible format
 * characters. Text made of ASCII and these (names such as "Zoë", "São Paulo", "Ивана", "東京") is taken as it came,
 * without running {@link java.text.Normalizer}.
 *
 * <p>The ranges are a constant rather than computed at class init, which would cost about 15 ms of cold start;
 * {@code InertCharsTest} checks every character of them against the running JDK. Characters the table leaves out
 * take the full decoding path, which is always correct, only slower.
 */
final class InertChars {

  /** Inclusive ranges, two characters each: generated from the JDK's NFKC and character types, U+0080..U+07FF. */
  private static final String RANGES = "\u00a1\u00a7\u00a9\u00a9\u00ab\u00ac\u00ae\u00ae\u00b0\u00b1\u00b6\u00b7"
      + "\u00bb\u00bb\u00bf\u0131\u0134\u013e\u0141\u0148\u014a\u017e\u0180\u01c3"
      + "\u01cd\u01f0\u01f4\u02af\u02b9\u02d7\u02de\u02df\u02e5\u02ff\u0370\u0373"
      + "\u0375\u0377\u037b\u037d\u037f\u037f\u0386\u0386\u0388\u038a\u038c\u038c"
      + "\u038e\u03a1\u03a3\u03cf\u03d7\u03ef\u03f3\u03f3\u03f6\u03f8\u03fa\u0482"
      + "\u048a\u052f\u0531\u0556\u0559\u0586\u0588\u058a\u058d\u058f\u05be\u05be"
      + "\u05c0\u05c0\u05c3\u05c3\u05c6\u05c6\u05d0\u05ea\u05ef\u05f4\u0606\u060f"
      + "\u061b\u061b\u061e\u064a\u0660\u066f\u0671\u0674\u0679\u06d5\u06de\u06de"
      + "\u06e5\u06e6\u06e9\u06e9\u06ee\u070d\u0710\u0710\u0712\u072f\u074d\u07a5"
      + "\u07b1\u07b1\u07c0\u07ea\u07f4\u07fa\u07fe\u07ff";

  /**
   * Punctuation of running text, generated the same way: dashes, curly quotes, bullets and primes (U+2010..U+205E),
   * the CJK ideographic comma and full stop, corner brackets and iteration marks (U+3001..U+303F), and the katakana
   * middle dot and prolonged sound mark (U+30FB..U+30FE). Without them every sentence with a "smart quote" or an
   * em dash, and all Japanese text, took the full decoding path for characters it leaves as they are.
   */
  private static final String PUNCTUATION = "\u2010\u2010\u2012\u2016\u2018\u2023\u2027\u2027\u2030\u2032"
      + "\u2035\u2035\u2038\u203b\u203d\u203d\u203f\u2046\u204a\u2056\u2058\u205e\u3001\u3029\u3030\u3035"
      + "\u3037\u3037\u303b\u303f\u30fb\u30fe";

  /**
   * Whole blocks, inert the same way: the CJK unified ideographs (as far as Unicode 11, which every supported JDK
   * knows), the Hangul syllables, and the hiragana and katakana letters without the voicing marks and ゟ between them
   * (NFKC changes those; the voiced forms are precomposed and stay so, and a separate voicing mark is not inert and
   * takes the full path with the letter before it). Chinese, Japanese and Korean text is then profiled like Latin
   * text instead of going through the JDK's normalizer up to its budget.
   */
  private static final String BLOCKS = "\u4e00\u9fef\uac00\ud7a3\u3041\u3096\u30a1\u30fa";

  /**
   * Every character of the Basic Multilingual Plane, a bit each (8 KB): one look-up per character, as the profile of
   * a long text in Japanese or Cyrillic asks at each of its characters. Filled from the ranges at class init, which
   * costs microseconds, not the JDK's normalizer.
   */
  private static final long[] BITS = new long[(Character.MAX_VALUE + 1) >> 6];

  static {
    for (String ranges : new String[] {RANGES, PUNCTUATION, BLOCKS}) {
      for (int r = 0; r < ranges.length(); r += 2) {
        int last = ranges.charAt(r + 1);
        for (int c = ranges.charAt(r); c <= last; ) {
          if ((c & 63) == 0 && c + 63 <= last) {
            BITS[c >> 6] = -1L; // a whole word at once: the blocks are some 500 words, run in the interpreter
            c += 64;
          } else {
            BITS[c >> 6] |= 1L << c;
            c++;
          }
        }
      }
    }
  }

  private InertChars() {}

  /** Whether {@code c} (not ASCII) is one of the characters above. */
  static boolean contains(char c) {
    return (BITS[c >> 6] & 1L << c) != 0;
  }
}
