package dev.lambdaguard.internal;

import dev.lambdaguard.SecurityContext;

/**
 * The security context of the guarded invocation running on the current thread. One execution
 * environment may run invocations concurrently, each on its own thread, so a thread-local keeps them apart.
 */
public final class CurrentContext {

  private static final ThreadLocal<SecurityContext> CURRENT = new ThreadLocal<>();

  private CurrentContext() {}

  public static SecurityContext get() {
    return CURRENT.get();
  }

  /** Sets the context and returns the one it replaces, to be restored by {@link #restore}. */
  public static SecurityContext enter(SecurityContext context) {
    SecurityContext previous = CURRENT.get();
    CURRENT.set(context);
    return previous;
  }

  /**
   * Restores the context {@link #enter} replaced. Sets null rather than removing the entry: the thread
   * serves the next invocation too, and a removed entry would be re-created each time.
   */
  public static void restore(SecurityContext previous) {
    CURRENT.set(previous);
  }
}
