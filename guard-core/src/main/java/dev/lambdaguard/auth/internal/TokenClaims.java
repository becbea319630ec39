package dev.lambdaguard.auth.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The claims of a token with their types checked once: dates are integral NumericDates within range,
 * strings are strings, audiences are a string or an array of strings. A claim of the wrong type makes
 * the token malformed rather than silently absent.
 */
public record TokenClaims(
    String issuer,
    String subject,
    List<String> audiences,
    long expiresAt,
    long notBefore,
    long issuedAt,
    long authTime,
    String jwtId,
    String clientId,
    String tokenUse,
    Set<String> scopes,
    Set<String> amr,
    String acr,
    Map<String, Object> all) {

  /** Dates past 9999-12-31 are not plausible NumericDates and are refused. */
  static final long MAX_NUMERIC_DATE = 253_402_300_799L;
  /** Marks an absent date claim. */
  public static final long ABSENT = Long.MIN_VALUE;

  /**
   * Reads and type-checks the claims.
   *
   * @throws WrongType naming the first claim of the wrong type, never its value
   */
  public static TokenClaims read(JsonNode payload) {
    return new TokenClaims(
        string(payload, "iss"),
        string(payload, "sub"),
        audiences(payload.get("aud")),
        date(payload, "exp"),
        date(payload, "nbf"),
        date(payload, "iat"),
        date(payload, "auth_time"),
        string(payload, "jti"),
        clientId(payload),
        string(payload, "token_use"),
        scopes(payload),
        stringSet(payload.get("amr"), "amr"),
        string(payload, "acr"),
        Collections.unmodifiableMap(toMap(payload)));
  }

  /**
   * A member of the confirmation claim ({@code cnf}, RFC 7800) such as {@code jkt} or {@code x5t#S256}, or
   * null when absent.
   *
   * @throws WrongType when {@code cnf} is not an object or the member not a string
   */
  public String confirmation(String member) {
    Object cnf = all.get("cnf");
    if (cnf == null) {
      return null;
    }
    if (!(cnf instanceof Map<?, ?> map)) {
      throw new WrongType("cnf");
    }
    Object value = map.get(member);
    if (value != null && !(value instanceof String)) {
      throw new WrongType("cnf");
    }
    return (String) value;
  }

  /**
   * The members of the confirmation claim ({@code cnf}); empty when absent.
   *
   * @throws WrongType when {@code cnf} is not an object
   */
  public Set<String> confirmationMembers() {
    Object cnf = all.get("cnf");
    if (cnf == null) {
      return Set.of();
    }
    if (!(cnf instanceof Map<?, ?> map)) {
      throw new WrongType("cnf");
    }
    Set<String> members = new LinkedHashSet<>();
    for (Object key : map.keySet()) {
      members.add(String.valueOf(key));
    }
    return members;
  }

  /**
   * String values of a claim that holds a string or an array of strings (roles, groups); empty when absent.
   * A name that is not a top-level claim is read as a dotted path into nested objects
   * ({@code realm_access.roles}, as Keycloak writes roles).
   */
  public Set<String> stringsOf(String name) {
    Object value = all.containsKey(name) ? all.get(name) : atPath(name);
    Set<String> out = new LinkedHashSet<>();
    if (value instanceof String s) {
      out.add(s);
    } else if (value instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof String s) {
          out.add(s);
        }
      }
    }
    return out;
  }

  private Object atPath(String path) {
    Object current = all;
    int start = 0;
    while (current instanceof Map<?, ?> map && start <= path.length()) {
      int dot = path.indexOf('.', start);
      String segment = path.substring(start, dot < 0 ? path.length() : dot);
      current = map.get(segment);
      if (dot < 0) {
        return current;
      }
      start = dot + 1;
    }
    return null;
  }

  private static String clientId(JsonNode payload) {
    String clientId = string(payload, "client_id");
    if (clientId == null) {
      clientId = string(payload, "azp");
    }
    return clientId != null ? clientId : string(payload, "cid");
  }

  private static Set<String> scopes(JsonNode payload) {
    Set<String> scopes = new LinkedHashSet<>();
    JsonNode scope = payload.get("scope");
    if (scope != null && !scope.isNull()) {
      if (!scope.isString()) {
        throw new WrongType("scope");
      }
      for (String s : scope.asString().split(" ")) {
        if (!s.isEmpty()) {
          scopes.add(s);
        }
      }
    }
    scopes.addAll(stringSet(payload.get("scp"), "scp"));
    return Collections.unmodifiableSet(scopes);
  }

  private static Set<String> stringSet(JsonNode node, String name) {
    if (node == null || node.isNull()) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    if (node.isString()) {
      for (String s : node.asString().split(" ")) {
        if (!s.isEmpty()) {
          out.add(s);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        if (!element.isString()) {
          throw new WrongType(name);
        }
        out.add(element.asString());
      }
    } else {
      throw new WrongType(name);
    }
    return Collections.unmodifiableSet(out);
  }

  private static List<String> audiences(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (node.isString()) {
      return List.of(node.asString());
    }
    if (!node.isArray()) {
      throw new WrongType("aud");
    }
    List<String> out = new ArrayList<>(node.size());
    for (JsonNode element : node) {
      if (!element.isString()) {
        throw new WrongType("aud");
      }
      out.add(element.asString());
    }
    return List.copyOf(out);
  }

  private static String string(JsonNode payload, String name) {
    JsonNode node = payload.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      throw new WrongType(name);
    }
    return node.asString();
  }

  /** An integral NumericDate in 0..9999-12-31, or ABSENT; floats, strings, negatives and huge values are wrong types. */
  private static long date(JsonNode payload, String name) {
    JsonNode node = payload.get(name);
    if (node == null) {
      return ABSENT;
    }
    if (!node.isIntegralNumber()) {
      throw new WrongType(name);
    }
    BigInteger value = node.bigIntegerValue();
    if (value.signum() < 0 || value.compareTo(BigInteger.valueOf(MAX_NUMERIC_DATE)) > 0) {
      throw new WrongType(name);
    }
    return value.longValue();
  }

  private static Map<String, Object> toMap(JsonNode object) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      map.put(e.getKey(), toJava(e.getValue()));
    }
    return map;
  }

  private static Object toJava(JsonNode node) {
    if (node.isString()) {
      return node.asString();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode element : node) {
        list.add(toJava(element));
      }
      return Collections.unmodifiableList(list);
    }
    if (node.isObject()) {
      return Collections.unmodifiableMap(toMap(node));
    }
    return null;
  }

  /** A claim of the wrong type; carries the claim name only. Stackless: it is attacker-triggered. */
  public static final class WrongType extends RuntimeException {
    WrongType(String claim) {
      super(claim, null, false, false);
    }
  }
}
