package dev.lambdaguard.input.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a value has the characters that any SSRF finding stronger than {@code ssrf.internal-name} needs,
 * answered from its character mask: once the weakest finding is made, a value that cannot give a stronger one is
 * not read further ({@code http://a} a hundred thousand times over is judged by its first URL).
 *
 * <p>Why the characters below are enough. A stronger finding is an address (IPv4 in every form needs a digit;
 * IPv6 needs a digit, {@code ::}, or a first group beginning with {@code f}, as {@code fdab:...} and
 * {@code feab:...} without {@code ::} are private and link-local), a name that points inside by itself (a loopback
 * or metadata name, {@link SsrfHost#namesInside}; every other name needs a digit: an address embedded in it), a
 * dangerous scheme, or the Lambda Runtime API and extension (a port or a path with digits). Each name (by
 * {@link SsrfHost#mayNameInside}) and scheme is looked for by its letters in either case, as hosts and schemes
 * are compared ignoring case. A value beyond ASCII is always read: lower-casing may turn a character into ASCII
 * ({@code K}, the Kelvin sign), and IDNA reads {@code 。} as a dot. A Runtime API host without a digit is the
 * caller's to handle.
 */
final class SsrfStrongerFindings {

  private static final Normalized.CharSet DIGITS = Normalized.charSet("0123456789");
  private static final Normalized.CharSet F = Normalized.charSet("fF");
  /** The characters of each dangerous scheme, one set per character, a letter in either case. */
  private static final Normalized.CharSet[][] SCHEMES = eachCharOfEach();

  private SsrfStrongerFindings() {}

  /** Whether {@code value} may give a finding stronger than an internal name; false only when it cannot. */
  static boolean possible(Normalized value) {
    if (value.containsAny(DIGITS) || value.hasNonAscii() || value.containsAny(F)
        || value.decoded().contains("::")) {
      return true;
    }
    if (SsrfHost.mayNameInside(value)) {
      return true;
    }
    for (Normalized.CharSet[] scheme : SCHEMES) {
      if (value.containsEach(scheme)) {
        return true;
      }
    }
    return false;
  }

  private static Normalized.CharSet[][] eachCharOfEach() {
    List<Normalized.CharSet[]> words = new ArrayList<>();
    for (String scheme : SsrfDetector.DANGEROUS_SCHEMES) {
      words.add(CharSets.eachChar(scheme, true, ""));
    }
    return words.toArray(new Normalized.CharSet[0][]);
  }
}
