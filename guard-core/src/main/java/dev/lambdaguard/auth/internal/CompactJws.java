package dev.lambdaguard.auth.internal;

import dev.lambdaguard.Reasons;
import dev.lambdaguard.json.JsonParseResult;
import dev.lambdaguard.json.StrictJsonParser;
import tools.jackson.databind.JsonNode;

/**
 * The structural check of a compact JWS before any cryptography: three canonical base64url segments and
 * a header and payload that are strict JSON objects (a duplicate member is refused, because JOSE
 * libraries disagree on which one wins). An empty signature passes here so that the header check can name
 * {@code alg: none} for what it is; the signature check refuses it.
 *
 * @param token the token as received
 * @param header the protected header
 * @param payload the claims
 */
public record CompactJws(String token, JsonNode header, JsonNode payload) {

  /** Whether the signature segment is empty (an unsecured or stripped token). */
  public boolean unsigned() {
    return token.endsWith(".");
  }

  /**
   * Parses a token.
   *
   * @return the token
   * @throws Refused when the token is not a well-formed compact JWS
   */
  public static CompactJws parse(String token, int maxLength, StrictJsonParser json) {
    if (token.length() > maxLength) {
      throw Refused.of(Reasons.TOKEN_MALFORMED, "the token is too long");
    }
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (first < 0 || second < 0) {
      throw Refused.of(Reasons.TOKEN_MALFORMED, "the token is not a JWS");
    }
    if (token.indexOf('.', second + 1) >= 0) {
      throw Refused.of(Reasons.TOKEN_MALFORMED, "encrypted or malformed tokens are not accepted");
    }
    if (first == 0 || second == first + 1) {
      throw Refused.of(Reasons.TOKEN_MALFORMED, "the token has an empty segment");
    }
    if (!Base64Url.isCanonical(token, 0, first)
        || !Base64Url.isCanonical(token, first + 1, second)
        || !Base64Url.isCanonical(token, second + 1, token.length())) {
      throw Refused.of(Reasons.TOKEN_MALFORMED, "the token is not canonical base64url");
    }
    JsonNode header = object(json, Base64Url.decode(token, 0, first));
    if (header == null) {
      throw Refused.of(Reasons.TOKEN_MALFORMED, "the token header is not a strict JSON object");
    }
    JsonNode payload = object(json, Base64Url.decode(token, first + 1, second));
    if (payload == null) {
      throw Refused.of(Reasons.TOKEN_MALFORMED, "the token claims are not a strict JSON object");
    }
    return new CompactJws(token, header, payload);
  }

  private static JsonNode object(StrictJsonParser json, byte[] bytes) {
    JsonParseResult result = json.parse(bytes);
    if (result instanceof JsonParseResult.Parsed parsed && parsed.value().isObject()) {
      return parsed.value();
    }
    return null;
  }
}
