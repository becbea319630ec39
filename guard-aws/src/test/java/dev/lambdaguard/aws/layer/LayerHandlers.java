package dev.lambdaguard.aws.layer;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdaguard.Guard;
import java.util.Map;
import java.util.function.BiFunction;

/** Test access to the layer's handler with a guard of the test's making (an event sink it reads). */
public final class LayerHandlers {

  private LayerHandlers() {}

  public static RequestStreamHandler create(Map<String, String> environment, ClassLoader loader,
      BiFunction<Class<?>, String, Guard> guards) {
    return new LambdaGuardHandler(environment, loader, (type, method, instance) -> guards.apply(type, method));
  }
}
