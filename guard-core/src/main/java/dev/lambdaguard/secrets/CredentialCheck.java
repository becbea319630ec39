package dev.lambdaguard.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds credentials placed in a function's environment variables instead of a secret store: long-term AWS
 * access keys, PEM private keys, passwords in connection strings or {@code password=} pairs, and long
 * random-looking values under names such as {@code *SECRET*}, {@code *TOKEN*} or {@code *PASSWORD*}. Run once at
 * init. Findings name the variable and the kind, never the value. The temporary credentials Lambda itself sets
 * for the execution role ({@code ASIA…} with a session token) are not findings.
 */
public final class CredentialCheck {

  /** One variable that looks like a credential. */
  public record Finding(String variable, String kind) {

    /** How bad it is: {@code high} for what grants access by itself (see {@link CredentialCheck#severity}). */
    public String severity() {
      return CredentialCheck.severity(kind);
    }
  }

  /** Kinds that are a working credential by themselves: an AWS user's keys, a private key. */
  private static final java.util.Set<String> HIGH_SEVERITY_KINDS =
      java.util.Set.of("aws_long_term_access_key", "aws_secret_access_key", "pem_private_key");

  /**
   * {@code high} for a long-term AWS access key, an AWS secret access key or a PEM private key: each grants
   * access by itself, for as long as it is not rotated; {@code medium} for the other kinds (a password or a token
   * still needs the system it opens).
   */
  public static String severity(String kind) {
    return HIGH_SEVERITY_KINDS.contains(kind) ? "high" : "medium";
  }

  private static final String[] SENSITIVE_NAMES = {"SECRET", "TOKEN", "PASSWORD", "PASSWD", "PWD", "API_KEY", "APIKEY",
      "PRIVATE_KEY", "CREDENTIAL", "AUTH"};
  static final int MIN_TOKEN_LENGTH = 16;
  static final double MIN_ENTROPY_BITS = 3.5;

  private CredentialCheck() {}

