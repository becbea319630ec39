package dev.lambdaguard.bench.anomaly;

/**
 * One request of the simulated trace, as an HTTP API would deliver it to the orders function.
 *
 * @param at when, epoch milliseconds of the simulated clock
 * @param actor who sent it (the label)
 * @param ip the source address
 * @param method the HTTP method
 * @param path the raw path
 * @param routeKey the gateway's route key ({@code $default} for a path no route matches)
 * @param orderId the {@code id} path parameter, or null
 * @param authorization the Authorization header, or null
 * @param body the JSON body, or null
 */
public record SimRequest(long at, Actor actor, String ip, String method, String path, String routeKey,
    String orderId, String authorization, String body) {}
