package dev.lambdaguard.config;

import dev.lambdaguard.annotation.BodySchema;
import dev.lambdaguard.annotation.Guarded;
import dev.lambdaguard.annotation.InjectionPolicy;
import dev.lambdaguard.annotation.Jwt;
import dev.lambdaguard.annotation.RateLimit;
import dev.lambdaguard.annotation.RichText;
import dev.lambdaguard.annotation.Route;
import dev.lambdaguard.input.Category;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the annotations of a handler class and of its handler method into a layer, once, at init: the method's
 * replace the class's setting by setting; the {@link Route}s of the class and of every method it declares are
 * collected. The only reflection the configuration does.
 */
final class AnnotationSettings {

  private static final List<Class<? extends Annotation>> SETTING_ANNOTATIONS =
      List.of(Guarded.class, Jwt.class, RateLimit.class, BodySchema.class, InjectionPolicy.class, RichText.class);

  /** A stable order of methods (the JVM gives none), as a class rather than a lambda: nothing spun at run time. */
  private static final Comparator<Method> BY_SIGNATURE = new Comparator<>() {
    @Override
    public int compare(Method a, Method b) {
      return a.toGenericString().compareTo(b.toGenericString());
    }
  };

  private AnnotationSettings() {}

  /**
   * @param methodName the handler method ({@code Class::method} of the handler string), or null to find it: the one
   *     method marked {@link Guarded}, else an annotated {@code handleRequest}
   */
  static ConfigLayer read(Class<?> handlerClass, String methodName) {
    ConfigLayer.Builder layer = ConfigLayer.builder("annotations");
    settings(handlerClass, " on " + handlerClass.getName(), layer);
    Method method = handlerMethod(handlerClass, methodName);
    if (method != null) {
      settings(method, " on " + handlerClass.getName() + "." + method.getName(), layer);
    }
    routes(handlerClass, layer);
    return layer.build();
  }

  private static Method handlerMethod(Class<?> type, String methodName) {
    List<Method> candidates = new ArrayList<>();
    List<Method> guarded = new ArrayList<>();
    for (Method m : declared(type)) {
      if (methodName != null ? m.getName().equals(methodName) : m.getName().equals("handleRequest")) {
        if (annotated(m)) {
          candidates.add(m);
        }
      }
      if (m.isAnnotationPresent(Guarded.class)) {
        guarded.add(m);
      }
    }
    if (methodName == null && candidates.isEmpty()) {
      candidates = guarded;
    }
    if (candidates.size() > 1) {
      throw new ConfigurationException("Lambda Guard configuration: " + type.getName() + " has " + candidates.size()
          + " annotated handler methods " + names(candidates) + ": name the handler method (Class::method)");
    }
    return candidates.isEmpty() ? null : candidates.get(0);
  }

  private static boolean annotated(Method m) {
    for (Class<? extends Annotation> a : SETTING_ANNOTATIONS) {
      if (m.isAnnotationPresent(a)) {
        return true;
      }
    }
    return false;
  }

  /** The methods the class declares, bridges left out, in a stable order. */
  private static List<Method> declared(Class<?> type) {
    List<Method> methods = new ArrayList<>();
    for (Method m : type.getDeclaredMethods()) {
      if (!m.isBridge() && !m.isSynthetic()) {
        methods.add(m);
      }
    }
    methods.sort(BY_SIGNATURE);
    return methods;
  }

  private static List<String> names(List<Method> methods) {
    List<String> names = new ArrayList<>();
    for (Method m : methods) {
      names.add(m.getName() + Arrays.toString(m.getParameterTypes()).replace('[', '(').replace(']', ')'));
    }
    return names;
  }

