package dev.lambdaguard.events;

/**
 * The parts of a request that events carry: enough to find the caller and the route, nothing that holds
 * credentials (no header but the User-Agent, no query string, no body, no cookie).
 *
 * @param eventSource which kind of event carried the request, e.g. {@code apigw-http-v2}
 * @param method the HTTP method
 * @param route the gateway route key, or null
 * @param path the request path without query string
 * @param sourceIp the source IP the gateway saw, or null
 * @param userAgent the User-Agent, or null
 * @param principal the authenticated subject, or null
 */
public record RequestSummary(
    String eventSource,
    String method,
    String route,
    String path,
    String sourceIp,
    String userAgent,
    String principal) {}
