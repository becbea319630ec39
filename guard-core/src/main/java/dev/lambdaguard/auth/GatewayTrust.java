package dev.lambdaguard.auth;

import dev.lambdaguard.GatewayContext;
import java.util.Objects;

/**
 * The API Gateway whose JWT (or Cognito) authorizer is trusted in gateway-validated mode.
 *
 * <p>Trade-off: the function skips signature verification and trusts the claims the gateway passed in
 * the event, saving the key fetch and the signature check. But anyone allowed {@code lambda:InvokeFunction}
 * can invoke the function directly with an event carrying any claims. So the event must name this
 * account, API and stage, and an event that does not is refused as {@code gateway_bypass}; keep the
 * invoke permission to the gateway alone (a resource policy with {@code SourceArn}).
 *
 * @param accountId the gateway's AWS account id
 * @param apiId the API id
 * @param stage the stage, e.g. {@code prod} or {@code $default}
 */
public record GatewayTrust(String accountId, String apiId, String stage) {

  public GatewayTrust {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(apiId, "apiId");
    Objects.requireNonNull(stage, "stage");
    if (!accountId.matches("\\d{12}")) {
      throw new IllegalArgumentException("gateway accountId must be 12 digits: " + accountId);
    }
  }

  /** Whether the event names this gateway and carries an authorizer result from a JWT or Cognito authorizer. */
  public boolean vouchesFor(GatewayContext gateway) {
    return accountId.equals(gateway.accountId()) && apiId.equals(gateway.apiId()) && stage.equals(gateway.stage())
        && ("jwt".equals(gateway.authorizerType()) || "cognito".equals(gateway.authorizerType()))
        && !gateway.authorizerClaims().isEmpty();
  }
}
