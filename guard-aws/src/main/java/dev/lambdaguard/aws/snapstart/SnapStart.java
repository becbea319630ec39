package dev.lambdaguard.aws.snapstart;

import dev.lambdaguard.SnapshotAware;
import java.util.Map;

/**
 * Lambda SnapStart support: what the guard (and any secret cache) does before the snapshot is taken and after
 * each restore. See {@link SnapshotAware} for what that is.
 *
 * <p>The guarded handlers register their guard by themselves when the function runs with SnapStart
 * ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}); register a {@code SecretCache} of your own, or any
 * other part, with {@link #register}. Without SnapStart nothing is loaded: the CRaC classes stay untouched
 * and cost no cold start.
 *
 * <pre>{@code
 * static final SecretCache SECRETS = SnapStart.register(SecretCache.builder(provider).build());
 * }</pre>
 */
public final class SnapStart {

  /** The value of {@code AWS_LAMBDA_INITIALIZATION_TYPE} during a SnapStart init. */
  public static final String INIT_TYPE = "snap-start";

  private SnapStart() {}

  /** Adds {@code part} to the checkpoint and restore hooks (once, however often it is registered). */
  public static <T extends SnapshotAware> T register(T part) {
    SnapStartHooks.instance().add(part);
    return part;
  }

  /** Registers {@code part} when {@code environment} says the function is initialised for SnapStart. */
  public static <T extends SnapshotAware> T registerIfSnapStart(T part, Map<String, String> environment) {
    if (isSnapStart(environment)) {
      register(part);
    }
    return part;
  }

  /** Whether the function is initialised for SnapStart, by the variable Lambda sets during init. */
  public static boolean isSnapStart(Map<String, String> environment) {
    return INIT_TYPE.equals(environment.get("AWS_LAMBDA_INITIALIZATION_TYPE"));
  }
}
