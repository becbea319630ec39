package dev.lambdaguard.json;

import dev.lambdaguard.Body;
import dev.lambdaguard.Chain;
import dev.lambdaguard.Denial;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Interceptor;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.Reasons;
import dev.lambdaguard.json.JsonParseResult.Parsed;
import dev.lambdaguard.json.JsonParseResult.Rejected;
import java.util.Locale;

/**
 * Parses JSON bodies once, strictly and within limits, and hands the tree on in the security context.
 *
 * <p>A body is JSON when its Content-Type is {@code application/json} or {@code application/*+json}, or when
 * there is no Content-Type and the body starts with {@code {} or {@code [} (a handler that parses it anyway
 * must not see what the guard did not check). A body over the size limit is refused with 413 before any
 * parsing; anything else wrong with it with 400.
 */
public final class JsonBodyInterceptor implements Interceptor {

  private final StrictJsonParser parser;

  public JsonBodyInterceptor(StrictJsonParser parser) {
    this.parser = parser;
  }

  @Override
  public Outcome intercept(Chain chain) {
    GuardRequest request = chain.request();
    Body body = request.body();
    if (body.isEmpty()) {
      return chain.proceed();
    }
    if (request.headers().all("content-type").size() > 1) {
      // Which Content-Type counts differs between frameworks; two of them is an attack signal, not a choice.
      return Denial.badRequest(Reasons.REQUEST_MALFORMED, "The request has more than one Content-Type.");
    }
    if (!isJson(request.contentType(), body)) {
      return chain.proceed();
    }
    if (body.size() > parser.limits().maxBodyBytes()) {
      return Denial.of(413, Reasons.BODY_TOO_LARGE, "The request body is too large.");
    }
    JsonParseResult result = parser.parse(body.stream());
    if (result instanceof Rejected rejected) {
      return Denial.badRequest(rejected.reason(), "The request body is not valid JSON: " + rejected.detail() + ".");
    }
    return chain.proceed(chain.context().withJsonBody(((Parsed) result).value()));
  }

  @Override
  public String name() {
    return "json_body";
  }

  /** The first byte that is not JSON whitespace (RFC 8259 §2), or -1; reads only as far as it needs. */
  private static int firstNonWhitespaceByte(Body body) {
    try (java.io.InputStream in = body.stream()) {
      int b;
      while ((b = in.read()) == ' ' || b == '\t' || b == '\n' || b == '\r') {
        // skip
      }
      return b;
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  /** Whether a body is JSON by its Content-Type, or, without one, by its first non-blank byte. */
  public static boolean isJson(String contentType, Body body) {
    if (contentType.isEmpty()) {
      int first = firstNonWhitespaceByte(body);
      return first == '{' || first == '[';
    }
    int semicolon = contentType.indexOf(';');
    String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .trim().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json")
        || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
  }
}