  /** The findings in {@code env}, sorted by variable name. */
  public static List<Finding> scan(Map<String, String> env) {
    List<Finding> findings = new ArrayList<>();
    boolean lambdaRoleCredentials = env.containsKey("AWS_SESSION_TOKEN");
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      String name = e.getKey();
      String value = e.getValue() == null ? "" : e.getValue();
      String upper = name.toUpperCase(Locale.ROOT);
      if (lambdaRoleCredentials && (upper.equals("AWS_SECRET_ACCESS_KEY") || upper.equals("AWS_SESSION_TOKEN")
          || (upper.equals("AWS_ACCESS_KEY_ID") && value.startsWith("ASIA")))) {
        continue;
      }
      String kind = kind(upper, value);
      if (kind != null) {
        findings.add(new Finding(name, kind));
      }
    }
    return findings;
  }

  /** The kind of credential {@code value} under the name {@code upperName} (upper case) is, or null. */
  static String kind(String upperName, String value) {
    if (containsAccessKeyId(value, "AKIA")) {
      return "aws_long_term_access_key";
    }
    if (isSecretAccessKeyName(upperName) && value.length() >= 20 && !isReference(value)) {
      return "aws_secret_access_key";
    }
    if (value.contains("-----BEGIN") && value.contains("PRIVATE KEY-----")) {
      return "pem_private_key";
    }
    if (hasUrlPassword(value)) {
      return "password_in_connection_string";
    }
    String lower = value.toLowerCase(Locale.ROOT);
    for (String key : new String[] {"password=", "pwd=", "passwd="}) {
      int at = lower.indexOf(key);
      if (at >= 0 && at + key.length() < value.length() && value.charAt(at + key.length()) != ';'
          && value.charAt(at + key.length()) != '&') {
        return "password_in_connection_string";
      }
    }
    if (isSensitiveName(upperName) && looksRandom(value) && !isReference(value)) {
      return "secret_in_environment";
    }
    return null;
  }

  private static boolean containsAccessKeyId(String value, String prefix) {
    for (int i = value.indexOf(prefix); i >= 0 && i + 20 <= value.length(); i = value.indexOf(prefix, i + 1)) {
      boolean ok = true;
      for (int j = i + 4; j < i + 20 && ok; j++) {
        char c = value.charAt(j);
        ok = (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7');
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }

  /** {@code scheme://user:password@host}: a non-empty password between ':' and '@' after the scheme. */
  private static boolean hasUrlPassword(String value) {
    int scheme = value.indexOf("://");
    if (scheme < 0) {
      return false;
    }
    int at = value.indexOf('@', scheme + 3);
    int slash = value.indexOf('/', scheme + 3);
    if (at < 0 || (slash >= 0 && slash < at)) {
      return false;
    }
    int colon = value.indexOf(':', scheme + 3);
    return colon > scheme + 3 && colon < at - 1;
  }

  /** {@code AWS_SECRET_ACCESS_KEY}, {@code aws.secretAccessKey}, {@code aws_secret_key}, {@code secretKey}. */
  private static boolean isSecretAccessKeyName(String upperName) {
    StringBuilder letters = new StringBuilder(upperName.length());
    for (int i = 0; i < upperName.length(); i++) {
      char c = upperName.charAt(i);
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        letters.append(c);
      }
    }
    String name = letters.toString();
    return name.contains("SECRETACCESSKEY") || name.equals("AWSSECRETKEY") || name.endsWith("AWSSECRETKEY")
        || name.equals("SECRETKEY");
  }

  private static boolean isSensitiveName(String upperName) {
    for (String part : SENSITIVE_NAMES) {
      if (upperName.contains(part)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A pointer to a secret rather than a secret: an ARN, a dynamic reference, a secret name or path, a
   * placeholder filled from elsewhere ({@code ${DB_PASSWORD}}).
   */
  private static boolean isReference(String value) {
    return value.startsWith("${") || value.startsWith("arn:") || value.startsWith("{{resolve:") || value.startsWith("/")
        || value.startsWith("ssm:") || value.startsWith("secretsmanager:") || isNameAndField(value);
  }

  /**
   * {@code prod/db#password}: a secret's name and a field of its JSON, the form the library's own settings take
   * ({@code jwt.hmacKeyRef}, {@code @Secret}). Base64 and hex never hold {@code #}; a generated password may, so a
   * name that mixes upper case, lower case and digits (as generators do, and secret names seldom) is not taken for
   * one, and the field must be a plain identifier starting with a letter.
   */
  private static boolean isNameAndField(String value) {
    int hash = value.indexOf('#');
    if (hash <= 0 || hash == value.length() - 1 || value.length() - hash - 1 > 64 || value.indexOf('#', hash + 1) >= 0
        || !Character.isLetter(value.charAt(hash + 1))) {
      return false;
    }
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      boolean nameChar = letterOrDigit || c == '/' || c == '_' || c == '+' || c == '=' || c == '.' || c == '@'
          || c == '-';
      boolean fieldChar = letterOrDigit || c == '_' || c == '-' || c == '.';
      if (i != hash && !(i < hash ? nameChar : fieldChar)) {
        return false;
      }
      if (i < hash) {
        upper |= c >= 'A' && c <= 'Z';
        lower |= c >= 'a' && c <= 'z';
        digit |= c >= '0' && c <= '9';
      }
    }
    return !(upper && lower && digit);
  }

  /** Long and high in Shannon entropy: a generated token, not a word or a setting. */
  static boolean looksRandom(String value) {
    if (value.length() < MIN_TOKEN_LENGTH || value.indexOf(' ') >= 0) {
      return false;
    }
    int[] counts = new int[128];
    int n = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 128) {
        counts[c]++;
        n++;
      }
    }
    double entropy = 0;
    for (int count : counts) {
      if (count > 0) {
        double p = (double) count / n;
        entropy -= p * (Math.log(p) / Math.log(2));
      }
    }
    return entropy >= MIN_ENTROPY_BITS;
  }
}
