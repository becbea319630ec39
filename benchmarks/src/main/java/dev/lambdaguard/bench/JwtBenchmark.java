package dev.lambdaguard.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.MultiValueMap;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.auth.JwtAuthenticator;
import dev.lambdaguard.auth.KeySource;
import dev.lambdaguard.events.EventSink;
import dev.lambdaguard.examples.orders.OrdersSecurity;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What JWT authentication costs, in one run, against raw nimbus on the same RS256 token.
 *
 * <ul>
 *   <li>{@code nimbusProcessor}: nimbus's {@link DefaultJWTProcessor} with an RS256 key selector over the same
 *       key set and an exact issuer/audience/expiry claims verifier: what a hand-written resource server does
 *       for every request;
 *   <li>{@code guardFirstSeen}: a guard with only the {@code jwt} interceptor (the orders API's route policy,
 *       cache off, so every call is a first sight: strict parse, header and claim checks, signature, route),
 *       then an empty handler;
 *   <li>{@code guardCacheHit}: the same with the verified-token cache on: the token was seen before;
 *   <li>{@code guardNoAuth}: the same guard without the interceptor: the baseline the two above add to.
 * </ul>
 * Target (issue #3): first sight at most 1.10 x nimbus; a cache hit adds under 1 us.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class JwtBenchmark {

  String token;
  GuardRequest request;
  DefaultJWTProcessor<SecurityContext> nimbus;
  Guard firstSeen;
  Guard cached;
  Guard noAuth;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    BenchIssuer issuer = new BenchIssuer();
    token = issuer.token();
    request = GuardRequest.builder("apigw-http-v2").method("GET").path("/orders/42").routeKey("GET /orders/{id}")
        .headers(MultiValueMap.headersBuilder().add("authorization", "Bearer " + token)
            .add("user-agent", "curl/8.5.0").build())
        .sourceIp("203.0.113.10").build();

    nimbus = new DefaultJWTProcessor<>();
    nimbus.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
        new ImmutableJWKSet<>(JWKSet.parse(issuer.jwks()))));
    nimbus.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(BenchIssuer.AUDIENCE,
        new JWTClaimsSet.Builder().issuer(BenchIssuer.ISSUER).build(), Set.of("exp")));

    firstSeen = guard(authenticator(issuer, 0));
    cached = guard(authenticator(issuer, 1000));
    noAuth = Guard.builder().environment(GuardOverheadBenchmark.lambdaEnvironment()).eventSink(EventSink.noop()).build();
    expectAllowed("guardFirstSeen", firstSeen.handle(request, Invocation.NONE, context -> "ok"));
    expectAllowed("guardCacheHit", cached.handle(request, Invocation.NONE, context -> "ok"));
    nimbus.process(token, null);
  }

  private static JwtAuthenticator authenticator(BenchIssuer issuer, int cacheSize) {
    return JwtAuthenticator.builder().issuer(BenchIssuer.ISSUER).audiences(BenchIssuer.AUDIENCE)
        .keys(KeySource.staticJwks(issuer.jwks())).algorithms("RS256").routes(OrdersSecurity.ROUTES)
        .verifiedTokenCacheSize(cacheSize).build();
  }

  private static Guard guard(JwtAuthenticator authenticator) {
    return Guard.builder().environment(GuardOverheadBenchmark.lambdaEnvironment()).eventSink(EventSink.noop())
        .jwt(authenticator).build();
  }

  @Benchmark
  public JWTClaimsSet nimbusProcessor(QuietMachine quiet) throws Exception {
    return nimbus.process(token, null);
  }

  @Benchmark
  public Outcome guardFirstSeen(QuietMachine quiet) {
    return firstSeen.handle(request, Invocation.NONE, context -> "ok");
  }

  @Benchmark
  public Outcome guardCacheHit(QuietMachine quiet) {
    return cached.handle(request, Invocation.NONE, context -> "ok");
  }

  @Benchmark
  public Outcome guardNoAuth(QuietMachine quiet) {
    return noAuth.handle(request, Invocation.NONE, context -> "ok");
  }

  private static void expectAllowed(String variant, Outcome outcome) {
    if (!(outcome instanceof Outcome.Handled)) {
      throw new IllegalStateException(variant + " denied the benchmark token: " + outcome);
    }
  }
}
