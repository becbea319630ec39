package dev.lambdaguard.aws.layer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import dev.lambdaguard.Guard;
import dev.lambdaguard.aws.GuardedRequestHandler;
import dev.lambdaguard.aws.GuardedStreamHandler;
import dev.lambdaguard.aws.events.RuntimeSerialization;
import dev.lambdaguard.internal.Sneaky;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The function's own handler, loaded from its handler setting exactly as the Lambda Java runtime (the runtime
 * interface client 2.x) loads it: a class implementing {@link RequestStreamHandler} or {@link RequestHandler}
 * (its type arguments from the class hierarchy), or a {@code Class::method} whose overload is chosen by the
 * runtime's rules (longest signature first, a trailing {@link Context} counting double, bridge methods last):
 * {@code (InputStream, OutputStream, Context)}, {@code (InputStream, OutputStream)}, {@code (InputStream,
 * Context)}, {@code (OutputStream, Context)}, {@code (InputStream)}, {@code (OutputStream)}, {@code (Context)},
 * {@code (T, Context)}, {@code (T)} or {@code ()}. The class is initialized and instantiated (for instance
 * methods and handler classes, through its public no-argument constructor) once, at init.
 *
 * <p>It is either a stream handler or a typed one (input and output types, either possibly absent).
 */
final class OriginalHandler {

  private final Class<?> handlerClass;
  private final String methodName;
  private final RequestStreamHandler stream;
  private final RequestHandler<Object, Object> typed;
  private final Type inputType;
  private final Type outputType;
  private final ClassLoader loader;
  private final Object instance;

  private OriginalHandler(Class<?> handlerClass, Method method, RequestStreamHandler stream,
      RequestHandler<Object, Object> typed, Type inputType, Type outputType, ClassLoader loader, Object instance) {
    this.instance = instance;
    this.handlerClass = handlerClass;
    this.methodName = method == null ? null : method.getName();
    this.stream = stream;
    this.typed = typed;
    this.inputType = inputType;
    this.outputType = isVoid(outputType) ? null : outputType;
    this.loader = loader;
  }