  private static void settings(AnnotatedElement element, String where, ConfigLayer.Builder layer) {
    Guarded guarded = element.getAnnotation(Guarded.class);
    if (guarded != null) {
      if (guarded.denyUnlisted()) {
        layer.set(Setting.JWT_DENY_UNLISTED, "true", "@Guarded(denyUnlisted)" + where);
      }
      if (guarded.strictJson()) {
        layer.set(Setting.JSON_STRICT, "true", "@Guarded(strictJson)" + where);
      }
      text(layer, Setting.EVENTS_ALLOW_SAMPLE_RATE, guarded.allowEventSampleRate(), "@Guarded(allowEventSampleRate)" + where);
      text(layer, Setting.EVENTS_FORMAT, guarded.eventFormat(), "@Guarded(eventFormat)" + where);
      text(layer, Setting.METRICS_NAMESPACE, guarded.metricsNamespace(), "@Guarded(metricsNamespace)" + where);
      text(layer, Setting.ANOMALY_DETECTION, guarded.anomalyDetection(), "@Guarded(anomalyDetection)" + where);
    }
    Jwt jwt = element.getAnnotation(Jwt.class);
    if (jwt != null) {
      text(layer, Setting.JWT_PRESET, jwt.preset(), "@Jwt(preset)" + where);
      text(layer, Setting.JWT_ISSUER, jwt.issuer(), "@Jwt(issuer)" + where);
      list(layer, Setting.JWT_AUDIENCE, jwt.audience(), "@Jwt(audience)" + where);
      list(layer, Setting.JWT_CLIENT_IDS, jwt.clientIds(), "@Jwt(clientIds)" + where);
      text(layer, Setting.JWT_JWKS_URL, jwt.jwksUrl(), "@Jwt(jwksUrl)" + where);
      text(layer, Setting.JWT_JWKS_RESOURCE, jwt.jwksResource(), "@Jwt(jwksResource)" + where);
      text(layer, Setting.JWT_JWKS_FILE, jwt.jwksFile(), "@Jwt(jwksFile)" + where);
      text(layer, Setting.JWT_HMAC_KEY_REF, jwt.hmacKeyRef(), "@Jwt(hmacKeyRef)" + where);
      list(layer, Setting.JWT_ALGORITHMS, jwt.algorithms(), "@Jwt(algorithms)" + where);
      list(layer, Setting.JWT_SCOPES, jwt.scopes(), "@Jwt(scopes)" + where);
      list(layer, Setting.JWT_ROLES, jwt.roles(), "@Jwt(roles)" + where);
      text(layer, Setting.JWT_CLOCK_SKEW, jwt.clockSkew(), "@Jwt(clockSkew)" + where);
    }
    RateLimit rateLimit = element.getAnnotation(RateLimit.class);
    if (rateLimit != null) {
      // Set even when empty: an empty limit is a mistake the limit parser names, not "not set".
      layer.set(Setting.RATE_LIMIT, rateLimit.value(), "@RateLimit(value)" + where);
      text(layer, Setting.RATE_LIMIT_ANONYMOUS, rateLimit.anonymous(), "@RateLimit(anonymous)" + where);
    }
    BodySchema schema = element.getAnnotation(BodySchema.class);
    if (schema != null) {
      layer.set(Setting.INPUT_SCHEMA, schema.value(), "@BodySchema(value)" + where);
    }
    InjectionPolicy injection = element.getAnnotation(InjectionPolicy.class);
    if (injection != null) {
      layer.set(Setting.INPUT_ENABLED, "true", "@InjectionPolicy" + where);
      text(layer, Setting.INPUT_MODE, injection.mode(), "@InjectionPolicy(mode)" + where);
      list(layer, Setting.INPUT_CATEGORIES, codes(injection.categories()), "@InjectionPolicy(categories)" + where);
      list(layer, Setting.INPUT_MONITOR, codes(injection.monitor()), "@InjectionPolicy(monitor)" + where);
      list(layer, Setting.INPUT_ALLOW, injection.allow(), "@InjectionPolicy(allow)" + where);
    }
    RichText richText = element.getAnnotation(RichText.class);
    if (richText != null) {
      layer.set(Setting.INPUT_RICH_TEXT, String.join(",", richText.value()), "@RichText(value)" + where);
    }
  }

  private static void routes(Class<?> type, ConfigLayer.Builder layer) {
    Map<String, String> declaredAt = new HashMap<>();
    routes(type, " on " + type.getName(), declaredAt, layer);
    for (Method m : declared(type)) {
      routes(m, " on " + type.getName() + "." + m.getName(), declaredAt, layer);
    }
  }

  private static void routes(AnnotatedElement element, String where, Map<String, String> declaredAt,
      ConfigLayer.Builder layer) {
    for (Route route : element.getAnnotationsByType(Route.class)) {
      String key = route.value();
      String origin = "@Route(\"" + key + "\")" + where;
      String earlier = declaredAt.putIfAbsent(key, where);
      if (earlier != null) {
        throw new ConfigurationException("Lambda Guard configuration: " + origin + ": the route is declared twice (also"
            + earlier + ")");
      }
      layer.route(key, origin);
      String prefix = "@Route(\"" + key + "\").";
      routeList(layer, key, RouteSetting.SCOPES, route.scopes(), prefix + "scopes" + where);
      routeList(layer, key, RouteSetting.ROLES, route.roles(), prefix + "roles" + where);
      routeText(layer, key, RouteSetting.RATE_LIMIT, route.rateLimit(), prefix + "rateLimit" + where);
      routeText(layer, key, RouteSetting.SCHEMA, route.schema(), prefix + "schema" + where);
      routeList(layer, key, RouteSetting.RICH_TEXT, route.richText(), prefix + "richText" + where);
      routeText(layer, key, RouteSetting.MODE, route.mode(), prefix + "mode" + where);
      routeList(layer, key, RouteSetting.ALLOW, route.allow(), prefix + "allow" + where);
    }
  }

  private static String[] codes(Category[] categories) {
    String[] codes = new String[categories.length];
    for (int i = 0; i < categories.length; i++) {
      codes[i] = categories[i].code();
    }
    return codes;
  }

  private static void text(ConfigLayer.Builder layer, Setting setting, String value, String origin) {
    if (!value.isEmpty()) {
      layer.set(setting, value, origin);
    }
  }

  private static void list(ConfigLayer.Builder layer, Setting setting, String[] values, String origin) {
    if (values.length > 0) {
      layer.set(setting, String.join(",", values), origin);
    }
  }

  private static void routeText(ConfigLayer.Builder layer, String route, RouteSetting setting, String value, String origin) {
    if (!value.isEmpty()) {
      layer.set(route, setting, value, origin);
    }
  }

  private static void routeList(ConfigLayer.Builder layer, String route, RouteSetting setting, String[] values,
      String origin) {
    if (values.length > 0) {
      layer.set(route, setting, String.join(",", values), origin);
    }
  }
}
