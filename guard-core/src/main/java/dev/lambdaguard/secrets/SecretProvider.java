package dev.lambdaguard.secrets;

/**
 * Where secrets come from: AWS Secrets Manager, the Parameters and Secrets Lambda extension, SSM Parameter
 * Store. Implementations are thread-safe, bound every call by a timeout, and never put a secret value in an
 * exception message.
 */
public interface SecretProvider {

  /**
   * Fetches a secret.
   *
   * @param id the secret's name or ARN
   * @param versionStage the version stage ({@code AWSCURRENT}, {@code AWSPENDING}), or null for the current one
   * @throws SecretUnavailableException when the secret cannot be fetched now (throttling, 5xx, timeout, not found)
   */
  SecretValue fetch(String id, String versionStage);

  /**
   * Forgets what the provider itself may cache about {@code id}, before a forced refresh (a credential from it
   * was just rejected). Providers without a cache of their own do nothing.
   */
  default void invalidate(String id) {}

  /** A secret could not be fetched; the message names the secret id and the kind of failure, never a value. */
  final class SecretUnavailableException extends RuntimeException {
    public SecretUnavailableException(String message) {
      super(message, null, false, false);
    }
  }
}
