package dev.lambdaguard;

/** Small interceptors for tests, each with the name the events will carry. */
public final class Interceptors {

  private Interceptors() {}

  /** {@code body} under the name {@code name}. */
  public static Interceptor named(String name, Interceptor body) {
    return new Interceptor() {
      @Override
      public Outcome intercept(Chain chain) {
        return body.intercept(chain);
      }

      @Override
      public String name() {
        return name;
      }
    };
  }

  /** Proceeds with the context unchanged. */
  public static Interceptor passing(String name) {
    return named(name, Chain::proceed);
  }

  /** Throws any throwable, checked or not, without declaring it: what Kotlin or Lombok code can do. */
  @SuppressWarnings("unchecked")
  public static <T extends Throwable> RuntimeException sneakyThrow(Throwable t) throws T {
    throw (T) t;
  }
}
