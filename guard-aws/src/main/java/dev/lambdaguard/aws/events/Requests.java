package dev.lambdaguard.aws.events;

import dev.lambdaguard.Cookie;
import dev.lambdaguard.MultiValueMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Pieces of request normalization that every HTTP adapter shares. */
final class Requests {

  private Requests() {}

  /**
   * Headers from both of the event's maps. The multi-valued map keeps every value; a value that only the
   * single-valued map holds (the two can disagree) is added too, so that nothing escapes inspection.
   */
  static MultiValueMap headers(Map<String, List<String>> multi, Map<String, String> single) {
    return merge(MultiValueMap.headersBuilder(), multi, single);
  }

  /** Query parameters from both of the event's maps, as for {@link #headers}; values as given. */
  static MultiValueMap query(Map<String, List<String>> multi, Map<String, String> single) {
    return merge(MultiValueMap.queryBuilder(), multi, single);
  }

  private static MultiValueMap merge(
      MultiValueMap.Builder builder, Map<String, List<String>> multi, Map<String, String> single) {
    if (multi != null) {
      multi.forEach(builder::addAll);
    }
    if (single != null) {
      single.forEach((name, value) -> {
        if (name != null && value != null && !heldBy(multi, name, value)) {
          builder.add(name, value);
        }
      });
    }
    return builder.build();
  }

  /** Whether the multi-valued map holds this value under this name, the name compared case-insensitively. */
  private static boolean heldBy(Map<String, List<String>> multi, String name, String value) {
    if (multi == null) {
      return false;
    }
    List<String> values = multi.get(name);
    if (values != null && values.contains(value)) {
      return true;
    }
    for (Map.Entry<String, List<String>> e : multi.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null
          && e.getValue().contains(value)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Cookies from an event's cookie array and from every Cookie header. Function URLs deliver both forms of
   * the same cookies, so identical pairs are kept once; different values under one name are all kept.
   */
  static List<Cookie> cookies(List<String> cookieArray, MultiValueMap headers) {
    List<Cookie> parsed = new ArrayList<>();
    if (cookieArray != null) {
      for (String entry : cookieArray) {
        if (entry != null) {
          Cookie.parseHeader(entry, parsed);
        }
      }
    }
    for (String header : headers.all("cookie")) {
      Cookie.parseHeader(header, parsed);
    }
    return parsed.size() < 2 ? parsed : new ArrayList<>(new LinkedHashSet<>(parsed));
  }

  /**
   * The source IP as the gateway reported it. Documentation samples write it in CIDR form
   * ({@code 192.168.0.1/32}); a host prefix is removed. Anything else is kept as the gateway gave it.
   */
  static String sourceIp(String reported) {
    if (reported == null || reported.isEmpty()) {
      return null;
    }
    if (reported.endsWith("/32") || reported.endsWith("/128")) {
      return reported.substring(0, reported.lastIndexOf('/'));
    }
    return reported;
  }

  /**
   * The client address an ALB appended to X-Forwarded-For: the last entry of the last header. Entries
   * before it were sent by the client and are not trusted.
   */
  static String albClientIp(MultiValueMap headers) {
    String last = headers.lastOrNull("x-forwarded-for");
    if (last == null) {
      return null;
    }
    int comma = last.lastIndexOf(',');
    String ip = (comma < 0 ? last : last.substring(comma + 1)).trim();
    return ip.isEmpty() ? null : ip;
  }

  /** The API key: the one the gateway validated first, else the X-Api-Key header. */
  static String apiKey(String gatewayKey, MultiValueMap headers) {
    return gatewayKey != null && !gatewayKey.isEmpty() ? gatewayKey : headers.firstOrNull("x-api-key");
  }
}
