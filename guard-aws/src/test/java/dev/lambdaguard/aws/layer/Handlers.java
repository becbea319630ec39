package dev.lambdaguard.aws.layer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Function handlers of every form the Lambda Java runtime accepts, as a function would write them. Each answers
 * with what it received (so a test sees what deserialization gave it) and throws {@link Boom} when the request
 * path ends in {@code /boom}; {@link #CALLS} counts every call.
 */
public final class Handlers {

  public static final AtomicInteger CALLS = new AtomicInteger();

  private Handlers() {}

  /** A checked exception: the runtime lets it leave a handler unchanged, so must the guard. */
  public static final class Boom extends Exception {
    public Boom(String message) {
      super(message);
    }
  }

  static String describe(APIGatewayV2HTTPEvent event) throws Boom {
    CALLS.incrementAndGet();
    String path = event.getRawPath();
    if (path != null && path.endsWith("/boom")) {
      throw new Boom("the handler failed");
    }
    return event.getRouteKey() + " " + path + " " + event.getHeaders().get("user-agent") + " " + event.getBody();
  }

  static APIGatewayV2HTTPResponse respond(String body) {
    APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
    response.setStatusCode(200);
    response.setHeaders(Map.of("content-type", "text/plain"));
    response.setBody(body);
    return response;
  }

  /** {@code RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>}. */
  public static final class HttpApi implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
      try {
        return respond(describe(event) + " " + context.getAwsRequestId());
      } catch (Boom e) {
        throw new IllegalStateException(e.getMessage());
      }
    }
  }

  /** A handler whose type arguments come from a generic superclass. */
  public abstract static class TypedBase<T> implements RequestHandler<T, String> {}

  /** {@code RequestHandler<Map<String, Object>, String>} through {@link TypedBase}. */
  public static final class MapHandler extends TypedBase<Map<String, Object>> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      CALLS.incrementAndGet();
      return "map " + event.get("rawPath") + " " + event.get("body");
    }
  }

  /** {@code RequestStreamHandler}: copies its input to its output. */
  public static final class Echo implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
      CALLS.incrementAndGet();
      byte[] bytes = input.readAllBytes();
      if (new String(bytes, StandardCharsets.UTF_8).contains("\"/orders/boom\"")) {
        throw new IOException("the handler failed");
      }
      output.write(bytes);
    }
  }

  /** An order as a function might declare it: a plain bean the runtime's Jackson reads. */
  public static final class Order {
    private String item;
    private int quantity;

    public String getItem() {
      return item;
    }

    public void setItem(String item) {
      this.item = item;
    }

    public int getQuantity() {
      return quantity;
    }

    public void setQuantity(int quantity) {
      this.quantity = quantity;
    }
  }

  /** {@code Class::method} handlers. */
  public static final class Methods {
    public APIGatewayV2HTTPResponse typed(APIGatewayV2HTTPEvent event, Context context) throws Boom {
      return respond(describe(event) + " " + context.getAwsRequestId());
    }

    public static String typedNoContext(APIGatewayV2HTTPEvent event) throws Boom {
      return describe(event);
    }

    /** An HTTP event handler that answers nothing (a webhook sink): its denials must still be answered. */
    public void typedVoid(APIGatewayV2HTTPEvent event) {
      CALLS.incrementAndGet();
    }

    public Map<String, Object> order(Order order) {
      CALLS.incrementAndGet();
      return Map.of("item", String.valueOf(order.getItem()), "quantity", order.getQuantity());
    }

    public void streams(InputStream in, OutputStream out, Context context) throws IOException {
      new Echo().handleRequest(in, out, context);
    }

    public void inputOnly(InputStream in) throws IOException {
      CALLS.incrementAndGet();
      in.readAllBytes();
    }

    public String contextOnly(Context context) {
      CALLS.incrementAndGet();
      return "context " + context.getAwsRequestId();
    }

    public int nothing() {
      CALLS.incrementAndGet();
      return 7;
    }

    /** Overloads: the runtime takes the longest signature, a trailing Context counting double. */
    public String overloaded(String value) {
      return "one " + value;
    }

    public String overloaded(String value, Context context) {
      CALLS.incrementAndGet();
      return "two " + value;
    }
  }

  /**
   * A function's own serializer ({@code CustomPojoSerializer}, registered as a service): strings in upper case on
   * the way in, in brackets on the way out, so a test sees it was used.
   */
  public static final class ShoutingSerializer implements com.amazonaws.services.lambda.runtime.CustomPojoSerializer {
    @Override
    @SuppressWarnings("unchecked")
    public <T> T fromJson(InputStream input, java.lang.reflect.Type type) {
      try {
        return fromJson(new String(input.readAllBytes(), StandardCharsets.UTF_8), type);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T fromJson(String input, java.lang.reflect.Type type) {
      return (T) input.replace("\"", "").toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public <T> void toJson(T value, OutputStream output, java.lang.reflect.Type type) {
      try {
        output.write(("[" + value + "]").getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** A handler class that throws in its constructor. */
  public static final class FailsAtInit implements RequestStreamHandler {
    public FailsAtInit() {
      throw new IllegalStateException("cannot start");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {}
  }

  /** A RequestHandler without concrete type arguments. */
  @SuppressWarnings("rawtypes")
  public static final class Raw implements RequestHandler {
    @Override
    public Object handleRequest(Object input, Context context) {
      return input;
    }
  }
}
