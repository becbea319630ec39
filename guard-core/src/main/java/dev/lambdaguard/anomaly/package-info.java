/**
 * Anomaly detection inside the function: attack patterns that no single request shows (credential stuffing,
 * scanning and enumeration, one token used from many places, volume spikes), found from the decided requests of
 * one execution environment with bounded memory and under a microsecond of CPU per request, and reported as
 * {@code anomaly} events. Opt-in through {@link dev.lambdaguard.Guard.Builder#anomalyDetection}.
 *
 * <p>Not a decision: the detector never denies. Not a fleet view: each execution environment sees its own share of
 * the traffic.
 */
package dev.lambdaguard.anomaly;
