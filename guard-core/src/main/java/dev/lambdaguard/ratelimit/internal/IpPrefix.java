package dev.lambdaguard.ratelimit.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The part of a source address that names one subscriber: an IPv4 address whole, an IPv6 address by its
 * /64 (one subscriber usually holds a whole /64, so keying by full address would give an attacker 2^64
 * fresh buckets).
 */
public final class IpPrefix {

  private IpPrefix() {}

  public static String of(String ip) {
    if (ip.indexOf(':') < 0) {
      return ip;
    }
    // Only a literal goes to InetAddress: hex digits, colons and dots (an embedded IPv4 tail); no name lookup.
    for (int i = 0; i < ip.length(); i++) {
      char c = ip.charAt(i);
      if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
        return ip;
      }
    }
    try {
      byte[] bytes = InetAddress.getByName(ip).getAddress();
      if (bytes.length != 16) {
        return ip;
      }
      StringBuilder prefix = new StringBuilder(24);
      for (int i = 0; i < 8; i += 2) {
        prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
      }
      return prefix.append(":/64").toString();
    } catch (UnknownHostException | IllegalArgumentException e) {
      return ip;
    }
  }
}
