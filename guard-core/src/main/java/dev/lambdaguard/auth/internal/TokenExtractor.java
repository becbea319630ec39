package dev.lambdaguard.auth.internal;

import dev.lambdaguard.Cookie;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Reasons;
import dev.lambdaguard.auth.TokenLocation;
import java.util.List;

/**
 * Finds the one bearer token of a request. RFC 6750 §2: a client uses exactly one method, so tokens in
 * several places (or several Authorization headers) are refused as ambiguous rather than guessed between;
 * a token in the query string is refused unless explicitly allowed.
 *
 * @param locations where tokens are accepted
 * @param queryParameter the query parameter accepted as a token, or null to refuse tokens in the query
 */
public record TokenExtractor(List<TokenLocation> locations, String queryParameter) {

  /** The query parameter name RFC 6750 §2.3 defines. */
  public static final String ACCESS_TOKEN_PARAMETER = "access_token";

  public TokenExtractor {
    locations = List.copyOf(locations);
  }

  /** The token, or null when the request carries none; throws {@link Refused} when ambiguous or malformed. */
  public String extract(GuardRequest request) {
    String found = null;
    int count = 0;
    for (TokenLocation location : locations) {
      if (location instanceof TokenLocation.AuthorizationHeader) {
        for (String value : request.headers().all("authorization")) {
          String token = bearer(value);
          if (token != null) {
            found = token;
            count++;
          }
        }
      } else if (location instanceof TokenLocation.Header header) {
        for (String value : request.headers().all(header.name())) {
          found = value.trim();
          count++;
        }
      } else if (location instanceof TokenLocation.Cookie cookie) {
        for (Cookie c : request.cookies()) {
          if (c.name().equals(cookie.name())) {
            found = c.value();
            count++;
          }
        }
      }
    }
    List<String> inQuery = request.query().all(ACCESS_TOKEN_PARAMETER);
    if (!inQuery.isEmpty() && queryParameter == null) {
      throw Refused.of(Reasons.TOKEN_AMBIGUOUS, "tokens are not accepted in the query string");
    }
    if (queryParameter != null) {
      for (String value : request.query().all(queryParameter)) {
        found = value;
        count++;
      }
    }
    if (count > 1) {
      throw Refused.of(Reasons.TOKEN_AMBIGUOUS, "the request carries more than one token");
    }
    if (count == 1 && (found.isEmpty() || !isToken68(found))) {
      throw Refused.of(Reasons.TOKEN_MALFORMED, "the bearer token is malformed");
    }
    return found;
  }

  /** The credentials of a {@code Bearer} Authorization value (scheme case-insensitive), or null for another scheme. */
  private static String bearer(String value) {
    String trimmed = value.trim();
    if (trimmed.length() < 6 || !trimmed.regionMatches(true, 0, "Bearer", 0, 6)) {
      return null;
    }
    if (trimmed.length() == 6) {
      return "";
    }
    if (trimmed.charAt(6) != ' ') {
      return null;
    }
    return trimmed.substring(7).trim();
  }

  /** RFC 6750 §2.1 b64token: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
  private static boolean isToken68(String s) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/') {
        i++;
      } else {
        break;
      }
    }
    if (i == 0) {
      return false;
    }
    while (i < n && s.charAt(i) == '=') {
      i++;
    }
    return i == n;
  }
}
