package dev.lambdaguard.input.detect;

import dev.lambdaguard.input.Category;

/**
 * Log4Shell-style lookups: a {@code ${jndi:…}} expression, also when nested lookups rebuild the keyword
 * ({@code ${${lower:j}ndi:…}}, {@code ${${::-j}${::-n}di:…}}, {@code ${${env:NaN:-j}ndi:…}},
 * {@code ${${date:'j'}ndi:…}}, any case), and environment or system lookups that exfiltrate secrets.
 *
 * <p>Every {@code ${…}} expression in the decoded value is resolved the way Log4j 2 resolves it (inner lookups
 * first; {@code lower:}, {@code upper:}, {@code date:'…'} literals and {@code :-} defaults evaluated; other lookups
 * left unresolved), see {@link JndiLookupResolver}. Values without all of {@code $}, {@code {} and {@code :} are
 * left after a look at their character set; others without {@code ${} cost one {@code indexOf}. A value whose
 * JSON or JavaScript escapes spell the lookup (<code>$&#92;u007Bjndi:…</code>) is read again with them resolved,
 * when it has a dollar sign or the code of one.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>{@code jndi.lookup} (100, 90 without a known protocol): a literal {@code ${jndi:…}} lookup;
 *   <li>{@code jndi.nested-lookup} (100): the {@code jndi:} keyword only appears once nested lookups are resolved;
 *   <li>{@code jndi.env-exfiltration} (80): an {@code env:}, {@code sys:}, {@code java:}… lookup nested in another
 *       lookup, or one that names a secret ({@code ${env:AWS_SECRET_ACCESS_KEY}}).
 * </ul>
 *
 * <p>Work per value is linear: each character is read once, at most {@value JndiLookupResolver#MAX_DEPTH} levels of
 * nesting are resolved (deeper ones are kept as text) and each level keeps at most
 * {@value JndiLookupResolver#MAX_LEVEL_CHARS} characters. Stateless and thread-safe.
 */
public final class JndiDetector implements Detector {

  static final Detection LOOKUP = new Detection(Category.JNDI, "jndi.lookup", 100);
  static final Detection LOOKUP_NO_PROTOCOL = new Detection(Category.JNDI, "jndi.lookup", 90);
  static final Detection NESTED = new Detection(Category.JNDI, "jndi.nested-lookup", 100);
  static final Detection ENV = new Detection(Category.JNDI, "jndi.env-exfiltration", 80);

  private static final Normalized.CharSet DOLLAR = Normalized.charSet("$");
  private static final Normalized.CharSet BRACE = Normalized.charSet("{");
  private static final Normalized.CharSet BACKSLASH = Normalized.charSet("\\");
  /** A dollar sign, or a backslash whose escape may spell one. */
  private static final Normalized.CharSet TRIGGERS = Normalized.charSet("$\\");
  /** Every rule reads a {@code prefix:} ({@code jndi:}, {@code env:}); resolution adds no colon the value lacks. */
  private static final Normalized.CharSet COLON = Normalized.charSet(":");

  public JndiDetector() {}

  @Override
  public Category category() {
    return Category.JNDI;
  }

  @Override
  public Normalized.CharSet triggers() {
    return TRIGGERS;
  }

  @Override
  public Detection detect(Normalized value) {
    if (!value.containsAny(COLON)) {
      return null;
    }
    Detection found = value.containsAny(DOLLAR) && value.containsAny(BRACE) ? resolve(value.decoded()) : null;
    if (found == null && value.containsAny(BACKSLASH)) {
      found = escaped(value);
    }
    return found;
  }

  /**
   * <code>$&#92;u007Bjndi:…</code>, <code>${&#92;u006Andi:…}</code>: a JSON or JavaScript string's escapes, which
   * the application decodes before it logs the text, spell the lookup. Read once more with the escapes resolved
   * (and whatever encoding they revealed: <code>&#92;u002524%7B</code> is {@code %24%7B}), only when a dollar sign
   * and a brace are there, each plain or as its code ({@code 24}, {@code 7b}), and an escape was decoded.
   */
  private static Detection escaped(Normalized value) {
    String s = value.decoded();
    if (!value.containsAny(DOLLAR) && Substrings.indexOf(s, "24", 0) < 0
        || !value.containsAny(BRACE) && Substrings.indexOf(s, "7b", 0) < 0 && Substrings.indexOf(s, "7B", 0) < 0) {
      return null;
    }
    String unescaped = JsEscapes.unescape(s);
    if (unescaped == s) {
      return null;
    }
    if (Substrings.indexOf(s, "u0025", 0) >= 0 || Substrings.indexOf(s, "u0026", 0) >= 0
        || Substrings.indexOf(s, "x25", 0) >= 0 || Substrings.indexOf(s, "x26", 0) >= 0) {
      // an escaped % or & begins a percent escape or an entity the normalizer could not see (it decoded the rest)
      unescaped = Normalized.of(unescaped).decoded();
    }
    return resolve(unescaped);
  }

  /** The finding of the lookups in {@code s}, or null. */
  private static Detection resolve(String s) {
    if (Substrings.indexOf(s, "${", 0) < 0) {
      return null;
    }
    JndiLookupResolver resolver = new JndiLookupResolver(s);
    switch (resolver.resolve()) {
      case JndiLookupResolver.DIRECT:
        return resolver.knownProtocol() ? LOOKUP : LOOKUP_NO_PROTOCOL;
      case JndiLookupResolver.NESTED:
        return NESTED;
      case JndiLookupResolver.ENV:
        return ENV;
      default:
        return null;
    }
  }
}