  /**
   * Loads the handler named by {@code handler} through {@code loader}.
   *
   * @throws IllegalArgumentException when the setting names no usable handler (the message says why)
   * @throws Throwable what the handler class's initializer or constructor threw, unchanged
   */
  static OriginalHandler load(String handler, ClassLoader loader) {
    HandlerName name = HandlerName.parse(handler);
    Class<?> type;
    try {
      type = Class.forName(name.className(), true, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("Class not found: " + name.className(), e);
    }
    return name.methodName() == null ? ofClass(type, loader) : ofMethod(type, name.methodName(), loader);
  }

  /** The handler method of a {@code Class::method} handler, else null. */
  String methodName() {
    return methodName;
  }

  /** The instance the runtime would call, or null for a static handler method. */
  Object instance() {
    return instance;
  }

  /** The class that holds the handler (its annotations configure the guard). */
  Class<?> handlerClass() {
    return handlerClass;
  }

  /** The handler as the runtime would run it, without the guard. */
  RequestStreamHandler unguarded() {
    return stream != null ? stream : plain();
  }

  /** The typed handler run on bytes, with the serializers of its types (the custom one looked up once). */
  private PojoStreamHandler plain() {
    CustomPojoSerializer custom = RuntimeSerializers.customSerializer(loader);
    return new PojoStreamHandler(typed, serializers(inputType, custom), serializers(outputType, custom));
  }

  /**
   * The handler behind {@code guard}: a typed handler of an HTTP event class (or a {@code Map}) through
   * {@link GuardedRequestHandler}, on the value the runtime's serializer reads, so that headers the guard adds to
   * a response reach it; every other handler through {@link GuardedStreamHandler}, which recognises HTTP events
   * by their shape in the invocation's bytes and then gives the handler those same bytes.
   */
  RequestStreamHandler guardedBy(Guard guard) {
    if (stream == null && takesHttpEvent(inputType)) {
      PojoStreamHandler plain = plain();
      return new TypedHttpHandler(plain, GuardedRequestHandler.wrap(typed, guard),
          GuardedStreamHandler.wrap(plain, guard), outputType == null ? Void.class : rawClass(outputType));
    }
    return GuardedStreamHandler.wrap(unguarded(), guard);
  }

  private static RuntimeSerializers serializers(Type type, CustomPojoSerializer custom) {
    return type == null ? null : RuntimeSerializers.of(type, custom);
  }

  /**
   * The class a value of this declared type is an instance of (Object when not known: anything is). A void handler
   * declares {@code Void}, of which nothing is an instance: its denials must be written as the event's response.
   */
  private static Class<?> rawClass(Type type) {
    Type raw = type instanceof ParameterizedType p ? p.getRawType() : type;
    if (raw instanceof Class<?> c) {
      return c.isPrimitive() ? java.lang.invoke.MethodType.methodType(c).wrap().returnType() : c;
    }
    return Object.class;
  }

  static boolean takesHttpEvent(Type type) {
    Type raw = type instanceof ParameterizedType p ? p.getRawType() : type;
    return raw == APIGatewayV2HTTPEvent.class || raw == APIGatewayProxyRequestEvent.class
        || raw == ApplicationLoadBalancerRequestEvent.class || raw == Map.class;
  }

  private static OriginalHandler ofClass(Class<?> type, ClassLoader loader) {
    if (RequestStreamHandler.class.isAssignableFrom(type)) {
      RequestStreamHandler handler = (RequestStreamHandler) instantiate(type);
      return new OriginalHandler(type, null, handler, null, null, null, loader, handler);
    }
    if (!RequestHandler.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(
          "Class does not implement an appropriate handler interface: " + type.getName());
    }
    Type[] types = TypeArguments.of(type, RequestHandler.class);
    if (types == null) {
      throw new IllegalArgumentException(
          "Class " + type.getName() + " does not implement RequestHandler with concrete type parameters");
    }
    if (types.length != 2) {
      throw new IllegalArgumentException(
          "Invalid class signature for RequestHandler. Expected two generic types, got " + types.length);
    }
    for (Type t : types) {
      if (t instanceof TypeVariable<?> variable && !hasBound(variable)) {
        throw new IllegalArgumentException("Class " + type.getName()
            + " does not implement RequestHandler with concrete type parameters: parameter " + t
            + " has no upper bound.");
      }
    }
    @SuppressWarnings("unchecked")
    RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) instantiate(type);
    return new OriginalHandler(type, null, null, handler, types[0], types[1], loader, handler);
  }

  private static boolean hasBound(TypeVariable<?> variable) {
    for (Type bound : variable.getBounds()) {
      if (!Object.class.equals(bound)) {
        return true;
      }
    }
    return false;
  }

  private static OriginalHandler ofMethod(Class<?> type, String methodName, ClassLoader loader) {
    List<Method> candidates = new ArrayList<>();
    for (Method m : type.getMethods()) {
      if (m.getName().equals(methodName)) {
        candidates.add(m);
      }
    }
    candidates.sort(PRIORITY);
    for (Method m : candidates) {
      OriginalHandler handler = ofOverload(type, m, loader);
      if (handler != null) {
        return handler;
      }
    }
    throw new IllegalArgumentException("No public method named " + methodName
        + " with appropriate method signature found on class " + type.getName());
  }

  /** The handler this overload makes, or null when the runtime would skip it. */
  private static OriginalHandler ofOverload(Class<?> type, Method m, ClassLoader loader) {
    Type[] p = m.getGenericParameterTypes();
    Type result = m.getGenericReturnType();
    return switch (p.length) {
      case 0 -> typed(type, m, null, result, false, loader);
      case 1 -> {
        if (p[0] == InputStream.class) {
          yield stream(type, m, true, false, false, loader);
        } else if (p[0] == OutputStream.class) {
          yield stream(type, m, false, true, false, loader);
        } else if (p[0] == Context.class) {
          yield typed(type, m, null, result, true, loader);
        }
        yield typed(type, m, p[0], result, false, loader);
      }
      case 2 -> {
        if (p[0] == OutputStream.class) {
          yield p[1] == Context.class ? stream(type, m, false, true, true, loader) : null;
        } else if (p[0] == Context.class) {
          yield null;
        } else if (p[0] == InputStream.class) {
          if (p[1] == OutputStream.class) {
            yield stream(type, m, true, true, false, loader);
          }
          yield p[1] == Context.class ? stream(type, m, true, false, true, loader) : null;
        }
        yield p[1] == Context.class ? typed(type, m, p[0], result, true, loader) : null;
      }
      case 3 -> p[0] == InputStream.class && p[1] == OutputStream.class && p[2] == Context.class
          ? stream(type, m, true, true, true, loader) : null;
      default -> null;
    };
  }

