package dev.lambdaguard.input;

/** What an injection finding does to the request. */
public enum InspectionMode {
  /** Refuse the request (400 {@code injection_detected}) and write the finding with the denial. */
  BLOCK,
  /** Let the request through and write a detection event (rolling a policy out, or a field known to be noisy). */
  MONITOR,
  /** Do not look for this category at all. */
  OFF
}
