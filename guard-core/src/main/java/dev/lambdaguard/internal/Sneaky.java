package dev.lambdaguard.internal;

/** Rethrows a throwable as it is, checked or not, so that a handler's own exception leaves the guard unchanged. */
public final class Sneaky {

  private Sneaky() {}

  @SuppressWarnings("unchecked")
  public static <T extends Throwable> RuntimeException rethrow(Throwable t) throws T {
    throw (T) t;
  }
}
