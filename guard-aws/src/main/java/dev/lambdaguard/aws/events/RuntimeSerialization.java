package dev.lambdaguard.aws.events;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON to event objects and back exactly as the Lambda Java runtime does it: the runtime's event
 * serializers for the event classes it knows, its Jackson factory for the others. Serializers are
 * created once per class (the key set is the fixed set of event classes, so the cache is bounded).
 */
public final class RuntimeSerialization {

  private static final Map<Class<?>, PojoSerializer<?>> SERIALIZERS = new ConcurrentHashMap<>();

  private RuntimeSerialization() {}

  @SuppressWarnings("unchecked")
  public static <T> PojoSerializer<T> serializerFor(Class<T> type) {
    return (PojoSerializer<T>) SERIALIZERS.computeIfAbsent(type, RuntimeSerialization::create);
  }

  public static <T> T fromJson(Class<T> type, InputStream json) {
    return serializerFor(type).fromJson(json);
  }

  public static <T> T fromJson(Class<T> type, byte[] json) {
    return fromJson(type, new ByteArrayInputStream(json));
  }

  @SuppressWarnings("unchecked")
  public static void toJson(Object value, OutputStream out) {
    ((PojoSerializer<Object>) serializerFor(value.getClass())).toJson(value, out);
  }

  public static byte[] toJson(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    toJson(value, out);
    return out.toByteArray();
  }

  private static PojoSerializer<?> create(Class<?> type) {
    ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : RuntimeSerialization.class.getClassLoader();
    if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
      return LambdaEventSerializers.serializerFor(type, loader);
    }
    return JacksonFactory.getInstance().getSerializer(type);
  }
}
