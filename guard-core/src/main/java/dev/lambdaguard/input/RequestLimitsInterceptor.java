package dev.lambdaguard.input;

import dev.lambdaguard.Chain;
import dev.lambdaguard.Cookie;
import dev.lambdaguard.Denial;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Interceptor;
import dev.lambdaguard.MultiValueMap;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.Reasons;
import java.util.Map;

/**
 * Refuses a request past the {@link RequestLimits} before any other work: the first link of the chain, so an
 * oversized request is counted, not parsed, verified or scanned.
 */
public final class RequestLimitsInterceptor implements Interceptor {

  private final RequestLimits limits;

  public RequestLimitsInterceptor(RequestLimits limits) {
    this.limits = limits;
  }

  @Override
  public String name() {
    return "limits";
  }

  @Override
  public Outcome intercept(Chain chain) {
    GuardRequest request = chain.request();
    if (!headersWithin(request.headers())) {
      return Denial.of(431, Reasons.HEADERS_TOO_LARGE, "The request headers are too large.");
    }
    if (!parametersWithin(request)) {
      return Denial.badRequest(Reasons.PARAMETERS_TOO_LARGE, "The request has too many or too long parameters.");
    }
    if (request.body().size() > limits.maxBodyBytes()) {
      return Denial.of(413, Reasons.BODY_TOO_LARGE, "The request body is too large.");
    }
    return chain.proceed();
  }

  private boolean headersWithin(MultiValueMap headers) {
    if (headers.valueCount() > limits.maxHeaders()) {
      return false;
    }
    long bytes = 0;
    for (String name : headers.names()) {
      for (String value : headers.all(name)) {
        bytes += name.length() + value.length();
      }
    }
    return bytes <= limits.maxHeaderBytes();
  }

  private boolean parametersWithin(GuardRequest request) {
    MultiValueMap query = request.query();
    if (query.valueCount() > limits.maxQueryParameters() || request.cookies().size() > limits.maxCookies()) {
      return false;
    }
    int max = limits.maxParameterLength();
    for (String name : query.names()) {
      if (name.length() > max) {
        return false;
      }
      for (String value : query.all(name)) {
        if (value.length() > max) {
          return false;
        }
      }
    }
    for (Map.Entry<String, String> p : request.pathParameters().entrySet()) {
      if (p.getValue() != null && p.getValue().length() > max) {
        return false;
      }
    }
    for (Cookie cookie : request.cookies()) {
      if (cookie.name().length() + cookie.value().length() > max) {
        return false;
      }
    }
    return true;
  }
}
