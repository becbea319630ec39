package dev.lambdaguard.events;

import dev.lambdaguard.Finding;
import dev.lambdaguard.Reason;
import java.util.List;
import java.util.Objects;

/**
 * What one invocation came to, in the few values metrics need. The guard hands one to its sink at the end of
 * every invocation ({@link EventSink#endInvocation}), also when the invocation's allow event was sampled out, so
 * that counts stay exact whatever the sampling.
 *
 * @param invocation where it happened; never null
 * @param route the gateway's route key, or null (ALB, pass-through events)
 * @param decision {@code allow}, {@code deny}, {@code error} (the guard failed and refused) or
 *     {@code pass_through}
 * @param reason the denial's reason for {@code deny} and {@code error}, otherwise null
 * @param findings what inspections found, blocking or not; never null, often empty
 * @param chainNanos time spent in the guard, the handler's own time excluded; 0 for pass-through events
 */
public record InvocationSummary(
    InvocationInfo invocation, String route, String decision, Reason reason, List<Finding> findings, long chainNanos) {

  public InvocationSummary {
    Objects.requireNonNull(invocation, "invocation");
    Objects.requireNonNull(decision, "decision");
    findings = List.copyOf(findings);
  }
}
