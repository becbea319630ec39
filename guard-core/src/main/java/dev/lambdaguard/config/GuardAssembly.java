package dev.lambdaguard.config;

import dev.lambdaguard.Guard;
import dev.lambdaguard.auth.JwtAuthenticator;
import dev.lambdaguard.input.InputPolicy;
import dev.lambdaguard.ratelimit.RateLimitBackend;
import dev.lambdaguard.ratelimit.RateLimitPolicy;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a configuration into code-builder calls: the one place where settings become a {@link Guard.Builder}, so
 * a configured guard and a hand-built one with the same settings are the same guard.
 */
final class GuardAssembly {

  private GuardAssembly() {}

  static Guard.Builder builder(GuardConfig config) {
    Blame blame = new Blame();
    try {
      return assemble(config, blame);
    } catch (ConfigurationException e) {
      throw e;
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw blame.failure(e); // a builder refused the value in use
    }
  }

  private static Guard.Builder assemble(GuardConfig config, Blame blame) {
    Guard.Builder guard = Guard.builder().environment(config.environment());
    JwtAuthenticator jwt = JwtAssembly.authenticator(config, config.secrets(), blame);
    if (jwt != null) {
      guard.jwt(jwt);
    }
    RateLimitPolicy rateLimits = rateLimits(config, blame);
    if (rateLimits != null) {
      guard.rateLimit(rateLimits);
    }
    ConfigValue strict = config.value(Setting.JSON_STRICT);
    if (strict != null && Values.bool(strict, Setting.JSON_STRICT.key())) {
      guard.strictJsonBodies();
    }
    InputPolicy input = InputAssembly.policy(config, blame);
    if (input != null) {
      guard.inputInspection(input);
    }
    ConfigValue sample = config.value(Setting.EVENTS_ALLOW_SAMPLE_RATE);
    if (sample != null) {
      blame.on(sample, Setting.EVENTS_ALLOW_SAMPLE_RATE.key());
      guard.allowEventSampleRate(Values.number(sample, Setting.EVENTS_ALLOW_SAMPLE_RATE.key()));
    }
    TelemetryAssembly.apply(config, guard, blame);
    return guard;
  }

  /** The rate-limit policy, or null when no source sets a limit. */
  private static RateLimitPolicy rateLimits(GuardConfig config, Blame blame) {
    RateLimitPolicy.Builder policy = RateLimitPolicy.builder();
    boolean any = false;
    ConfigValue perCaller = config.value(Setting.RATE_LIMIT);
    ConfigValue anonymous = config.value(Setting.RATE_LIMIT_ANONYMOUS);
    if (perCaller != null) {
      policy.authenticated(blame.on(perCaller, Setting.RATE_LIMIT.key()));
      any = true;
    }
    ConfigValue anonymousLimit = anonymous != null ? anonymous : perCaller;
    if (anonymousLimit != null) {
      Setting setting = anonymous != null ? Setting.RATE_LIMIT_ANONYMOUS : Setting.RATE_LIMIT;
      policy.anonymous(blame.on(anonymousLimit, setting.key()));
      any = true;
    }
    for (Map.Entry<String, Map<RouteSetting, ConfigValue>> route : config.routes().entrySet()) {
      ConfigValue limit = route.getValue().get(RouteSetting.RATE_LIMIT);
      if (limit != null) {
        policy.route(route.getKey(), blame.on(limit, RouteSetting.RATE_LIMIT.key()));
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
      policy.backend(redis(config, redis, blame));
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

  private static RateLimitBackend redis(GuardConfig config, ConfigValue value, Blame blame) {
    ConfigValue timeout = config.value(Setting.RATE_LIMIT_REDIS_TIMEOUT);
    java.time.Duration commandTimeout = timeout == null ? null
        : Values.duration(timeout, Setting.RATE_LIMIT_REDIS_TIMEOUT.key());
    RateLimitBackendFactory factory = Plugins.named(RateLimitBackendFactory.class, "redis", config.resources(), value,
        Setting.RATE_LIMIT_REDIS_URL.key(), "Redis backend", "guard-aws brings it, with lettuce");
    return factory.create(blame.on(value, Setting.RATE_LIMIT_REDIS_URL.key()).trim(), commandTimeout);
  }
}
