package dev.lambdaguard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What the chain produced: either a {@link Denial} or the handler's own response ({@link Handled}).
 */
public sealed interface Outcome permits Denial, Outcome.Handled {

  /**
   * The user's handler ran; carries its response and headers that interceptors add on the way out.
   *
   * @param response the handler's return value, exactly as returned (may be null)
   * @param addedHeaders headers to merge into the response by the event adapter, in order
   */
  record Handled(Object response, List<Header> addedHeaders) implements Outcome {

    public Handled {
      addedHeaders = List.copyOf(addedHeaders);
    }

    /** A handled outcome with no added header. */
    public static Handled of(Object response) {
      return new Handled(response, Collections.emptyList());
    }

    /** A copy with one more response header; the handler's response itself is left untouched. */
    public Handled withHeader(String name, String value) {
      List<Header> headers = new ArrayList<>(addedHeaders.size() + 1);
      headers.addAll(addedHeaders);
      headers.add(new Header(name, value));
      return new Handled(response, headers);
    }
  }

  /** One response header; names and values are set by library or user code, never copied from a request. */
  record Header(String name, String value) {
    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }
}
