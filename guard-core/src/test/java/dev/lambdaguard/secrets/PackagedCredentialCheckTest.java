package dev.lambdaguard.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials in configuration files packaged with the function are found at init, by file and key, never shown. */
class PackagedCredentialCheckTest {

  // Built at run time from parts, so that no credential-shaped literal sits in the repository.
  static final String ACCESS_KEY = "AKIA" + "IOSFODNN7" + "EXAMPLE";
  static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY";

  @TempDir
  Path dir;

  Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  static URLClassLoader loaderOf(Path... roots) throws IOException {
    List<URL> urls = new ArrayList<>();
    for (Path root : roots) {
      urls.add(root.toUri().toURL());
    }
    return new URLClassLoader(urls.toArray(URL[]::new), null);
  }

  @Test
  void credentialsInPackagedFilesAreFoundByFileKeyAndKind() throws IOException {
    write(".aws/credentials", "[default]\naws_access_key_id = " + ACCESS_KEY + "\naws_secret_access_key = "
        + SECRET_KEY + "\nregion = eu-west-1\n");
    write("application.properties", "# settings\nserver.port=8080\naws.secretAccessKey=" + SECRET_KEY
        + "\ndb.password=${DB_PASSWORD}\nspring.datasource.url=jdbc:postgresql://db:5432/orders\n");
    write("application.yml", "spring:\n  cloud:\n    aws:\n      credentials:\n        access-key: '" + ACCESS_KEY
        + "'\n        secret-key: \"" + SECRET_KEY + "\"  # do not commit\n      region: eu-west-1\n");
    write(".env", "export DATABASE_URL=postgres://app:" + "hunter2pw" + "@db:5432/orders\nLOG_LEVEL=debug\n");
    try (URLClassLoader loader = loaderOf(dir)) {
      assertEquals(List.of(
          new PackagedCredentialCheck.Finding(".aws/credentials", "aws_access_key_id", "aws_long_term_access_key"),
          new PackagedCredentialCheck.Finding(".aws/credentials", "aws_secret_access_key", "aws_secret_access_key"),
          new PackagedCredentialCheck.Finding("application.properties", "aws.secretAccessKey",
              "aws_secret_access_key"),
          new PackagedCredentialCheck.Finding("application.yml", "access-key", "aws_long_term_access_key"),
          new PackagedCredentialCheck.Finding("application.yml", "secret-key", "aws_secret_access_key"),
          new PackagedCredentialCheck.Finding(".env", "DATABASE_URL", "password_in_connection_string")),
          PackagedCredentialCheck.scan(loader));
    }
  }

  @Test
  void aKeyEndsAtABlankSoNoPartOfTheValueIsEverNamed() {
    java.util.List<PackagedCredentialCheck.Finding> findings = new java.util.ArrayList<>();
    PackagedCredentialCheck.scanText("application.properties", "api.token Xk9#mQ2v:Lp7wR4zT8yB3nC6d\n"
        + "\"db password\" = Zq4!vN8rT2wL6yP0\n", findings);
    String all = findings.toString();
    assertFalse(all.contains("Xk9"), all);
    assertFalse(all.contains("Zq4"), all);
    assertTrue(all.contains("api.token"), all);
  }

  @Test
  void jarsOnTheClassPathAreNotOpened() throws IOException {
    Path jar = dir.resolve("lib/app-config.jar");
    Files.createDirectories(jar.getParent());
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new ZipEntry("AwsCredentials.properties"));
      out.write(("accessKey=" + ACCESS_KEY + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Files.writeString(classes.resolve("AwsCredentials.properties"), "secretKey=" + SECRET_KEY + "\n");
    try (URLClassLoader loader = loaderOf(jar, classes)) {
      assertEquals(List.of(new PackagedCredentialCheck.Finding("AwsCredentials.properties", "secretKey",
          "aws_secret_access_key")), PackagedCredentialCheck.scan(loader));
      assertTrue(PackagedCredentialCheck.scan(loader).stream().allMatch(f -> f.severity().equals("high")));
    }
  }

  @Test
  void ordinarySettingsPlaceholdersAndReferencesAreNotFindings() throws IOException {
    write("application.properties", "aws.region=eu-west-1\naws.secretAccessKey=${AWS_SECRET_ACCESS_KEY}\n"
        + "orders.secret=arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders-AbCdEf\n"
        + "token.audience=orders-api\nsecretKey=\n");
    write("credentials", "[default]\nregion = eu-west-1\ncredential_process = /opt/bin/creds\n");
    try (URLClassLoader loader = loaderOf(dir)) {
      assertEquals(List.of(), PackagedCredentialCheck.scan(loader));
    }
  }

  @Test
  void aHugeFileIsReadOnlyToItsBoundAndFindingsAreCapped() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      text.append("key").append(i).append(".aws_secret_access_key=").append(SECRET_KEY).append('\n');
    }
    write("config.properties", text.toString());
    try (URLClassLoader loader = loaderOf(dir)) {
      assertEquals(PackagedCredentialCheck.MAX_FINDINGS, PackagedCredentialCheck.scan(loader).size());
    }
  }

  /** A child JVM with a planted file on its class path builds a guard: high-severity warnings, no key written. */
  @Test
  void aGuardReportsPackagedCredentialsAtInitInAChildJvm() throws Exception {
    write("application.properties", "aws.accessKeyId=" + ACCESS_KEY + "\naws.secretAccessKey=" + SECRET_KEY + "\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp",
        dir + File.pathSeparator + System.getProperty("java.class.path"),
        CredentialCheckTest.GuardInit.class.getName()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().put("AWS_ACCESS_KEY_ID", ACCESS_KEY); // a long-term key in the environment too
    Process process = builder.start();
    String output;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      output = String.join("\n", out.lines().toList());
    }
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    List<String> warnings = output.lines().filter(l -> l.contains("\"event_type\":\"config_warning\"")).toList();
    assertEquals(3, warnings.size(), output);
    assertTrue(warnings.get(0).contains("\"warning\":\"credential_in_environment\"")
        && warnings.get(0).contains("\"kind\":\"aws_long_term_access_key\"")
        && warnings.get(0).contains("\"severity\":\"high\"")
        && warnings.get(0).contains("\"variable\":\"AWS_ACCESS_KEY_ID\""),
        warnings.get(0));
    assertTrue(warnings.get(1).contains("\"warning\":\"credential_in_package\"")
        && warnings.get(1).contains("\"variable\":\"aws.accessKeyId\"")
        && warnings.get(1).contains("\"severity\":\"high\"")
        && warnings.get(1).contains("\"resource\":\"application.properties\""), warnings.get(1));
    assertTrue(warnings.get(2).contains("\"kind\":\"aws_secret_access_key\""), warnings.get(2));
    assertFalse(output.contains(ACCESS_KEY), "an access key id was written");
    assertFalse(output.contains(SECRET_KEY.substring(0, 12)), "a secret key was written");
    assertFalse(output.contains(dir.toString()), "a file path was written");
  }
}
