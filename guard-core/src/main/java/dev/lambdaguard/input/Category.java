package dev.lambdaguard.input;

/** The kinds of injection the scanner recognises; {@link #code()} is the stable name in events and policies. */
public enum Category {
  SQLI("sqli"),
  XSS("xss"),
  CMDI("cmdi"),
  PATH("path"),
  SSRF("ssrf"),
  NOSQLI("nosqli"),
  LDAP("ldap"),
  SSTI("ssti"),
  JNDI("jndi"),
  XXE("xxe"),
  CRLF("crlf"),
  PROTO("proto");

  private final String code;

  Category(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The category with this code, or null. */
  public static Category of(String code) {
    for (Category c : values()) {
      if (c.code.equals(code)) {
        return c;
      }
    }
    return null;
  }
}
