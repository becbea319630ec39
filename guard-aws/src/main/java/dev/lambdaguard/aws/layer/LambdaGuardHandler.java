package dev.lambdaguard.aws.layer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdaguard.Guard;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;

/**
 * The Lambda Guard layer's handler: it stands in for the function's own handler, named by {@value #HANDLER}, and
 * runs every invocation through a guard before it. The layer's {@code /opt/lambda-guard} exec wrapper sets this
 * class as the handler and moves the function's own setting to {@value #HANDLER}; the function's code is not
 * changed.
 *
 * <p>Every handler form the Lambda Java runtime accepts works (see {@link OriginalHandler}), and its input is read
 * with the runtime's own serializers, so an allowed request reaches the handler exactly as it would without the
 * guard. The original handler is loaded and the guard built once, at init; a handler that cannot be loaded or a
 * guard that cannot be built fails the init phase with a message that says why.
 */
public final class LambdaGuardHandler implements RequestStreamHandler {

  /** The environment variable that names the function's own handler ({@code Class} or {@code Class::method}). */
  public static final String HANDLER = "GUARD_HANDLER";

  /** Builds the guard for the original handler's class (whose annotations it may read). */
  interface GuardFactory {
    Guard forHandler(Class<?> handlerClass);
  }

  private final RequestStreamHandler guarded;

  LambdaGuardHandler(Map<String, String> environment, ClassLoader loader, GuardFactory guards) {
    String handler = environment.get(HANDLER);
    if (handler == null || handler.isBlank()) {
      throw new IllegalStateException("Lambda Guard: " + HANDLER + " is not set. It names the function's own handler;"
          + " the layer's exec wrapper (AWS_LAMBDA_EXEC_WRAPPER=/opt/lambda-guard) sets it from the handler setting.");
    }
    OriginalHandler original;
    try {
      original = OriginalHandler.load(handler, loader);
    } catch (IllegalArgumentException unusable) {
      throw new IllegalStateException("Lambda Guard: the handler " + handler.strip() + " (" + HANDLER
          + ") cannot be used: " + unusable.getMessage(), unusable);
    }
    Guard guard = Objects.requireNonNull(guards.forHandler(original.handlerClass()), "guard");
    this.guarded = original.guardedBy(guard);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    guarded.handleRequest(input, output, context);
  }
}
