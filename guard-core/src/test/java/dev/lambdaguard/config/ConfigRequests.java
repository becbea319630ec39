package dev.lambdaguard.config;

import com.nimbusds.jose.jwk.RSAKey;
import dev.lambdaguard.Body;
import dev.lambdaguard.Denial;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.MultiValueMap;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.auth.TestKeys;
import dev.lambdaguard.auth.Tokens;

/** Tokens and requests shared by the configuration tests: an RS256 key generated at run time. */
final class ConfigRequests {

  static final String AUDIENCE = "orders-api";
  static final RSAKey KEY = TestKeys.rsa("cfg-1", 2048);
  static final String JWKS = TestKeys.publicJwks(KEY);

  private ConfigRequests() {}

  /** A token for {@code subject} from {@code issuer}, valid for ten minutes from now, with these scopes. */
  static String token(String issuer, String subject, String scopes) {
    long now = System.currentTimeMillis() / 1000;
    return Tokens.sign("RS256", KEY, "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"aud\":\"" + AUDIENCE
        + "\",\"scope\":\"" + scopes + "\",\"iat\":" + (now - 5) + ",\"exp\":" + (now + 600) + "}");
  }

  /** A token for {@code subject} from {@code issuer} in these roles (the {@code roles} claim), no scope. */
  static String tokenInRoles(String issuer, String subject, String... roles) {
    long now = System.currentTimeMillis() / 1000;
    return Tokens.sign("RS256", KEY, "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"aud\":\"" + AUDIENCE
        + "\",\"roles\":[\"" + String.join("\",\"", roles) + "\"],\"iat\":" + (now - 5) + ",\"exp\":" + (now + 600) + "}");
  }

  /** A request with a bearer token (none when null) and a JSON body (none when null). */
  static GuardRequest request(String method, String path, String routeKey, String token, String json) {
    MultiValueMap.Builder headers = MultiValueMap.headersBuilder();
    if (token != null) {
      headers.add("Authorization", "Bearer " + token);
    }
    GuardRequest.Builder request = GuardRequest.builder("apigw-http-v2").method(method).path(path).routeKey(routeKey)
        .sourceIp("198.51.100.7");
    if (json != null) {
      headers.add("Content-Type", "application/json");
      request.body(Body.fromEvent(json, false));
    }
    return request.headers(headers.build()).build();
  }

  /** What the guard decided: {@code allowed}, or the denial's status and reason ({@code 403 insufficient_scope}). */
  static String decide(Guard guard, GuardRequest request) {
    Outcome outcome = guard.handle(request, Invocation.NONE, context -> "ok");
    return outcome instanceof Denial denial ? denial.status() + " " + denial.reason().code() : "allowed";
  }
}
