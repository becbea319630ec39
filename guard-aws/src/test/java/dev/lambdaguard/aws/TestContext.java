package dev.lambdaguard.aws;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** A Lambda context with a request id and trace id. */
public record TestContext(String awsRequestId, String xrayTraceId) implements Context {

  public TestContext(String awsRequestId) {
    this(awsRequestId, "Root=1-5e9f0c65-1de4d666d4dd26aced652b6c");
  }

  @Override public String getAwsRequestId() { return awsRequestId; }
  @Override public String getXrayTraceId() { return xrayTraceId; }
  @Override public String getLogGroupName() { return "/aws/lambda/test"; }
  @Override public String getLogStreamName() { return "test"; }
  @Override public String getFunctionName() { return "test"; }
  @Override public String getFunctionVersion() { return "$LATEST"; }
  @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:test"; }
  @Override public CognitoIdentity getIdentity() { return null; }
  @Override public ClientContext getClientContext() { return null; }
  @Override public int getRemainingTimeInMillis() { return 10_000; }
  @Override public int getMemoryLimitInMB() { return 512; }
  @Override public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override public void log(String message) {}
      @Override public void log(byte[] message) {}
    };
  }
}
