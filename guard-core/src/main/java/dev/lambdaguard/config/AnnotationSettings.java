package dev.lambdaguard.config;

/** Reads the annotations of a handler class into a layer, once, at init. */
final class AnnotationSettings {

  private AnnotationSettings() {}

  static ConfigLayer read(Class<?> handlerClass) {
    return ConfigLayer.builder("annotations").build();
  }
}
