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
public record TokenExtractor(List<TokenLocation> locations, String queryParameter, boolean dpopScheme) {

  /** A token and the scheme it came with: {@code Bearer}, or {@code DPoP} (RFC 9449) in the Authorization header. */
  public record Credential(String token, boolean dpop) {
    /** Never the token: a record's default toString would put it in any log line that prints this. */
    @Override
    public String toString() {
      return "Credential[" + (dpop ? "DPoP" : "Bearer") + "]";
    }
  }

  /** The query parameter name RFC 6750 §2.3 defines. */
  public static final String ACCESS_TOKEN_PARAMETER = "access_token";

  public TokenExtractor {
    locations = List.copyOf(locations);
  }

  /** The credential, or null when the request carries none; throws {@link Refused} when ambiguous or malformed. */
  public Credential extract(GuardRequest request) {
    String found = null;
    boolean dpop = false;
    int count = 0;
    for (TokenLocation location : locations) {
      if (location instanceof TokenLocation.AuthorizationHeader) {
        for (String value : request.headers().all("authorization")) {
          String token = credentials(value, "Bearer");
          boolean isDpop = false;
          if (token == null && dpopScheme) {
            token = credentials(value, "DPoP");
            isDpop = token != null;
          }
          if (token != null) {
            found = token;
            dpop = isDpop;
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
    if (count == 0) {
      return null;
    }
    if (found.isEmpty()) {
      throw Refused.of(Reasons.TOKEN_MALFORMED, "the bearer token is malformed");
    }
    // The character set is checked on first sight only (isToken68), not on every cache hit: a token in the
    // verified-token cache passed it already.
    return new Credential(found, dpop);
  }

  /** The credentials of an Authorization value of {@code scheme} (case-insensitive), or null for another scheme. */
  private static String credentials(String value, String scheme) {
    String trimmed = value.trim();
    int n = scheme.length();
    if (trimmed.length() < n || !trimmed.regionMatches(true, 0, scheme, 0, n)) {
      return null;
    }
    if (trimmed.length() == n) {
      return "";
    }
    if (trimmed.charAt(n) != ' ') {
      return null;
    }
    return trimmed.substring(n + 1).trim();
  }

  /** RFC 6750 §2.1 b64token: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
  public static boolean isToken68(String s) {
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
