package dev.lambdaguard.input;

import dev.lambdaguard.internal.Settings;

/**
 * Size limits checked before anything is parsed or scanned, so that an oversized request costs a few counts:
 * headers (count, and bytes of names and values together), query parameters (count of values, and the longest
 * name or value), cookies, and the body. Immutable.
 *
 * @param maxHeaders headers at most (431 past it)
 * @param maxHeaderBytes bytes of all header names and values together (431)
 * @param maxQueryParameters query parameter values at most (400 {@code parameters_too_large})
 * @param maxParameterLength the longest query parameter name or value, path parameter or cookie value (400)
 * @param maxCookies cookies at most (400)
 * @param maxBodyBytes the largest body, in bytes (413)
 */
public record RequestLimits(int maxHeaders, int maxHeaderBytes, int maxQueryParameters, int maxParameterLength,
    int maxCookies, int maxBodyBytes) {

  public static final int DEFAULT_MAX_HEADERS = 100;
  public static final int DEFAULT_MAX_HEADER_BYTES = 32 * 1024;
  public static final int DEFAULT_MAX_QUERY_PARAMETERS = 100;
  public static final int DEFAULT_MAX_PARAMETER_LENGTH = 8 * 1024;
  public static final int DEFAULT_MAX_COOKIES = 50;
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  public RequestLimits {
    Settings.within("limits.maxHeaders", maxHeaders, 1, 10_000);
    Settings.within("limits.maxHeaderBytes", maxHeaderBytes, 256, 10 * 1024 * 1024);
    Settings.within("limits.maxQueryParameters", maxQueryParameters, 0, 100_000);
    Settings.within("limits.maxParameterLength", maxParameterLength, 16, 10 * 1024 * 1024);
    Settings.within("limits.maxCookies", maxCookies, 0, 10_000);
    Settings.within("limits.maxBodyBytes", maxBodyBytes, 0, 64 * 1024 * 1024);
  }

  /** 100 headers in 32 KiB, 100 query parameters, 8 KiB per parameter, 50 cookies, a 1 MiB body. */
  public static RequestLimits defaults() {
    return new RequestLimits(DEFAULT_MAX_HEADERS, DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_QUERY_PARAMETERS,
        DEFAULT_MAX_PARAMETER_LENGTH, DEFAULT_MAX_COOKIES, DEFAULT_MAX_BODY_BYTES);
  }

  public RequestLimits withMaxBodyBytes(int bytes) {
    return new RequestLimits(maxHeaders, maxHeaderBytes, maxQueryParameters, maxParameterLength, maxCookies, bytes);
  }

  public RequestLimits withMaxQueryParameters(int count) {
    return new RequestLimits(maxHeaders, maxHeaderBytes, count, maxParameterLength, maxCookies, maxBodyBytes);
  }

  public RequestLimits withMaxHeaders(int count, int bytes) {
    return new RequestLimits(count, bytes, maxQueryParameters, maxParameterLength, maxCookies, maxBodyBytes);
  }
}