  private static OriginalHandler stream(Class<?> type, Method m, boolean in, boolean out, boolean context,
      ClassLoader loader) {
    Object instance = instanceFor(type, m);
    return new OriginalHandler(type, m, new MethodHandlers.Stream(m, instance, in, out, context), null,
        null, null, loader, instance);
  }

  private static OriginalHandler typed(Class<?> type, Method m, Type input, Type output, boolean context,
      ClassLoader loader) {
    Object instance = instanceFor(type, m);
    return new OriginalHandler(type, m, null, new MethodHandlers.Typed(m, instance, input != null, context),
        input, output, loader, instance);
  }

  private static Object instanceFor(Class<?> type, Method m) {
    return Modifier.isStatic(m.getModifiers()) ? null : instantiate(type);
  }

  private static Object instantiate(Class<?> type) {
    Constructor<?> constructor;
    try {
      constructor = type.getConstructor();
    } catch (NoSuchMethodException e) {
      if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
        throw new IllegalArgumentException(
            "Class " + type.getName() + " cannot be instantiated because it is a non-static inner class");
      }
      throw new IllegalArgumentException("Class " + type.getName() + " has no public zero-argument constructor", e);
    }
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      throw Sneaky.rethrow(e.getCause() != null ? e.getCause() : e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Class " + type.getName() + " cannot be instantiated", e);
    }
  }

  private static boolean isVoid(Type type) {
    return type == void.class || type == Void.class;
  }

  /**
   * The runtime's order of overloads: non-bridge before bridge, then longer signatures first, a trailing
   * Context counting as one more parameter. A stable sort, as the runtime's.
   */
  private static final Comparator<Method> PRIORITY = new Comparator<>() {
    @Override
    public int compare(Method a, Method b) {
      if (a.isBridge() != b.isBridge()) {
        return a.isBridge() ? 1 : -1;
      }
      return Integer.compare(weight(b), weight(a));
    }

    private int weight(Method m) {
      Class<?>[] p = m.getParameterTypes();
      return p.length + (p.length > 0 && p[p.length - 1] == Context.class ? 1 : 0);
    }
  };

  /**
   * A typed HTTP handler: the guarded typed path, except for an input the runtime's serializer cannot read, which
   * goes to the stream guard (an HTTP-shaped one is refused with the typed 400 every malformed request gets, rather
   * than an exception whose message would quote the caller's value).
   */
  private static final class TypedHttpHandler implements RequestStreamHandler {
    private final PojoStreamHandler io;
    private final RequestHandler<Object, Object> guarded;
    private final RequestStreamHandler unreadable;
    private final Class<?> declaredOutput;

    TypedHttpHandler(PojoStreamHandler io, RequestHandler<Object, Object> guarded, RequestStreamHandler unreadable,
        Class<?> declaredOutput) {
      this.io = io;
      this.declaredOutput = declaredOutput;
      this.guarded = guarded;
      this.unreadable = unreadable;
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
      byte[] bytes = in.readNBytes(GuardedStreamHandler.MAX_EVENT_BYTES + 1);
      if (bytes.length > GuardedStreamHandler.MAX_EVENT_BYTES) {
        throw new IOException("event larger than " + GuardedStreamHandler.MAX_EVENT_BYTES + " bytes");
      }
      Object value;
      try {
        value = io.read(new ByteArrayInputStream(bytes), context);
      } catch (RuntimeException cannotRead) {
        unreadable.handleRequest(new ByteArrayInputStream(bytes), out, context);
        return;
      }
      Object result = guarded.handleRequest(value, context);
      if (result != null && !declaredOutput.isInstance(result)) {
        // A denial, in the event's response type, from a handler that declares another (String, Object...).
        RuntimeSerialization.toJson(result, out);
        return;
      }
      io.write(result, out, context);
    }
  }
}
