package dev.lambdaguard.aws.layer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdaguard.Guard;
import dev.lambdaguard.config.GuardConfig;
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

  /** Builds the guard for the original handler (whose annotations it may read). */
  interface GuardFactory {
    /**
     * @param handlerClass the handler's class
     * @param methodName its handler method for a {@code Class::method} handler, else null
     * @param instance the instance the runtime created, or null for a static handler method: its {@code @Secret}
     *     fields are filled here, as the handler's own code would have to in code mode
     */
    Guard forHandler(Class<?> handlerClass, String methodName, Object instance);
  }

  private final RequestStreamHandler guarded;

  /**
   * The layer's entry point, created by the Lambda runtime during the init phase: the function's handler from
   * {@value #HANDLER}, the guard from the configuration model ({@link GuardConfig}: annotations on the handler,
   * {@code GUARD_*} variables, a {@code guard.json} in the function's package).
   */
  public LambdaGuardHandler() {
    this(System.getenv(), functionClassLoader(), new Configured(System.getenv(), functionClassLoader()));
  }

  LambdaGuardHandler(Map<String, String> environment, ClassLoader loader, GuardFactory guards) {
    String handler = environment.get(HANDLER);
    if (handler == null || handler.isBlank()) {
      throw new IllegalStateException("Lambda Guard: " + HANDLER + " is not set. It names the function's own handler;"
          + " the layer's exec wrapper (AWS_LAMBDA_EXEC_WRAPPER=/opt/lambda-guard) sets it from the handler setting.");
    }
    if (handler.strip().startsWith(LambdaGuardHandler.class.getName())) {
      throw new IllegalStateException("Lambda Guard: " + HANDLER + " names the layer's own handler; it must name the"
          + " function's (the handler setting before the exec wrapper replaced it).");
    }
    OriginalHandler original;
    try {
      original = OriginalHandler.load(handler, loader);
    } catch (IllegalArgumentException unusable) {
      throw new IllegalStateException("Lambda Guard: the handler " + handler.strip() + " (" + HANDLER
          + ") cannot be used: " + unusable.getMessage(), unusable);
    }
    Guard guard = Objects.requireNonNull(
        guards.forHandler(original.handlerClass(), original.methodName(), original.instance()), "guard");
    this.guarded = original.guardedBy(guard);
  }

  /** The loader of the function's classes: the runtime makes it the context class loader before loading handlers. */
  private static ClassLoader functionClassLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : LambdaGuardHandler.class.getClassLoader();
  }

  /** The guard from the configuration model, with the function's resources (guard.json, schemas, JWK sets). */
  static final class Configured implements GuardFactory {
    private final Map<String, String> environment;
    private final ClassLoader resources;

    Configured(Map<String, String> environment, ClassLoader resources) {
      this.environment = environment;
      this.resources = resources;
    }

    @Override
    public Guard forHandler(Class<?> handlerClass, String methodName, Object instance) {
      GuardConfig config = GuardConfig.load(handlerClass, methodName, environment, resources);
      config.injectSecrets(instance); // static @Secret fields too; a secret that cannot be read fails the init
      return config.newGuard();
    }
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    guarded.handleRequest(input, output, context);
  }
}
