/**
 * Egress monitoring (optional, off by default): outbound HTTP connections through clients that consult the JVM's
 * {@link java.net.ProxySelector} are checked against an allow-list, reported, and in block mode refused. A tripwire
 * for unexpected egress, not a firewall; see {@link dev.lambdaguard.egress.EgressMonitor} for what it cannot see.
 */
package dev.lambdaguard.egress;
