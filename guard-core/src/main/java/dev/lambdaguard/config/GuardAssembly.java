package dev.lambdaguard.config;

import dev.lambdaguard.Guard;
import dev.lambdaguard.auth.JwtAuthenticator;
import dev.lambdaguard.input.InputPolicy;
import dev.lambdaguard.ratelimit.RateLimitPolicy;
import dev.lambdaguard.ratelimit.RateLimitBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Map;

/**
 * Turns a configuration into code-builder calls: the one place where settings become a {@link Guard.Builder}, so
 * a configured guard and a hand-built one with the same settings are the same guard.
 */
final class GuardAssembly {

  private GuardAssembly() {}

  static Guard.Builder builder(GuardConfig config) {
    SecretsSupport secrets = config.secrets();
    Guard.Builder guard = Guard.builder().environment(config.environment());
    JwtAuthenticator jwt = JwtAssembly.authenticator(config, secrets);
    if (jwt != null) {
      guard.jwt(jwt);
    }
    RateLimitPolicy rateLimits = rateLimits(config);
    if (rateLimits != null) {
      guard.rateLimit(rateLimits);
    }
    ConfigValue strict = config.value(Setting.JSON_STRICT);
    if (strict != null && Values.bool(strict, Setting.JSON_STRICT.key())) {
      guard.strictJsonBodies();
    }
    InputPolicy input = InputAssembly.policy(config);
    if (input != null) {
      guard.inputInspection(input);
    }
    ConfigValue sample = config.value(Setting.EVENTS_ALLOW_SAMPLE_RATE);
    if (sample != null) {
      double rate = Values.number(sample, Setting.EVENTS_ALLOW_SAMPLE_RATE.key());
      Values.apply(sample, Setting.EVENTS_ALLOW_SAMPLE_RATE.key(), t -> guard.allowEventSampleRate(rate));
    }
    return guard;
  }

  /** The rate-limit policy, or null when no source sets a limit. */
  static RateLimitPolicy rateLimits(GuardConfig config) {
    RateLimitPolicy.Builder policy = RateLimitPolicy.builder();
    boolean any = false;
    ConfigValue perCaller = config.value(Setting.RATE_LIMIT);
    ConfigValue anonymous = config.value(Setting.RATE_LIMIT_ANONYMOUS);
    if (perCaller != null) {
      Values.apply(perCaller, Setting.RATE_LIMIT.key(), policy::authenticated);
      any = true;
    }
    ConfigValue anonymousLimit = anonymous != null ? anonymous : perCaller;
    if (anonymousLimit != null) {
      Setting setting = anonymous != null ? Setting.RATE_LIMIT_ANONYMOUS : Setting.RATE_LIMIT;
      Values.apply(anonymousLimit, setting.key(), policy::anonymous);
      any = true;
    }
    for (Map.Entry<String, Map<RouteSetting, ConfigValue>> route : config.routes().entrySet()) {
      ConfigValue limit = route.getValue().get(RouteSetting.RATE_LIMIT);
      if (limit != null) {
        Values.apply(limit, RouteSetting.RATE_LIMIT.key(), text -> policy.route(route.getKey(), text));
        any = true;
      }
    }
    ConfigValue failure = config.value(Setting.RATE_LIMIT_ON_BACKEND_FAILURE);
    if (failure != null) {
      String text = failure.text().trim().toLowerCase(Locale.ROOT);
      policy.onBackendFailure(switch (text) {
        case "local" -> RateLimitPolicy.BackendFailure.FALL_BACK_TO_LOCAL;
        case "fail-closed" -> RateLimitPolicy.BackendFailure.FAIL_CLOSED;
        default -> throw Values.fail(failure, Setting.RATE_LIMIT_ON_BACKEND_FAILURE.key(), "expected local or fail-closed");
      });
    }
    ConfigValue redis = config.value(Setting.RATE_LIMIT_REDIS_URL);
    if (redis != null) {
      policy.backend(Values.apply(redis, Setting.RATE_LIMIT_REDIS_URL.key(), url -> redis(config, redis, url.trim())));
    }
    ConfigValue preCheck = config.value(Setting.RATE_LIMIT_LOCAL_PRE_CHECK);
    if (preCheck != null && Values.bool(preCheck, Setting.RATE_LIMIT_LOCAL_PRE_CHECK.key())) {
      if (redis == null) {
        throw Values.fail(preCheck, Setting.RATE_LIMIT_LOCAL_PRE_CHECK.key(), "needs a shared store (rateLimit.redisUrl)");
      }
      policy.localPreCheck();
    }
    if (!any) {
      ConfigValue stray = failure != null ? failure : redis != null ? redis : preCheck;
      if (stray != null) {
        throw Values.fail(stray, "rateLimit", "no limit is configured (rateLimit.limit, or a route's rateLimit)");
      }
      return null;
    }
    return policy.build();
  }

  private static RateLimitBackend redis(GuardConfig config, ConfigValue value, String url) {
    List<String> found = new ArrayList<>();
    for (RateLimitBackendFactory factory : ServiceLoader.load(RateLimitBackendFactory.class, config.resources())) {
      if (factory.name().equals("redis")) {
        ConfigValue timeout = config.value(Setting.RATE_LIMIT_REDIS_TIMEOUT);
        return factory.create(url, timeout == null ? null : Values.apply(timeout, Setting.RATE_LIMIT_REDIS_TIMEOUT.key(),
            t -> Values.duration(timeout, Setting.RATE_LIMIT_REDIS_TIMEOUT.key())));
      }
      found.add(factory.name());
    }
    throw Values.fail(value, Setting.RATE_LIMIT_REDIS_URL.key(), "no Redis backend on the class path (found: " + found
        + "; guard-aws brings it, with lettuce)");
  }
}
