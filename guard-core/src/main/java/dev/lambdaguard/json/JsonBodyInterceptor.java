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
    if (body.isEmpty() || !isJson(request.contentType(), body)) {
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

  static boolean isJson(String contentType, Body body) {
    if (contentType.isEmpty()) {
      String text = body.text();
      int i = 0;
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      return i < text.length() && (text.charAt(i) == '{' || text.charAt(i) == '[');
    }
    int semicolon = contentType.indexOf(';');
    String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .trim().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json")
        || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
  }
}
