package dev.lambdaguard.events;

import java.util.Map;

/**
 * What the Lambda environment says about the function, read once at init.
 *
 * @param functionName {@code AWS_LAMBDA_FUNCTION_NAME}, or null outside Lambda
 * @param functionVersion {@code AWS_LAMBDA_FUNCTION_VERSION}, or null
 * @param initType {@code AWS_LAMBDA_INITIALIZATION_TYPE}: on-demand, provisioned-concurrency or snap-start; null outside Lambda
 * @param region {@code AWS_REGION}, or null
 * @param memorySize {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE} in MB, or null
 * @param service {@code POWERTOOLS_SERVICE_NAME}, the service name Powertools' logs and metrics carry, or null
 */
public record FunctionEnvironment(String functionName, String functionVersion, String initType, String region,
    String memorySize, String service) {

  /** An environment without memory size or service name. */
  public FunctionEnvironment(String functionName, String functionVersion, String initType, String region) {
    this(functionName, functionVersion, initType, region, null, null);
  }

  /** Reads the variables from a map such as {@link System#getenv()}. */
  public static FunctionEnvironment from(Map<String, String> env) {
    return new FunctionEnvironment(
        env.get("AWS_LAMBDA_FUNCTION_NAME"),
        env.get("AWS_LAMBDA_FUNCTION_VERSION"),
        env.get("AWS_LAMBDA_INITIALIZATION_TYPE"),
        env.get("AWS_REGION"),
        env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"),
        env.get("POWERTOOLS_SERVICE_NAME"));
  }
}
