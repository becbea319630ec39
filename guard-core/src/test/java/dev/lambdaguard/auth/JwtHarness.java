package dev.lambdaguard.auth;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import dev.lambdaguard.Denial;
import dev.lambdaguard.FakeClock;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.MultiValueMap;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.Principal;
import dev.lambdaguard.Reason;
import dev.lambdaguard.RecordingSink;
import dev.lambdaguard.SecurityContext;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Shared keys, clock and a guard around an authenticator, for the JWT tests. */
final class JwtHarness {

  static final String ISSUER = "https://issuer.example.com";
  static final String AUDIENCE = "orders-api";
  static final long NOW = 1_800_000_000L;

  static final RSAKey RSA = TestKeys.rsa("rsa-1", 2048);
  static final RSAKey OTHER_RSA = TestKeys.rsa("rsa-1", 2048); // same kid, different key: a forgery
  static final RSAKey WEAK_RSA = TestKeys.rsa("rsa-weak", 1024);
  static final ECKey EC256 = TestKeys.ec("ec-256", Curve.P_256);
  static final ECKey EC384 = TestKeys.ec("ec-384", Curve.P_384);
  static final OctetKeyPair ED = TestKeys.ed25519("ed-1");
  static final String JWKS = TestKeys.publicJwks(RSA, WEAK_RSA, EC256, EC384, ED);

  final FakeClock clock = new FakeClock(NOW * 1000);
  final RecordingSink sink = new RecordingSink();
  final AtomicInteger handlerCalls = new AtomicInteger();
  final AtomicReference<Principal> principal = new AtomicReference<>();
  final Guard guard;

  JwtHarness(JwtAuthenticatorBuilder builder) {
    this.guard = Guard.builder().clock(clock).eventSink(sink).environment(Map.of())
        .jwt(builder.clock(clock).build()).build();
  }

  /** The default policy: static keys, the issuer, the audience. */
  static JwtAuthenticatorBuilder defaults() {
    return JwtAuthenticator.builder().issuer(ISSUER).audiences(AUDIENCE).keys(KeySource.staticJwks(JWKS));
  }

  /** Claims valid at NOW, with extra members appended verbatim. */
  static String claims(String extra) {
    return "{\"iss\":\"" + ISSUER + "\",\"sub\":\"alice\",\"aud\":\"" + AUDIENCE + "\",\"iat\":" + (NOW - 60)
        + ",\"exp\":" + (NOW + 600) + (extra.isEmpty() ? "" : "," + extra) + "}";
  }

  static String claims() {
    return claims("");
  }

  Outcome send(String authorization) {
    return send(authorization, "GET", "/orders/1", "GET /orders/{id}");
  }

  Outcome send(String authorization, String method, String path, String routeKey) {
    MultiValueMap.Builder headers = MultiValueMap.headersBuilder();
    if (authorization != null) {
      headers.add("Authorization", authorization);
    }
    return send(GuardRequest.builder("apigw-http-v2").method(method).path(path).routeKey(routeKey)
        .headers(headers.build()).build());
  }

  Outcome send(GuardRequest request) {
    return guard.handle(request, Invocation.NONE, context -> {
      handlerCalls.incrementAndGet();
      principal.set(SecurityContext.current().flatMap(SecurityContext::principal).orElse(null));
      return "ok";
    });
  }

  Outcome bearer(String token) {
    return send("Bearer " + token);
  }

  /** The reason of the denial, failing when the request was allowed. */
  static String reasonOf(Outcome outcome) {
    if (outcome instanceof Denial denial) {
      return denial.reason().code();
    }
    return "allowed";
  }

  static Reason reason(Outcome outcome) {
    return ((Denial) outcome).reason();
  }
}
