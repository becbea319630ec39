package dev.lambdaguard.json;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;

/**
 * Parses request bodies as strict RFC 8259 JSON into a Jackson tree, in one pass, within limits.
 *
 * <p>Strict means: no single quotes, unquoted names, comments, trailing commas, leading zeros, NaN or raw
 * control characters; nothing after the root value; valid UTF-8 only (no byte order mark, no UTF-16 or
 * UTF-32). A key repeated in one object is refused ({@code json_duplicate_key}) rather than silently keeping
 * the last value, because parsers disagree on which one wins and that disagreement is an attack. Builds the
 * tree itself from the token stream, without an {@code ObjectMapper}, which keeps the classes loaded few.
 *
 * <p>Jackson is loaded at the first parse, not when the parser is built: a function whose requests carry no
 * JSON body never loads it. {@link #prime()} loads it on purpose (SnapStart priming, init-time warm-up).
 *
 * <p>Immutable and thread-safe: build one at init and share it.
 */
public final class StrictJsonParser {

  private final JsonLimits limits;
  private volatile JacksonTreeReader reader;

  public StrictJsonParser(JsonLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public JsonLimits limits() {
    return limits;
  }

  /**
   * Parses a whole document; never throws for bad input.
   *
   * <p>The bytes are decoded as UTF-8 by a decoder that refuses malformed input, and Jackson reads the
   * characters. Jackson's own byte parser is not used: it guesses UTF-16 and UTF-32 from the first bytes, and
   * it accepts overlong and out-of-range UTF-8 sequences in string values (so {@code C0 AF} would become
   * {@code /}), which a handler decoding the body itself would read differently.
   */
  public JsonParseResult parse(InputStream body) {
    return reader().parse(body);
  }

  /** Parses a whole document held in memory. */
  public JsonParseResult parse(byte[] body) {
    return parse(new ByteArrayInputStream(body));
  }

  /** Loads and initializes the parser now instead of at the first body. */
  public void prime() {
    reader().parse(new ByteArrayInputStream(new byte[] {'{', '"', 'a', '"', ':', '[', '1', ']', '}'}));
  }

  private JacksonTreeReader reader() {
    JacksonTreeReader r = reader;
    if (r == null) {
      // A benign race: two threads may each build one; both are equivalent and immutable.
      r = new JacksonTreeReader(limits);
      reader = r;
    }
    return r;
  }
}
