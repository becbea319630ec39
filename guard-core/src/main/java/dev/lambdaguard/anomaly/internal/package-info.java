/** The detector's bounded state: fixed-size keyed tables, distinct-count sketches, decayed counters, a seeded hash. */
package dev.lambdaguard.anomaly.internal;
