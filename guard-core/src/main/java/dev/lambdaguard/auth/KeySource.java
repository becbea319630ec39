package dev.lambdaguard.auth;

import dev.lambdaguard.secrets.SecretCache;
import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where the keys that verify tokens come from. Never from the token itself.
 */
public sealed interface KeySource {

  /** A remote JWK set, fetched lazily, cached, refreshed on the invocation path, refetched (rate-limited) on an unknown key id. */
  static KeySource jwks(URI uri) {
    return new Remote(uri);
  }

  /** The JWK set named by the issuer's OpenID Connect discovery document ({@code /.well-known/openid-configuration}). */
  static KeySource oidcDiscovery() {
    return new Discovery();
  }

  /** A fixed JWK set given as JSON (from a file, an environment variable or a secret). */
  static KeySource staticJwks(String jwkSetJson) {
    return new Static(jwkSetJson);
  }

  /**
   * A shared secret for HS256/384/512, read once from {@code secret} at the first verification
   * (through the secrets SPI in production). The secret must be at least as long as the hash.
   */
  static KeySource hmac(Supplier<byte[]> secret) {
    return new Hmac(secret);
  }

  /**
   * A shared secret for HS256/384/512 held in a secret store: {@code reference} names the secret, or one
   * field of a JSON secret ({@code "orders/jwt#key"}), read through the shared cache at each verification.
   * The key is the value's UTF-8 bytes. When no key verifies a token, the secret is fetched again once
   * (rate-limited by the cache) before the token is refused, so a rotated key works at once.
   */
  static SecretHmac hmac(SecretCache secrets, String reference) {
    return new SecretHmac(secrets, reference, false);
  }

  /** A remote JWK set at a URI. */
  record Remote(URI uri) implements KeySource {
    public Remote {
      Objects.requireNonNull(uri, "uri");
    }
  }

  /** The JWK set found through the issuer's discovery document. */
  record Discovery() implements KeySource {}

  /** A fixed JWK set. */
  record Static(String jwkSetJson) implements KeySource {
    public Static {
      Objects.requireNonNull(jwkSetJson, "jwkSetJson");
    }

    @Override
    public String toString() {
      return "Static[JWK set]";
    }
  }

  /** A shared secret. */
  record Hmac(Supplier<byte[]> secret) implements KeySource {
    public Hmac {
      Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
      return "Hmac[secret]";
    }
  }

  /** A shared secret in a secret store; see {@link KeySource#hmac(SecretCache, String)}. */
  record SecretHmac(SecretCache secrets, String reference, boolean acceptPending) implements KeySource {
    public SecretHmac {
      Objects.requireNonNull(secrets, "secrets");
      Objects.requireNonNull(reference, "reference");
    }

    /**
     * Also accepts the {@code AWSPENDING} version during a rotation, so tokens signed with the next key verify
     * before the rotation makes it current (issuers that switch first).
     */
    public SecretHmac withPendingVersion() {
      return new SecretHmac(secrets, reference, true);
    }

    @Override
    public String toString() {
      return "SecretHmac[" + reference + (acceptPending ? ", pending accepted" : "") + "]";
    }
  }
}
