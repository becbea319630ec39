package dev.lambdaguard.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A class loader over a fresh directory holding the given files, as a function package would. */
final class Resources {

  private Resources() {}

  /** {@code files}: name, content, name, content... */
  static ClassLoader with(String... files) {
    try {
      Path dir = Files.createTempDirectory("guard-config");
      for (int i = 0; i < files.length; i += 2) {
        Path file = dir.resolve(files[i]);
        Files.createDirectories(file.getParent());
        Files.writeString(file, files[i + 1], StandardCharsets.UTF_8);
      }
      return new URLClassLoader(new URL[] {dir.toUri().toURL()}, Resources.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
