package dev.lambdaguard.ratelimit.internal;

import dev.lambdaguard.ratelimit.Limit;
import dev.lambdaguard.ratelimit.RateProbe;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.ConsumptionProbe;
import java.util.List;

/** The one place that turns limits into bucket4j configurations and bucket4j probes into ours. */
public final class Buckets {

  private Buckets() {}

  public static BucketConfiguration configuration(List<Limit> limits) {
    ConfigurationBuilder builder = BucketConfiguration.builder();
    for (Limit limit : limits) {
      builder.addLimit(Bandwidth.builder().capacity(limit.capacity())
          .refillGreedy(limit.capacity(), limit.period()).build());
    }
    return builder.build();
  }

  public static RateProbe probe(ConsumptionProbe probe) {
    return probe.isConsumed()
        ? RateProbe.allowed(probe.getRemainingTokens(), probe.getNanosToWaitForReset())
        : RateProbe.refused(probe.getNanosToWaitForRefill(), probe.getNanosToWaitForReset());
  }
}
