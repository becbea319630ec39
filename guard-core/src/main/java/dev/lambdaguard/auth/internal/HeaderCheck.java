package dev.lambdaguard.auth.internal;

import dev.lambdaguard.Reasons;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The checks of a JWS header before any key is looked up: the algorithm is on the allow-list ({@code none}
 * never is, in any casing), no critical or unencoded-payload extension is used, the key id is a short
 * string, and the {@code typ} fits the policy.
 *
 * @param algorithms the allowed {@code alg} values, exactly as registered (case-sensitive)
 * @param allowedTypes accepted {@code typ} values, lower case; empty to accept any
 * @param typeRequired whether a token without {@code typ} is refused
 */
public record HeaderCheck(Set<String> algorithms, Set<String> allowedTypes, boolean typeRequired) {

  static final int MAX_KID_LENGTH = 256;

  public HeaderCheck {
    algorithms = Set.copyOf(algorithms);
    allowedTypes = Set.copyOf(allowedTypes);
  }

  public void check(JsonNode header) {
    JsonNode alg = header.get("alg");
    if (alg == null || !alg.isString()) {
      throw Refused.of(Reasons.TOKEN_MALFORMED, "the token header has no algorithm");
    }
    String name = alg.asString();
    if (name.equalsIgnoreCase("none") || !algorithms.contains(name)) {
      throw Refused.of(Reasons.ALG_NOT_ALLOWED, "the token's algorithm is not allowed");
    }
    // RFC 7515 §4.1.11: a recipient must refuse critical extensions it does not understand; we understand none.
    // RFC 7797 b64=false changes what is signed and has no place in a bearer token; JWE headers have enc/zip.
    for (String forbidden : new String[] {"crit", "b64", "enc", "zip"}) {
      if (header.has(forbidden)) {
        throw Refused.of(Reasons.TOKEN_MALFORMED, "the token header uses an unsupported parameter");
      }
    }
    JsonNode kid = header.get("kid");
    if (kid != null && (!kid.isString() || kid.asString().isEmpty() || kid.asString().length() > MAX_KID_LENGTH)) {
      throw Refused.of(Reasons.TOKEN_MALFORMED, "the token's key id is malformed");
    }
    checkType(header.get("typ"));
  }

  private void checkType(JsonNode typ) {
    if (typ == null) {
      if (typeRequired) {
        throw Refused.of(Reasons.TOKEN_TYPE_INVALID, "the token has no type");
      }
      return;
    }
    if (!typ.isString()) {
      throw Refused.of(Reasons.TOKEN_MALFORMED, "the token type is malformed");
    }
    if (allowedTypes.isEmpty()) {
      return;
    }
    String value = typ.asString().toLowerCase(Locale.ROOT);
    // RFC 7515 §4.1.9: "application/" may be omitted from media types.
    String normalized = value.startsWith("application/") ? value.substring("application/".length()) : value;
    if (!allowedTypes.contains(normalized)) {
      throw Refused.of(Reasons.TOKEN_TYPE_INVALID, "the token type is not accepted");
    }
  }
}
