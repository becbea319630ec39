package dev.lambdaguard;

/**
 * The user's handler as the innermost link of the chain, seen by the guard without any AWS type.
 */
@FunctionalInterface
public interface Terminal {

  /**
   * Runs the handler.
   *
   * @param context the security context the chain built
   * @return the handler's response, passed back unchanged
   * @throws Exception whatever the handler throws; the guard rethrows it unchanged
   */
  Object invoke(SecurityContext context) throws Exception;
}
