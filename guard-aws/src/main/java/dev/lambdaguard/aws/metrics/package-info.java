/**
 * Security metrics in CloudWatch Embedded Metric Format: one structured log write per invocation that CloudWatch
 * Logs turns into metrics, with no network call from the function. Not the event lines themselves (see
 * {@code dev.lambdaguard.events}).
 */
package dev.lambdaguard.aws.metrics;
