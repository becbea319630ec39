package dev.lambdaguard.aws.layer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdaguard.internal.Sneaky;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * A handler method ({@code Class::method}) called as the runtime calls it, in its stream or typed form. Classes
 * rather than lambdas: they are on the cold-start path, where a lambda's bootstrap costs classes.
 */
final class MethodHandlers {

  private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.US_ASCII);

  private MethodHandlers() {}

  /** Calls the method; what it throws leaves as it is, checked or not, as from the runtime. */
  static Object invoke(Method method, Object instance, Object[] args) {
    try {
      return method.invoke(instance, args);
    } catch (InvocationTargetException e) {
      throw Sneaky.rethrow(e.getCause() != null ? e.getCause() : e);
    } catch (IllegalAccessException e) {
      throw Sneaky.rethrow(e);
    }
  }

  /** A method taking some of (InputStream, OutputStream, Context), in that order; its result is ignored. */
  static final class Stream implements RequestStreamHandler {
    private final Method method;
    private final Object instance;
    private final boolean input;
    private final boolean output;
    private final boolean context;

    Stream(Method method, Object instance, boolean input, boolean output, boolean context) {
      this.method = method;
      this.instance = instance;
      this.input = input;
      this.output = output;
      this.context = context;
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context ctx) throws IOException {
      Object[] args = new Object[(input ? 1 : 0) + (output ? 1 : 0) + (context ? 1 : 0)];
      int i = 0;
      if (input) {
        args[i++] = in;
      } else {
        in.close();
      }
      if (output) {
        args[i++] = out;
      }
      if (context) {
        args[i] = ctx;
      }
      invoke(method, instance, args);
      if (!output) {
        out.write(JSON_NULL);
      }
    }
  }

  /** A method taking an optional input value and an optional Context, in that order. */
  static final class Typed implements RequestHandler<Object, Object> {
    private final Method method;
    private final Object instance;
    private final boolean input;
    private final boolean context;

    Typed(Method method, Object instance, boolean input, boolean context) {
      this.method = method;
      this.instance = instance;
      this.input = input;
      this.context = context;
    }

    @Override
    public Object handleRequest(Object value, Context ctx) {
      Object[] args = new Object[(input ? 1 : 0) + (context ? 1 : 0)];
      int i = 0;
      if (input) {
        args[i++] = value;
      }
      if (context) {
        args[i] = ctx;
      }
      return invoke(method, instance, args);
    }
  }
}
