package dev.lambdaguard.bench.coldstart;

/** Test access to the package-private entry point of {@link ColdStartApp}. */
public final class ColdStartAppAccess {

  private ColdStartAppAccess() {}

  public static int status(String variant, byte[] event) {
    return ColdStartApp.invoke(variant, event).getStatusCode();
  }
}
