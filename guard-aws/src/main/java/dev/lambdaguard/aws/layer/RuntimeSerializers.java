package dev.lambdaguard.aws.layer;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.GsonFactory;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.lambdaguard.aws.events.RuntimeSerialization;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The serializer the Lambda Java runtime (the runtime interface client 2.x) picks for a handler's input or
 * output type, picked the same way: a {@link CustomPojoSerializer} the function registers as a service, else the
 * runtime's own serializer for a Lambda event class, else Gson for calls from an Android client (the client
 * context's {@code platform}), else the runtime's Jackson. The serialization classes are the runtime's own (the
 * layer does not ship them), so a value read here is the value the handler would get without the guard.
 *
 * <p>One instance serves one type, chosen once at init; the Android variant is created at its first use.
 */
final class RuntimeSerializers {

  private final Type type;
  private final PojoSerializer<Object> standard;
  private volatile PojoSerializer<Object> android;

  private RuntimeSerializers(Type type, PojoSerializer<Object> standard) {
    this.type = type;
    this.standard = standard;
  }

  /**
   * The serializers for {@code type}.
   *
   * @param custom the function's custom serializer ({@link #customSerializer}), or null
   */
  static RuntimeSerializers of(Type type, CustomPojoSerializer custom) {
    if (custom != null) {
      PojoSerializer<Object> viaCustom = new CustomSerializer(custom, type);
      return new RuntimeSerializers(type, viaCustom).withAndroid(viaCustom);
    }
    if (type instanceof Class<?> c && LambdaEventSerializers.isLambdaSupportedEvent(c.getName())) {
      @SuppressWarnings("unchecked")
      PojoSerializer<Object> event = (PojoSerializer<Object>) RuntimeSerialization.serializerFor(c);
      return new RuntimeSerializers(type, event).withAndroid(event);
    }
    @SuppressWarnings("unchecked")
    PojoSerializer<Object> jackson = (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
    return new RuntimeSerializers(type, jackson);
  }

  private RuntimeSerializers withAndroid(PojoSerializer<Object> serializer) {
    this.android = serializer;
    return this;
  }

  /** The serializer for an invocation with this context. */
  PojoSerializer<Object> forContext(Context context) {
    if (!isAndroid(context)) {
      return standard;
    }
    PojoSerializer<Object> gson = android;
    if (gson == null) {
      @SuppressWarnings("unchecked")
      PojoSerializer<Object> created = (PojoSerializer<Object>) GsonFactory.getInstance().getSerializer(type);
      android = gson = created;
    }
    return gson;
  }

  private static boolean isAndroid(Context context) {
    ClientContext client = context == null ? null : context.getClientContext();
    Map<String, String> environment = client == null ? null : client.getEnvironment();
    return environment != null && "Android".equalsIgnoreCase(environment.get("platform"));
  }

  /**
   * The one custom serializer the function registers as a service through {@code loader}, or null; more than one
   * is an error, as in the runtime. Looked up once per handler: it reads every jar's service files.
   */
  static CustomPojoSerializer customSerializer(ClassLoader loader) {
    Iterator<CustomPojoSerializer> found = ServiceLoader.load(CustomPojoSerializer.class, loader).iterator();
    if (!found.hasNext()) {
      return null;
    }
    CustomPojoSerializer serializer = found.next();
    if (found.hasNext()) {
      throw new IllegalStateException(
          "Too many serializers provided inside the META-INF/services folder, only one is allowed");
    }
    return serializer;
  }

  private record CustomSerializer(CustomPojoSerializer custom, Type type) implements PojoSerializer<Object> {
    @Override
    public Object fromJson(InputStream input) {
      return custom.fromJson(input, type);
    }

    @Override
    public Object fromJson(String input) {
      return custom.fromJson(input, type);
    }

    @Override
    public void toJson(Object value, OutputStream output) {
      custom.toJson(value, output, type);
    }
  }
}
