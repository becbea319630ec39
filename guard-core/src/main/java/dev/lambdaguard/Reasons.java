package dev.lambdaguard;

import dev.lambdaguard.Reason.Kind;

/**
 * The library's reason codes. Every code is documented in {@code docs/events.md}; a test keeps the two in step.
 */
public final class Reasons {

  /** A request the adapter could not read as the event type promised (for example a body that is not valid base64). */
  public static final Reason REQUEST_MALFORMED = new Reason("request_malformed", Kind.INPUT);
  /** The JSON body is not strict JSON (single quotes, unquoted names, control characters, trailing garbage...). */
  public static final Reason JSON_MALFORMED = new Reason("json_malformed", Kind.INPUT);
  /** The JSON body repeats a key in one object: a parser-differential attack signal. */
  public static final Reason JSON_DUPLICATE_KEY = new Reason("json_duplicate_key", Kind.INPUT);
  /** The JSON body exceeds a structural limit (nesting depth, number of fields, string or number length). */
  public static final Reason JSON_LIMIT_EXCEEDED = new Reason("json_limit_exceeded", Kind.INPUT);
  /** The body is larger than the configured limit. */
  public static final Reason BODY_TOO_LARGE = new Reason("body_too_large", Kind.INPUT);
  /** The content type is not one the route accepts. */
  public static final Reason UNSUPPORTED_MEDIA_TYPE = new Reason("unsupported_media_type", Kind.INPUT);
  /** An interceptor failed or broke the chain contract; the request was refused. */
  public static final Reason INTERNAL_ERROR = new Reason("internal_error", Kind.INTERNAL);

  private Reasons() {}
}
