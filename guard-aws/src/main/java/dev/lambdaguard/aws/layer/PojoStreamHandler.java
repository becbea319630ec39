package dev.lambdaguard.aws.layer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A typed handler run on the invocation's bytes as the runtime runs it: the input read with the runtime's
 * serializer for the handler's input type, the result written with the one for its output type, {@code null}
 * written for a handler that returns nothing. Reading errors are reported as the runtime reports them; the
 * handler's own exceptions leave unchanged.
 */
final class PojoStreamHandler implements RequestStreamHandler {

  private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.US_ASCII);

  private final RequestHandler<Object, Object> handler;
  private final RuntimeSerializers input;
  private final RuntimeSerializers output;

  /**
   * @param handler the typed handler
   * @param input the serializers of its input type, or null when it takes no input
   * @param output the serializers of its output type, or null when it returns nothing
   */
  PojoStreamHandler(RequestHandler<Object, Object> handler, RuntimeSerializers input, RuntimeSerializers output) {
    this.handler = handler;
    this.input = input;
    this.output = output;
  }

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    Object value = read(in, context);
    Object result = handler.handleRequest(value, context);
    write(result, out, context);
  }

  /** The input as the handler's type; throws as the runtime does when it cannot be read. */
  Object read(InputStream in, Context context) {
    if (input == null) {
      return null;
    }
    try {
      return input.forContext(context).fromJson(in);
    } catch (Throwable unreadable) {
      throw new RuntimeException("An error occurred during JSON parsing", unreadable);
    }
  }

  void write(Object result, OutputStream out, Context context) throws IOException {
    if (output == null) {
      out.write(JSON_NULL);
      return;
    }
    try {
      output.forContext(context).toJson(result, out);
    } catch (Throwable unwritable) {
      throw new RuntimeException("An error occurred during JSON serialization of response", unwritable);
    }
  }
}
