package dev.lambdaguard;

/** Requests for tests. */
public final class Requests {

  private Requests() {}

  /** A GET of {@code path}, as an HTTP API would carry it. */
  public static GuardRequest get(String path) {
    return GuardRequest.builder("apigw-http-v2").method("GET").path(path).build();
  }

  /** A POST of {@code body} with the given content type ({@code null} for none). */
  public static GuardRequest post(String contentType, Body body) {
    MultiValueMap.Builder headers = MultiValueMap.headersBuilder();
    if (contentType != null) {
      headers.add("Content-Type", contentType);
    }
    return GuardRequest.builder("apigw-http-v2").method("POST").path("/orders").headers(headers.build())
        .body(body).build();
  }

  /** A POST of a text body. */
  public static GuardRequest post(String contentType, String body) {
    return post(contentType, Body.fromEvent(body, false));
  }
}
