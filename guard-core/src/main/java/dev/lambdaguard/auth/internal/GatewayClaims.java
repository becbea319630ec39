package dev.lambdaguard.auth.internal;

import dev.lambdaguard.GatewayContext;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Claims as an API Gateway authorizer passed them on: every value a string, dates as epoch seconds
 * (HTTP API) or as {@code Tue Jun 18 15:00:04 UTC 2024} (REST Cognito authorizer), arrays as
 * {@code [a b]}. Turned back into typed claims so that one claims check serves both modes.
 */
public final class GatewayClaims {

  private static final Set<String> DATES = Set.of("exp", "nbf", "iat", "auth_time");
  private static final Set<String> ARRAYS = Set.of("aud", "cognito:groups", "groups", "roles", "amr", "scp");
  private static final DateTimeFormatter COGNITO_DATE =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ROOT);

  private GatewayClaims() {}

  public static TokenClaims read(GatewayContext gateway) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode claims = nodes.objectNode();
    for (Map.Entry<String, Object> e : gateway.authorizerClaims().entrySet()) {
      String name = e.getKey();
      String value = String.valueOf(e.getValue());
      if (DATES.contains(name)) {
        long seconds = epochSeconds(value);
        if (seconds >= 0) {
          claims.put(name, seconds);
        }
      } else if (ARRAYS.contains(name) && value.startsWith("[") && value.endsWith("]")) {
        ArrayNode array = claims.putArray(name);
        for (String item : value.substring(1, value.length() - 1).split(" ")) {
          if (!item.isEmpty()) {
            array.add(item);
          }
        }
      } else {
        claims.put(name, value);
      }
    }
    if (!gateway.authorizerScopes().isEmpty() && !claims.has("scope")) {
      claims.put("scope", String.join(" ", gateway.authorizerScopes()));
    }
    return TokenClaims.read(claims);
  }

  private static long epochSeconds(String value) {
    if (!value.isEmpty() && value.length() <= 12 && value.chars().allMatch(Character::isDigit)) {
      return Long.parseLong(value);
    }
    try {
      return ZonedDateTime.parse(value, COGNITO_DATE).toEpochSecond();
    } catch (DateTimeParseException e) {
      return -1;
    }
  }
}
