package dev.lambdaguard.config;

import dev.lambdaguard.Guard;
import dev.lambdaguard.anomaly.AnomalyPolicy;
import dev.lambdaguard.anomaly.AnomalyType;
import dev.lambdaguard.events.EventJson;
import dev.lambdaguard.events.Redactor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The event format, metrics and anomaly detection settings, turned into builder calls. */
final class TelemetryAssembly {

  private TelemetryAssembly() {}

  static void apply(GuardConfig config, Guard.Builder guard, Blame blame) {
    boolean ocsf = ocsf(config);
    if (ocsf) {
      guard.ocsfEvents();
    }
    ConfigValue namespace = config.value(Setting.METRICS_NAMESPACE);
    if (namespace != null) {
      MetricsSinkFactory factory = metrics(config, namespace);
      String name = blame.on(namespace, Setting.METRICS_NAMESPACE.key()).trim();
      factory.aroundStdout(name, new EventJson(Redactor.shared())); // a bad namespace fails now, at load
      // Built with the guard: the events keep the format and redactor the builder ends up with.
      guard.metrics(format -> factory.aroundStdout(name, format));
    }
    AnomalyPolicy anomalies = anomalyPolicy(config, blame);
    if (anomalies != null) {
      guard.anomalyDetection(anomalies);
    }
  }

  private static boolean ocsf(GuardConfig config) {
    ConfigValue format = config.value(Setting.EVENTS_FORMAT);
    if (format == null) {
      return false;
    }
    return switch (format.text().trim().toLowerCase(Locale.ROOT)) {
      case "json" -> false;
      case "ocsf" -> true;
      default -> throw Values.fail(format, Setting.EVENTS_FORMAT.key(), "expected json or ocsf");
    };
  }

  private static MetricsSinkFactory metrics(GuardConfig config, ConfigValue value) {
    return Plugins.named(MetricsSinkFactory.class, "emf", config.resources(), value, Setting.METRICS_NAMESPACE.key(),
        "EMF metrics writer", "guard-aws brings it");
  }

  /** The anomaly policy, or null when detection is off or not configured. */
  private static AnomalyPolicy anomalyPolicy(GuardConfig config, Blame blame) {
    ConfigValue detection = config.value(Setting.ANOMALY_DETECTION);
    ConfigValue redis = config.value(Setting.ANOMALY_REDIS_URL);
    if (detection != null) {
      blame.on(detection, Setting.ANOMALY_DETECTION.key()); // a builder refusing the policy blames this setting
    }
    Set<AnomalyType> detectors = detection == null ? null : detectors(detection);
    if (detectors == null || detectors.isEmpty()) {
      if (redis != null) {
        throw Values.fail(redis, Setting.ANOMALY_REDIS_URL.key(), "anomaly detection is not on (anomaly.detection)");
      }
      return null;
    }
    AnomalyPolicy.Builder policy = AnomalyPolicy.builder();
    List<AnomalyType> chosen = new ArrayList<>(detectors);
    policy.only(chosen.get(0), chosen.subList(1, chosen.size()).toArray(new AnomalyType[0]));
    if (redis != null) {
      policy.sharedFailures(sharedFailures(config, redis, blame));
    }
    return policy.build();
  }

  /** {@code on} (every detector), {@code off} (none), or detector codes. */
  private static Set<AnomalyType> detectors(ConfigValue value) {
    String text = value.text().trim().toLowerCase(Locale.ROOT);
    if (text.equals("on") || text.equals("true")) {
      return EnumSet.allOf(AnomalyType.class);
    }
    if (text.equals("off") || text.equals("false")) {
      return EnumSet.noneOf(AnomalyType.class);
    }
    Set<AnomalyType> detectors = EnumSet.noneOf(AnomalyType.class);
    for (String code : Values.list(value, Setting.ANOMALY_DETECTION.key())) {
      detectors.add(detector(code.toLowerCase(Locale.ROOT), value));
    }
    return detectors;
  }

  private static AnomalyType detector(String code, ConfigValue value) {
    List<String> known = new ArrayList<>();
    for (AnomalyType type : AnomalyType.values()) {
      if (type.code().equals(code)) {
        return type;
      }
      known.add(type.code());
    }
    throw Values.fail(value, Setting.ANOMALY_DETECTION.key(), "unknown detector '" + code + "' (on, off, or "
        + String.join(", ", known) + ")");
  }

  private static dev.lambdaguard.anomaly.SharedFailures sharedFailures(GuardConfig config, ConfigValue value,
      Blame blame) {
    SharedFailuresFactory factory = Plugins.named(SharedFailuresFactory.class, "redis", config.resources(), value,
        Setting.ANOMALY_REDIS_URL.key(), "Redis store", "guard-aws brings it, with lettuce");
    return factory.create(blame.on(value, Setting.ANOMALY_REDIS_URL.key()).trim());
  }
}
