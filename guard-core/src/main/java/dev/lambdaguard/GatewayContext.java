package dev.lambdaguard;

import dev.lambdaguard.internal.Maps;
import java.util.List;
import java.util.Map;

/**
 * What the gateway in front of the function said about the request: where it came in, and what an
 * authorizer at the gateway already decided. Values are as the event carries them; any of them may be
 * null when the event type has no such field (an ALB event has none of them).
 *
 * <p>Warning: anyone allowed to invoke the function directly can forge all of this; trust it only
 * together with a check of {@link #apiId()}, {@link #stage()} and {@link #accountId()}.
 *
 * @param accountId the AWS account the gateway belongs to
 * @param apiId the API or Function URL id
 * @param stage the API stage
 * @param domainName the host name the request came in on
 * @param authorizerType {@code jwt}, {@code cognito}, {@code lambda}, {@code iam} or null when no authorizer ran
 * @param authorizerClaims the claims or context the authorizer passed on; immutable, empty when none
 * @param authorizerScopes the scopes a JWT authorizer passed on; immutable, empty when none
 * @param principalId the principal id a Lambda authorizer returned, or null
 * @param clientCertificatePem the client certificate of a mutual-TLS connection, PEM, or null
 */
public record GatewayContext(
    String accountId,
    String apiId,
    String stage,
    String domainName,
    String authorizerType,
    Map<String, Object> authorizerClaims,
    List<String> authorizerScopes,
    String principalId,
    String clientCertificatePem) {

  /** No gateway context at all. */
  public static final GatewayContext NONE =
      new GatewayContext(null, null, null, null, null, Map.of(), List.of(), null, null);

  /** A context without a client certificate. */
  public GatewayContext(String accountId, String apiId, String stage, String domainName, String authorizerType,
      Map<String, Object> authorizerClaims, List<String> authorizerScopes, String principalId) {
    this(accountId, apiId, stage, domainName, authorizerType, authorizerClaims, authorizerScopes, principalId, null);
  }

  /** A copy with the client certificate of a mutual-TLS connection. */
  public GatewayContext withClientCertificate(String pem) {
    return new GatewayContext(accountId, apiId, stage, domainName, authorizerType, authorizerClaims,
        authorizerScopes, principalId, pem);
  }

  public GatewayContext {
    authorizerClaims = authorizerClaims == null ? Map.of() : Maps.copyWithoutNulls(authorizerClaims);
    authorizerScopes = authorizerScopes == null ? List.of() : List.copyOf(authorizerScopes);
  }
}
