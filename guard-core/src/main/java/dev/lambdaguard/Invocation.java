package dev.lambdaguard;

/**
 * The ids of one function invocation, as the runtime gave them to the adapter. Any may be null when
 * the runtime did not supply it (tests, local runs).
 *
 * @param requestId the Lambda request id
 * @param traceId the X-Ray trace id
 * @param tenantId the tenant id of a tenant-isolated function
 * @param functionArn the ARN the function was invoked with (it names the alias or version when the caller used
 *     one)
 */
public record Invocation(String requestId, String traceId, String tenantId, String functionArn) {

  /** An invocation with no ids, for local runs. */
  public static final Invocation NONE = new Invocation(null, null, null, null);

  /** An invocation whose function ARN is unknown. */
  public Invocation(String requestId, String traceId, String tenantId) {
    this(requestId, traceId, tenantId, null);
  }
}
