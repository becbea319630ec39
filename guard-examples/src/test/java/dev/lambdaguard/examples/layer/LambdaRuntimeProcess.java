package dev.lambdaguard.examples.layer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * A Lambda execution environment's Java runtime in a separate JVM, started as the managed runtime starts it: the
 * exec wrapper named by {@code AWS_LAMBDA_EXEC_WRAPPER} ({@code <layer>/lambda-guard}) runs the runtime command,
 * {@code java ... com.amazonaws.services.lambda.runtime.api.client.AWSLambda <handler>} of the real runtime interface
 * client, with {@code _HANDLER} set. The class path holds, in this order, the runtime's jars
 * ({@code /var/runtime/lib}), the function's ({@code /var/task}) and the layer's ({@code /opt/java/lib}), each
 * directory's jars in lexical order as the runtime lists them. Output goes to files the test can read.
 */
final class LambdaRuntimeProcess implements AutoCloseable {

  static final Path TARGET = Path.of("target").toAbsolutePath();
  static final String MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
  /** The runtime interface client's system property naming its JNI library, instead of one fixed /tmp file. */
  static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private LambdaRuntimeProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * Starts the runtime.
   *
   * @param work this environment's own directory (the task root, the JNI library and the output files go there)
   * @param opt the unpacked layer
   * @param functionJars the function's jars
   * @param handler the function's handler setting
   * @param environment the function's environment variables
   */
  static LambdaRuntimeProcess start(Path work, Path opt, List<Path> functionJars, String handler,
      RuntimeApiEmulator api, Map<String, String> environment) throws IOException {
    Path task = Files.createDirectories(work.resolve("task"));
    List<Path> classPath = new ArrayList<>(jars(TARGET.resolve("runtime-interface-client")));
    classPath.addAll(functionJars);
    classPath.addAll(jars(opt.resolve("java/lib")));
    List<String> command = new ArrayList<>(List.of(opt.resolve("lambda-guard").toString(),
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        "-D" + JNI_PROPERTY + "=" + extractJni(work), "-cp", join(classPath), MAIN, handler));
    ProcessBuilder builder = new ProcessBuilder(command).directory(task.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("GUARD_") || name.startsWith("AWS_")
        || name.startsWith("_HANDLER") || name.startsWith("JAVA_TOOL"));
    builder.environment().putAll(Map.of(
        "_HANDLER", handler,
        "AWS_LAMBDA_RUNTIME_API", api.address(),
        "AWS_LAMBDA_FUNCTION_NAME", "orders",
        "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512",
        "AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/orders",
        "AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/29/[$LATEST]0123456789abcdef",
        "AWS_REGION", "us-east-1"));
    builder.environment().putAll(environment);
    Path out = work.resolve("stdout.txt");
    Path err = work.resolve("stderr.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    return new LambdaRuntimeProcess(builder.start(), out, err);
  }

  /** The layer zip unpacked as Lambda unpacks it into /opt, file modes kept. */
  static Path unpackLayer(Path zip, Path opt) throws IOException {
    try (FileSystem layer = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
        Map.of("enablePosixFileAttributes", "true"))) {
      Path root = layer.getPath("/");
      try (Stream<Path> entries = Files.walk(root)) {
        for (Path entry : entries.toList()) {
          Path target = opt.resolve(root.relativize(entry).toString());
          if (Files.isDirectory(entry)) {
            Files.createDirectories(target);
          } else {
            Files.copy(entry, target, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(target,
                Files.getFileAttributeView(entry, PosixFileAttributeView.class).readAttributes().permissions());
          }
        }
      }
    }
    return opt;
  }

  /** The client's JNI library for this machine, in this environment's own file. */
  private static Path extractJni(Path work) throws IOException {
    String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64";
    Path client = jars(TARGET.resolve("runtime-interface-client")).stream()
        .filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
        .findFirst().orElseThrow();
    Path library = work.resolve("libaws-lambda-jni.so");
    try (ZipFile jar = new ZipFile(client.toFile());
        InputStream in = jar.getInputStream(jar.getEntry("jni/libaws-lambda-jni.linux-" + arch + ".so"))) {
      Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
    }
    return library;
  }

  static List<Path> jars(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
  }

  private static String join(List<Path> paths) {
    return String.join(java.io.File.pathSeparator, paths.stream().map(Path::toString).toList());
  }

  /** Whether the process ended within the time, and its exit code then (else null). */
  Integer exitCode(int seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String stdout() throws IOException {
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  String stderr() throws IOException {
    return Files.readString(stderr, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
