package dev.lambdaguard;

/**
 * The ids of one function invocation, as the runtime gave them to the adapter. Any may be null when
 * the runtime did not supply it (tests, local runs).
 *
 * @param requestId the Lambda request id
 * @param traceId the X-Ray trace id
 * @param tenantId the tenant id of a tenant-isolated function
 */
public record Invocation(String requestId, String traceId, String tenantId) {

  /** An invocation with no ids, for local runs. */
  public static final Invocation NONE = new Invocation(null, null, null);
}
