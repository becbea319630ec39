package dev.lambdaguard.auth.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Reasons;
import dev.lambdaguard.auth.DpopPolicy;
import dev.lambdaguard.auth.ReplayStore;
import dev.lambdaguard.internal.Sha256;
import dev.lambdaguard.json.StrictJsonParser;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The check of a DPoP proof (RFC 9449 §4.3) for one request and its access token. Every failure is
 * {@code dpop_proof_invalid}, except a reused proof id, which is {@code token_replayed}.
 */
public final class DpopCheck {

  static final Set<String> ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
      "ES256", "ES384", "ES512", "EdDSA");
  static final int MAX_PROOF_LENGTH = 4096;

  private final DpopPolicy policy;
  private final ReplayStore proofIds;
  private final StrictJsonParser json;
  private final HeaderCheck header;

  public DpopCheck(DpopPolicy policy, ReplayStore proofIds, StrictJsonParser json) {
    this.policy = policy;
    this.proofIds = proofIds;
    this.json = json;
    this.header = new HeaderCheck(ALGORITHMS, Set.of("dpop+jwt"), true);
  }

  /**
   * Checks the request's one DPoP proof against the access token it accompanies.
   *
   * @param boundThumbprint the token's {@code cnf.jkt}
   */
  public void check(GuardRequest request, String accessToken, String boundThumbprint, long nowSeconds) {
    List<String> proofs = request.headers().all("dpop");
    if (proofs.size() != 1) {
      throw invalid(proofs.isEmpty() ? "the DPoP proof is missing" : "more than one DPoP proof");
    }
    CompactJws proof;
    try {
      proof = CompactJws.parse(proofs.get(0), MAX_PROOF_LENGTH, json);
      header.check(proof.header());
    } catch (Refused refused) {
      throw invalid("the DPoP proof is malformed");
    }
    if (proof.unsigned() || !proof.header().path("jwk").isObject()) {
      throw invalid("the DPoP proof carries no key");
    }
    JWK key = verifiedKey(proof);
    JsonNode claims = proof.payload();
    if (!request.method().equals(string(claims, "htm"))) {
      throw invalid("the DPoP proof is for another method");
    }
    String expected = expectedUri(request);
    if (expected == null) {
      throw invalid("the public URI of this API is not known (set DpopPolicy.publicBaseUri)");
    }
    if (!sameUri(string(claims, "htu"), expected)) {
      throw invalid("the DPoP proof is for another URI");
    }
    JsonNode iat = claims.get("iat");
    long window = policy.proofWindow().toSeconds();
    if (iat == null || !iat.isIntegralNumber() || !iat.canConvertToLong()
        || iat.longValue() < nowSeconds - window || iat.longValue() > nowSeconds + window) {
      throw invalid("the DPoP proof is outside its time window");
    }
    if (!ath(accessToken).equals(string(claims, "ath"))) {
      throw invalid("the DPoP proof is for another access token");
    }
    String thumbprint;
    try {
      thumbprint = key.computeThumbprint().toString();
    } catch (JOSEException e) {
      throw invalid("the DPoP key has no thumbprint");
    }
    if (!thumbprint.equals(boundThumbprint)) {
      throw invalid("the DPoP key is not the one the token is bound to");
    }
    String jti = string(claims, "jti");
    if (jti == null || jti.isEmpty() || jti.length() > 256) {
      throw invalid("the DPoP proof has no id");
    }
    // Remembered through the last second in which the proof is still accepted.
    if (!ReplayStores.firstUse(proofIds, "dpop:" + jti, iat.longValue() + window)) {
      throw Refused.of(Reasons.TOKEN_REPLAYED, "the DPoP proof was already used");
    }
  }

  private static JWK verifiedKey(CompactJws proof) {
    try {
      JWSObject object = JWSObject.parse(proof.token());
      JWK key = object.getHeader().getJWK();
      if (key == null || key.isPrivate()) {
        throw invalid("the DPoP key must be a public key");
      }
      JWSVerifier verifier = SignatureCheck.verifierFor(object.getHeader().getAlgorithm(), key);
      if (verifier == null || !object.verify(verifier)) {
        throw invalid("the DPoP proof signature does not verify");
      }
      return key;
    } catch (ParseException | JOSEException | IllegalStateException e) {
      throw invalid("the DPoP proof is malformed");
    }
  }

  /** A claim that must be a JSON string, or null (a number is not coerced). */
  private static String string(JsonNode claims, String name) {
    JsonNode node = claims.get(name);
    return node != null && node.isString() ? node.asString() : null;
  }

  /**
   * The URI this request was made to, from configuration or from the gateway (the domain API Gateway or the
   * Function URL reports), never from a header the client sets; null when neither is known (ALB).
   */
  private String expectedUri(GuardRequest request) {
    String base;
    if (policy.publicBaseUri() != null) {
      base = policy.publicBaseUri().toString();
    } else if (request.gateway().domainName() != null) {
      base = "https://" + request.gateway().domainName();
    } else {
      return null;
    }
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + request.path();
  }

  /** RFC 9449 §4.3: compare without query and fragment, after syntax-based normalization (RFC 3986 §6.2.2). */
  static boolean sameUri(String htu, String expected) {
    if (htu == null) {
      return false;
    }
    String a = normalized(htu);
    return a != null && a.equals(normalized(expected));
  }

  private static String normalized(String uri) {
    try {
      URI u = new URI(uri);
      if (u.getScheme() == null || u.getHost() == null || u.getRawUserInfo() != null) {
        return null;
      }
      String scheme = u.getScheme().toLowerCase(Locale.ROOT);
      int port = u.getPort();
      boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
      String path = u.normalize().getRawPath();
      return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port)
          + (path == null || path.isEmpty() ? "/" : path);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** RFC 9449 §4.2: base64url of the SHA-256 of the token's ASCII bytes (a token is ASCII, so UTF-8 is the same). */
  static String ath(String accessToken) {
    return Sha256.base64Url(Sha256.of(accessToken));
  }

  private static Refused invalid(String detail) {
    return Refused.of(Reasons.DPOP_PROOF_INVALID, detail);
  }
}
