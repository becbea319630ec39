package dev.lambdaguard.examples.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layer's exec wrapper ({@code src/layer/lambda-guard}, {@code /opt/lambda-guard} in the layer), run with bash
 * as Lambda runs it: {@code /opt/lambda-guard <runtime command...>}, the handler setting in {@code _HANDLER} and, as
 * on the Java 17+ managed runtimes, as the command's last argument. A stand-in runtime command prints what it got.
 */
class ExecWrapperScriptTest {

  static final Path SCRIPT = Path.of("src", "layer", "lambda-guard");
  private static final String HANDLER = "com.example.Orders::handleRequest";
  private static final String ENTRY = "dev.lambdaguard.aws.layer.LambdaGuardHandler";

  @TempDir Path opt;
  private Path runtime;

  /** /opt as the layer lays it out, and a runtime command that prints its arguments and the handler variables. */
  @BeforeEach
  void layOut() throws IOException {
    Files.copy(SCRIPT, opt.resolve("lambda-guard"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.createDirectories(opt.resolve("java/lib"));
    Files.write(opt.resolve("java/lib/lambda-guard.jar"), new byte[0]);
    runtime = executable(opt.resolve("runtime"), """
        #!/bin/bash
        echo "_HANDLER=$_HANDLER"
        echo "GUARD_HANDLER=${GUARD_HANDLER:-}"
        echo "NEXT=${NEXT_RAN:-no}"
        for a in "$@"; do echo "arg=$a"; done
        """);
  }

  private static Path executable(Path path, String text) throws IOException {
    Files.writeString(path, text);
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    return path;
  }

  private record Run(int exit, String out, String err) {}

  private Run run(Map<String, String> environment) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", opt.resolve("lambda-guard").toString(),
        runtime.toString(), "-XX:+UseSerialGC", "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
        HANDLER));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("GUARD_") || name.equals("_HANDLER"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the script did not end");
    return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static Map<String, String> env(String... pairs) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @Test
  void theHandlerSettingAndTheHandlerArgumentBecomeTheGuardsAndTheFunctionsMovesToGuardHandler() throws Exception {
    Run run = run(env("_HANDLER", HANDLER));

    assertEquals(0, run.exit(), run.err());
    assertEquals("""
        _HANDLER=%s
        GUARD_HANDLER=%s
        NEXT=no
        arg=-XX:+UseSerialGC
        arg=com.amazonaws.services.lambda.runtime.api.client.AWSLambda
        arg=%s
        """.formatted(ENTRY, HANDLER, ENTRY), run.out());
    assertEquals("", run.err());
  }

  @Test
  void anotherWrapperIsChainedThroughGuardLayerNextWrapper() throws Exception {
    Path next = executable(opt.resolve("vendor-wrapper"), """
        #!/bin/bash
        export NEXT_RAN="yes, handler $_HANDLER"
        exec "$@"
        """);

    Run run = run(env("_HANDLER", HANDLER, "GUARD_LAYER_NEXT_WRAPPER", next.toString()));

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("NEXT=yes, handler " + ENTRY + "\n"), run.out());
    assertTrue(run.out().contains("arg=" + ENTRY + "\n"), run.out());
  }

  @Test
  void withoutTheGuardsJarInitFailsWithTheReasonAndTheFunctionDoesNotStart() throws Exception {
    Files.delete(opt.resolve("java/lib/lambda-guard.jar"));

    Run run = run(env("_HANDLER", HANDLER));

    assertEquals(1, run.exit());
    assertEquals("", run.out());
    assertTrue(run.err().contains("the guard's jar is not in " + opt.toRealPath().resolve("java/lib")), run.err());
    assertTrue(run.err().contains("does not start unguarded"), run.err());
  }

  @Test
  void failOpenStartsTheFunctionUnguardedAndSaysSo() throws Exception {
    Files.delete(opt.resolve("java/lib/lambda-guard.jar"));

    Run run = run(env("_HANDLER", HANDLER, "GUARD_LAYER_FAIL_OPEN", "true"));

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("_HANDLER=" + HANDLER + "\nGUARD_HANDLER=\n"), run.out());
    assertTrue(run.out().contains("arg=" + HANDLER + "\n"), run.out());
    assertTrue(run.err().contains("starts WITHOUT the guard"), run.err());
  }

  @Test
  void aNextWrapperThatCannotRunFailsInit() throws Exception {
    Run run = run(env("_HANDLER", HANDLER, "GUARD_LAYER_NEXT_WRAPPER", opt.resolve("missing").toString()));

    assertEquals(1, run.exit());
    assertEquals("", run.out());
    assertTrue(run.err().contains("GUARD_LAYER_NEXT_WRAPPER=" + opt.resolve("missing") + " is not an executable"),
        run.err());
  }

  @Test
  void noHandlerSettingFailsInit() throws Exception {
    Run run = run(env());

    assertEquals(1, run.exit());
    assertTrue(run.err().contains("_HANDLER is empty"), run.err());
  }

  @Test
  void aHandlerSettingThatIsAlreadyTheGuardsIsKeptWhenGuardHandlerNamesTheFunctions() throws Exception {
    Run kept = run(env("_HANDLER", ENTRY, "GUARD_HANDLER", HANDLER));
    Run refused = run(env("_HANDLER", ENTRY));

    assertEquals(0, kept.exit(), kept.err());
    assertTrue(kept.out().startsWith("_HANDLER=" + ENTRY + "\nGUARD_HANDLER=" + HANDLER + "\n"), kept.out());
    assertEquals(1, refused.exit());
    assertTrue(refused.err().contains("GUARD_HANDLER does not name the function's"), refused.err());
  }
}
