package dev.lambdaguard.aws.layer;

/**
 * A Lambda handler setting as the Java runtime reads it: {@code package.Class} for a class implementing
 * {@code RequestHandler} or {@code RequestStreamHandler}, {@code package.Class::method} for a method. The last
 * {@code ::} separates the two, as in the runtime interface client.
 *
 * @param className the class
 * @param methodName the method, or null for a handler class
 */
record HandlerName(String className, String methodName) {

  static HandlerName parse(String handler) {
    if (handler == null || handler.isBlank()) {
      throw new IllegalArgumentException("no handler given");
    }
    String value = handler.strip();
    int colons = value.lastIndexOf("::");
    if (colons < 0) {
      return new HandlerName(value, null);
    }
    String className = value.substring(0, colons);
    String method = value.substring(colons + 2);
    if (className.isEmpty() || method.isEmpty()) {
      throw new IllegalArgumentException("invalid handler: `" + value + "'");
    }
    return new HandlerName(className, method);
  }

  @Override
  public String toString() {
    return methodName == null ? className : className + "::" + methodName;
  }
}
