package dev.lambdaguard.aws;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdaguard.Invocation;

/** The invocation's ids from the Lambda context. */
final class Invocations {

  private Invocations() {}

  static Invocation from(Context context) {
    if (context == null) {
      return new Invocation(null, traceIdFromRuntime(), null);
    }
    String traceId = context.getXrayTraceId();
    return new Invocation(context.getAwsRequestId(), traceId != null ? traceId : traceIdFromRuntime(),
        context.getTenantId(), context.getInvokedFunctionArn());
  }

  /**
   * The trace id as older runtimes publish it. Never taken from the request's X-Amzn-Trace-Id header,
   * which the caller controls.
   */
  private static String traceIdFromRuntime() {
    String property = System.getProperty("com.amazonaws.xray.traceHeader");
    return property != null ? property : System.getenv("_X_AMZN_TRACE_ID");
  }
}
