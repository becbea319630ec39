package dev.lambdaguard.aws.permissions;

import dev.lambdaguard.aws.permissions.CallResources.Resource;
import dev.lambdaguard.internal.Diagnostics;
import dev.lambdaguard.permissions.ObservedPermissions;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.signer.AwsSignerExecutionAttribute;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

/**
 * Records every AWS SDK v2 call of the function as the IAM action it needs and the resource it names, into the
 * execution environment's {@link ObservedPermissions}, which the guard writes as a {@code permissions_observed}
 * event. Registered for every SDK client of the process through the SDK's global interceptor file
 * ({@code software/amazon/awssdk/global/handlers/execution.interceptors} in this jar), so the function changes no
 * code; clients a library builds (AWS's Secrets Manager caching client) are seen too.
 *
 * <p>A call is recorded once per execution, that is once per page of a paginated call, whatever its outcome: the
 * code needs the permission to make it. A call the service refused for lack of permission ({@code AccessDenied},
 * {@code AccessDeniedException}, {@code UnauthorizedOperation}, or a 403 without an error code) is recorded as
 * denied: the permission is needed and missing. Other failures (not found, throttling, 5xx, a network error) count
 * as ordinary calls. The action comes from the SigV4 signing name and the operation name the SDK sets on every
 * call; resources from the request's modelled fields (see {@link CallResources}).
 *
 * <p>Never throws into a call: a failure to record is a diagnostic, nothing more. Set
 * {@code LAMBDAGUARD_OBSERVE_PERMISSIONS=false} to turn it off.
 */
public final class ObservedPermissionsInterceptor implements ExecutionInterceptor {

  private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AccessDeniedException",
      "UnauthorizedOperation", "UnauthorizedAccess", "AuthorizationError", "AuthorizationErrorException",
      "NotAuthorized");

  private final ObservedPermissions recorder;
  private final boolean enabled;
  private final String account;

  /** The instance the SDK creates for each client, recording into the environment's {@link ObservedPermissions}. */
  public ObservedPermissionsInterceptor() {
    this(ObservedPermissions.environment(), !"false".equalsIgnoreCase(System.getenv("LAMBDAGUARD_OBSERVE_PERMISSIONS")),
        System.getenv("AWS_ACCOUNT_ID"));
  }

  /**
   * @param recorder where calls go
   * @param enabled whether anything is recorded
   * @param account the account id for ARNs the call does not name one in (the SDK's {@code AWS_ACCOUNT_ID}), or null
   */
  public ObservedPermissionsInterceptor(ObservedPermissions recorder, boolean enabled, String account) {
    this.recorder = recorder;
    this.enabled = enabled;
    this.account = account == null || account.isBlank() ? null : account;
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    record(context.request(), context.response(), attributes, false);
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    record(context.request(), context.response().orElse(null), attributes, accessDenied(context.exception()));
  }

  private void record(SdkRequest request, SdkResponse response, ExecutionAttributes attributes, boolean denied) {
    if (!enabled) {
      return;
    }
    try {
      String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      String service = signingName(attributes);
      if (operation == null || service == null) {
        return;
      }
      String prefix = IamActions.prefix(service);
      List<String> actions = IamActions.of(prefix, operation);
      if (actions.isEmpty()) {
        return;
      }
      Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
      List<Resource> resources = CallResources.of(prefix, operation, request, response,
          region == null ? null : region.id(), account(attributes));
      long now = System.currentTimeMillis();
      for (String action : actions) {
        if (resources.isEmpty()) {
          recorder.record(action, null, null, denied, now);
        }
        for (Resource resource : resources) {
          recorder.record(action, resource.arn(), resource.broader(), denied, now);
        }
      }
    } catch (RuntimeException e) {
      Diagnostics.warn("an AWS call could not be recorded as a permission: " + e.getClass().getName());
    }
  }

  /**
   * The SigV4 signing name ({@code secretsmanager}, {@code s3}, {@code dynamodb}), which is the IAM prefix for
   * nearly every service; else the client's service name, lower-cased without spaces.
   */
  @SuppressWarnings("deprecation") // the attribute is still set for every SigV4 call, and is the signing name itself
  private static String signingName(ExecutionAttributes attributes) {
    String name = attributes.getAttribute(AwsSignerExecutionAttribute.SERVICE_SIGNING_NAME);
    if (name != null) {
      return name;
    }
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    return service == null ? null : service.replace(" ", "").toLowerCase(Locale.ROOT);
  }

  /**
   * The caller's account: as the credentials carry it, else the configured one ({@code AWS_ACCOUNT_ID}), else the
   * one the guard learnt from the function's ARN, else unknown (null: calls made before the first invocation).
   */
  @SuppressWarnings("deprecation") // the signing credentials, still set for every SigV4 call
  private String account(ExecutionAttributes attributes) {
    String id = attributes.getAttribute(AwsExecutionAttribute.AWS_AUTH_ACCOUNT_ID);
    if (id == null) {
      AwsCredentials credentials = attributes.getAttribute(AwsSignerExecutionAttribute.AWS_CREDENTIALS);
      id = credentials == null ? null : credentials.accountId().orElse(null);
    }
    return id != null ? id : account != null ? account : recorder.account();
  }

  static boolean accessDenied(Throwable failure) {
    if (failure instanceof AwsServiceException e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      return code != null ? ACCESS_DENIED.contains(code) : e.statusCode() == 403;
    }
    return false;
  }
}
