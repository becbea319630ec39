package dev.lambdaguard.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The one place where secrets are removed from text before it is written anywhere.
 *
 * <p>It removes, in one linear pass per rule and without regular expressions:
 * <ul>
 *   <li>every value {@linkplain #register registered} as secret (fetched secrets, keys), anywhere in the text;
 *   <li>credentials after an HTTP auth scheme ({@code Bearer}, {@code Basic}, {@code Digest}, {@code AWS4-HMAC-SHA256});
 *   <li>anything shaped like a JWT ({@code eyJ...}.{@code ...}) and AWS access key ids ({@code AKIA}/{@code ASIA} + 16).
 * </ul>
 * Header names in {@link #SENSITIVE_HEADERS} are never written at all by the library.
 *
 * <p>Thread-safe. The registry is bounded ({@value #MAX_SECRETS} values); values shorter than
 * {@value #MIN_SECRET_LENGTH} characters are refused because they would redact ordinary text.
 */
public final class Redactor {

  /** Headers whose values are credentials: never copied into an event, a log line or an error. */
  public static final Set<String> SENSITIVE_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key",
          "x-amz-security-token", "x-aws-parameters-secrets-token");

  public static final int MAX_SECRETS = 1024;
  public static final int MIN_SECRET_LENGTH = 4;

  static final String MASK = "[REDACTED]";
  private static final String[] AUTH_SCHEMES = {"bearer", "basic", "digest", "aws4-hmac-sha256"};

  private static final Redactor SHARED = new Redactor();

  private volatile String[] secrets = new String[0];

  /**
   * The process-wide registry that guards and secret caches use unless given another, so that a secret fetched
   * by any cache is masked in every guard's events without wiring the two together.
   */
  public static Redactor shared() {
    return SHARED;
  }

  /** Whether values of the header {@code name} are credentials (name compared case-insensitively). */
  public static boolean isSensitiveHeader(String name) {
    return SENSITIVE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Registers a secret value so that it never appears in any output.
   *
   * @return false when the value is too short, or the registry is full (the value is then not registered)
   */
  public synchronized boolean register(String secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length() < MIN_SECRET_LENGTH) {
      return false;
    }
    String[] current = secrets;
    for (String s : current) {
      if (s.equals(secret)) {
        return true;
      }
    }
    if (current.length >= MAX_SECRETS) {
      return false;
    }
    String[] next = Arrays.copyOf(current, current.length + 1);
    next[current.length] = secret;
    // Longest first, so that a secret containing another is masked whole.
    Arrays.sort(next, (a, b) -> Integer.compare(b.length(), a.length()));
    secrets = next;
    return true;
  }

  /** The number of registered secrets. */
  public int size() {
    return secrets.length;
  }

  /** The text with every secret and credential-shaped token masked; the same instance when nothing matched. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : secrets) {
      if (out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    int suspects = suspects(out);
    if ((suspects & AUTH_SCHEME) != 0) {
      out = maskAfterAuthSchemes(out);
    }
    if ((suspects & TOKEN_SHAPE) != 0) {
      out = maskTokenShapes(out);
    }
    return out;
  }

  private static final int AUTH_SCHEME = 1;
  private static final int TOKEN_SHAPE = 2;

  /**
   * One cheap pass deciding which scans can match at all: an auth scheme is followed by whitespace, a JWT
   * starts with {@code eyJ}, an access key id with {@code A}. Most values (paths, ids, versions) have none
   * of these, so the full scans stay off the common path.
   */
  private static int suspects(String text) {
    int found = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c <= ' ' || Character.isWhitespace(c)) {
        found |= AUTH_SCHEME;
      } else if ((c == 'e' && text.startsWith("yJ", i + 1)) || (c == 'A' && (text.startsWith("KIA", i + 1)
          || text.startsWith("SIA", i + 1)))) {
        found |= TOKEN_SHAPE;
      }
    }
    return found;
  }

  private static String maskAfterAuthSchemes(String text) {
    StringBuilder sb = null;
    int n = text.length();
    int copied = 0;
    for (int i = 0; i < n; i++) {
      char first = (char) (text.charAt(i) | 0x20);
      if (first != 'b' && first != 'd' && first != 'a') {
        continue;
      }
      for (String scheme : AUTH_SCHEMES) {
        int afterScheme = i + scheme.length();
        if (afterScheme < n && Character.isWhitespace(text.charAt(afterScheme))
            && text.regionMatches(true, i, scheme, 0, scheme.length())
            && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
          // Any run of whitespace may separate the scheme from the credential ("Bearer  x", "Basic\tx").
          int start = afterScheme;
          while (start < n && Character.isWhitespace(text.charAt(start))) {
            start++;
          }
          // Bearer and Basic carry one token; Digest and SigV4 carry comma-separated parameters with spaces
          // (Credential=..., SignedHeaders=..., Signature=...), masked up to the end of the quoted value.
          boolean parameters = scheme.equals("digest") || scheme.equals("aws4-hmac-sha256");
          int end = start;
          while (end < n && text.charAt(end) != '"'
              && (parameters || !Character.isWhitespace(text.charAt(end)))) {
            end++;
          }
          if (end > start) {
            if (sb == null) {
              sb = new StringBuilder(n);
            }
            sb.append(text, copied, start).append(MASK);
            copied = end;
            i = end - 1;
          }
          break;
        }
      }
    }
    if (sb == null) {
      return text;
    }
    return sb.append(text, copied, n).toString();
  }

  private static String maskTokenShapes(String text) {
    StringBuilder sb = null;
    int n = text.length();
    int copied = 0;
    int i = 0;
    while (i < n) {
      int end = jwtEnd(text, i);
      if (end < 0) {
        end = awsKeyEnd(text, i);
      }
      if (end > 0) {
        if (sb == null) {
          sb = new StringBuilder(n);
        }
        sb.append(text, copied, i).append(MASK);
        copied = end;
        i = end;
      } else {
        i++;
      }
    }
    if (sb == null) {
      return text;
    }
    return sb.append(text, copied, n).toString();
  }

  /** End of a JWT-shaped token starting at {@code i} ({@code eyJ} + base64url, at least one dot), or -1. */
  private static int jwtEnd(String text, int i) {
    if (!text.startsWith("eyJ", i) || (i > 0 && isBase64Url(text.charAt(i - 1)))) {
      return -1;
    }
    int n = text.length();
    int j = i;
    int dots = 0;
    while (j < n && (isBase64Url(text.charAt(j)) || text.charAt(j) == '.')) {
      if (text.charAt(j) == '.') {
        dots++;
      }
      j++;
    }
    return dots >= 1 && j - i >= 16 ? j : -1;
  }

  /** End of an AWS access key id ({@code AKIA} or {@code ASIA} + 16 upper-case letters or digits), or -1. */
  private static int awsKeyEnd(String text, int i) {
    if (!(text.startsWith("AKIA", i) || text.startsWith("ASIA", i)) || i + 20 > text.length()) {
      return -1;
    }
    for (int j = i + 4; j < i + 20; j++) {
      char c = text.charAt(j);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return -1;
      }
    }
    return i + 20;
  }

  private static boolean isBase64Url(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  }
}
