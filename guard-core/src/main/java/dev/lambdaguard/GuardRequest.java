package dev.lambdaguard;

import dev.lambdaguard.internal.Maps;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one normalized view of an HTTP request that every interceptor sees, whatever event carried it.
 *
 * <p>Built once per invocation by an event adapter and immutable. Header names compare
 * case-insensitively and keep every value; query parameters are decoded and keep every value. The
 * source IP is the address the gateway saw, never a client-supplied {@code X-Forwarded-For} entry.
 */
public final class GuardRequest {

  private final String source;
  private final String method;
  private final String path;
  private final String routeKey;
  private final MultiValueMap headers;
  private final MultiValueMap query;
  private final Map<String, String> pathParameters;
  private final List<Cookie> cookies;
  private final Body body;
  private final String sourceIp;
  private final String userAgent;
  private final String apiKey;
  private final GatewayContext gateway;
  private final String requestId;
  private final String traceId;

  private GuardRequest(Builder b) {
    this.source = b.source;
    this.method = b.method;
    this.path = b.path;
    this.routeKey = b.routeKey;
    this.headers = b.headers;
    this.query = b.query;
    this.pathParameters = b.pathParameters;
    this.cookies = b.cookies;
    this.body = b.body;
    this.sourceIp = b.sourceIp;
    this.userAgent = b.userAgent != null ? b.userAgent : b.headers.firstOrNull("user-agent");
    this.apiKey = b.apiKey;
    this.gateway = b.gateway;
    this.requestId = b.requestId;
    this.traceId = b.traceId;
  }

  /** A copy with another gateway context (adapters add what only the raw event carries). */
  public GuardRequest withGateway(GatewayContext gateway) {
    return new GuardRequest(this, java.util.Objects.requireNonNull(gateway, "gateway"));
  }

  private GuardRequest(GuardRequest r, GatewayContext gateway) {
    this.source = r.source;
    this.method = r.method;
    this.path = r.path;
    this.routeKey = r.routeKey;
    this.headers = r.headers;
    this.query = r.query;
    this.pathParameters = r.pathParameters;
    this.cookies = r.cookies;
    this.body = r.body;
    this.sourceIp = r.sourceIp;
    this.userAgent = r.userAgent;
    this.apiKey = r.apiKey;
    this.gateway = gateway;
    this.requestId = r.requestId;
    this.traceId = r.traceId;
  }

  public static Builder builder(String source) {
    return new Builder(source);
  }

  /** Which kind of event carried the request, e.g. {@code apigw-http-v2}; never null. */
  public String source() {
    return source;
  }

  /** The HTTP method in upper case, e.g. {@code GET}; never null. */
  public String method() {
    return method;
  }

  /** The request path as the caller sent it, without query string and without API stage; never null. */
  public String path() {
    return path;
  }

  /** The gateway's route key (e.g. {@code GET /orders/{id}} or {@code $default}), or null when the event has none. */
  public String routeKey() {
    return routeKey;
  }

  /** The headers; names compare case-insensitively; never null. */
  public MultiValueMap headers() {
    return headers;
  }

  /** The decoded query parameters with every value; never null. */
  public MultiValueMap query() {
    return query;
  }

  /** The path parameters the gateway matched; never null. */
  public Map<String, String> pathParameters() {
    return pathParameters;
  }

  /** Every cookie from the event's cookie array and Cookie headers; never null. */
  public List<Cookie> cookies() {
    return cookies;
  }

  /** The decoded body; never null (empty when there is none). */
  public Body body() {
    return body;
  }

  /** The Content-Type header, or an empty string when absent. */
  public String contentType() {
    String value = headers.firstOrNull("content-type");
    return value == null ? "" : value;
  }

  /** The source IP the gateway saw, or null when the event has none (an ALB health check). */
  public String sourceIp() {
    return sourceIp;
  }

  /** The User-Agent, or null. */
  public String userAgent() {
    return userAgent;
  }

  /** The API key (the gateway's validated one first, else the X-Api-Key header), or null. */
  public String apiKey() {
    return apiKey;
  }

  /** What the gateway said about the request; {@link GatewayContext#NONE} when nothing. */
  public GatewayContext gateway() {
    return gateway;
  }

  /** The gateway's request id, or null. */
  public String requestId() {
    return requestId;
  }

  /** The X-Ray trace id of the invocation, or null. */
  public String traceId() {
    return traceId;
  }

  @Override
  public String toString() {
    // Method and source only: everything else is caller input and may carry secrets.
    return "GuardRequest[" + source + " " + method + "]";
  }

  /** Builds a request; adapters fill it from an event. Not thread-safe. */
  public static final class Builder {
    private final String source;
    private String method = "GET";
    private String path = "/";
    private String routeKey;
    private MultiValueMap headers = MultiValueMap.emptyHeaders();
    private MultiValueMap query = MultiValueMap.emptyQuery();
    private Map<String, String> pathParameters = Map.of();
    private List<Cookie> cookies = List.of();
    private Body body = Body.empty();
    private String sourceIp;
    private String userAgent;
    private String apiKey;
    private GatewayContext gateway = GatewayContext.NONE;
    private String requestId;
    private String traceId;

    private Builder(String source) {
      this.source = Objects.requireNonNull(source, "source");
    }

    public Builder method(String method) {
      this.method = method == null ? "" : method.toUpperCase(java.util.Locale.ROOT);
      return this;
    }

    public Builder path(String path) {
      this.path = path == null ? "/" : path;
      return this;
    }

    public Builder routeKey(String routeKey) {
      this.routeKey = routeKey;
      return this;
    }

    public Builder headers(MultiValueMap headers) {
      this.headers = Objects.requireNonNull(headers, "headers");
      return this;
    }

    public Builder query(MultiValueMap query) {
      this.query = Objects.requireNonNull(query, "query");
      return this;
    }

    public Builder pathParameters(Map<String, String> pathParameters) {
      this.pathParameters = pathParameters == null ? Map.of() : Maps.copyWithoutNulls(pathParameters);
      return this;
    }

    public Builder cookies(List<Cookie> cookies) {
      this.cookies = cookies == null ? List.of() : List.copyOf(cookies);
      return this;
    }

    public Builder body(Body body) {
      this.body = Objects.requireNonNull(body, "body");
      return this;
    }

    public Builder sourceIp(String sourceIp) {
      this.sourceIp = sourceIp;
      return this;
    }

    /** Overrides the User-Agent header, for events that carry it outside the headers. */
    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    public Builder gateway(GatewayContext gateway) {
      this.gateway = Objects.requireNonNull(gateway, "gateway");
      return this;
    }

    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    public Builder traceId(String traceId) {
      this.traceId = traceId;
      return this;
    }

    public GuardRequest build() {
      return new GuardRequest(this);
    }
  }
}
