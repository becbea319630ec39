package dev.lambdaguard.aws.ratelimit;

import dev.lambdaguard.ratelimit.RateLimitPolicy;
import dev.lambdaguard.ratelimit.RateLimitRule;

/**
 * A separate JVM hammering one caller's bucket in Redis: {@code RedisHammer <url> <prefix> <attempts> <limits>}
 * prints {@code ADMITTED <n>}.
 */
public final class RedisHammer {

  private RedisHammer() {}

  public static void main(String[] args) {
    RateLimitPolicy policy = RateLimitPolicy.builder().anonymous(args[3]).build();
    RateLimitRule rule = policy.ruleFor(
        dev.lambdaguard.GuardRequest.builder("test").sourceIp("192.0.2.1").build(), dev.lambdaguard.SecurityContext.empty());
    int admitted = 0;
    try (RedisRateLimitBackend redis = RedisRateLimitBackend.builder(args[0]).keyPrefix(args[1])
        .commandTimeout(java.time.Duration.ofSeconds(2)).build()) {
      for (int i = 0; i < Integer.parseInt(args[2]); i++) {
        if (redis.tryConsume("anonymous:ip:192.0.2.1", rule).consumed()) {
          admitted++;
        }
      }
    }
    System.out.println("ADMITTED " + admitted);
  }
}
