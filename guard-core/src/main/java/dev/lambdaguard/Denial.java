package dev.lambdaguard;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A refusal: the HTTP status, a stable reason code, a safe public message and optional response headers.
 *
 * <p>Denials are values, returned rather than thrown. The message is written by library or user code and
 * must never contain a request value: the adapter writes it into the response body verbatim.
 *
 * @param status the HTTP status, 400 to 599
 * @param reason the stable reason code
 * @param message a short safe message for the caller
 * @param headers response headers such as {@code WWW-Authenticate} or {@code Retry-After}; immutable
 * @param eventFields details for the deny event only, never for the response (a token fingerprint, a
 *     policy name); names are snake case, at most {@value #MAX_EVENT_FIELDS}; values pass the redactor
 */
public record Denial(
    int status, Reason reason, String message, Map<String, String> headers, Map<String, String> eventFields)
    implements Outcome {

  public static final int MAX_EVENT_FIELDS = 8;

  public Denial {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("denial status must be 400..599: " + status);
    }
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    eventFields = Collections.unmodifiableMap(new LinkedHashMap<>(eventFields));
    if (eventFields.size() > MAX_EVENT_FIELDS) {
      throw new IllegalArgumentException("a denial carries at most " + MAX_EVENT_FIELDS + " event fields");
    }
    for (String name : eventFields.keySet()) {
      Reason.of(name, Reason.Kind.POLICY); // the same snake-case rule as reason codes
    }
  }

  /** A denial with response headers and no event field. */
  public Denial(int status, Reason reason, String message, Map<String, String> headers) {
    this(status, reason, message, headers, Map.of());
  }

  /** A denial whose message is the standard phrase of the status. */
  public static Denial of(int status, Reason reason) {
    return new Denial(status, reason, HttpStatus.phrase(status), Map.of());
  }

  /** A denial with a message of your own; it must not contain request values. */
  public static Denial of(int status, Reason reason, String message) {
    return new Denial(status, reason, message, Map.of());
  }

  /** 400 Bad Request. */
  public static Denial badRequest(Reason reason, String message) {
    return of(400, reason, message);
  }

  /** 401 Unauthorized; pair it with a {@code WWW-Authenticate} header through {@link #withHeader}. */
  public static Denial unauthorized(Reason reason, String message) {
    return of(401, reason, message);
  }

  /** 403 Forbidden. */
  public static Denial forbidden(Reason reason, String message) {
    return of(403, reason, message);
  }

  /** 500 Internal Server Error: the guard failed and refused the request. */
  public static Denial internalError() {
    return of(500, Reasons.INTERNAL_ERROR, "The request could not be checked.");
  }

  /** A copy with one more response header; one of the same name, in any casing, is replaced. */
  public Denial withHeader(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
    copy.put(name, value);
    return new Denial(status, reason, message, copy, eventFields);
  }

  /** A copy with one more detail for the deny event; it never reaches the response. */
  public Denial withEventField(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(eventFields);
    copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new Denial(status, reason, message, headers, copy);
  }
}
