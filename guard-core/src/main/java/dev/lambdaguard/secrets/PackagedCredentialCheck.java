package dev.lambdaguard.secrets;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds credentials in configuration files packaged with the function: an {@code .aws/credentials}-style file,
 * {@code AwsCredentials.properties}, an {@code application.properties} or {@code application.yml} holding
 * {@code aws.secretAccessKey}, a {@code .env}. A file in the deployment package is copied to every build
 * artifact, to the code bucket and to anyone allowed {@code lambda:GetFunction}, and cannot be rotated without a
 * deployment, so every finding is of high severity.
 *
 * <p>Bounded and cheap, for init: it lists no directory and asks the class loader for nothing; it looks up the
 * {@link #NAMES} in each directory of the class path (on Lambda the deployment package is unpacked under
 * {@code /var/task}, so the function's own files are there: one file-system lookup per name), reads the first
 * {@value #MAX_BYTES} bytes of a file found, and stops at {@value #MAX_FINDINGS} findings. Jars on the class
 * path (dependencies in {@code lib/}, layers) are not opened: reading a jar's index costs milliseconds each at
 * cold start, and the function's own configuration is not in them. Plain {@code java.io} only: the JDK has those
 * classes loaded before any function code runs. Each
 * {@code key=value} or {@code key: value} line is judged by the same rules as an environment variable
 * ({@link CredentialCheck}). Findings name the file and the key, never the value.
 */
public final class PackagedCredentialCheck {

  /** One key in one packaged file that holds a credential. */
  public record Finding(String resource, String key, String kind) {
    /** Always {@code high}: see the class comment. */
    public String severity() {
      return "high";
    }
  }

  /** The configuration files looked for, by class-path resource name. */
  public static final List<String> NAMES = List.of(".aws/credentials", "aws/credentials", "credentials",
      "aws-credentials", ".aws/config", "AwsCredentials.properties", "aws.properties", "credentials.properties",
      "application.properties", "application.yml", "application.yaml", "bootstrap.properties", "bootstrap.yml",
      "config.properties", "secrets.properties", ".env");

  static final int MAX_ROOTS = 256;
  static final int MAX_BYTES = 64 * 1024;
  static final int MAX_FINDINGS = 32;
  static final int MAX_KEY_LENGTH = 128;

  private PackagedCredentialCheck() {}

  /**
   * The findings in the files at the roots of {@code loader}'s class path (its URLs when it is a
   * {@link URLClassLoader}, as Lambda's loader of function code is; {@code java.class.path} otherwise). A file
   * that cannot be read is skipped.
   */
  public static List<Finding> scan(ClassLoader loader) {
    return scan(roots(loader));
  }

  /** The findings in the files at {@code roots} that are directories, in order. */
  static List<Finding> scan(List<File> roots) {
    List<Finding> findings = new ArrayList<>();
    for (File root : roots) {
      if (findings.size() >= MAX_FINDINGS) {
        break;
      }
      if (root.isDirectory()) {
        for (String name : NAMES) {
          File file = new File(root, name);
          if (file.isFile()) {
            try (InputStream in = new FileInputStream(file)) {
              scanText(name, new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8), findings);
            } catch (IOException | RuntimeException e) {
              // unreadable: nothing to report about it
            }
          }
        }
      }
    }
    return List.copyOf(findings); // scanText stops at MAX_FINDINGS, one finding a line at most
  }

  /**
   * The class-path roots, without asking the class loader for resources: a resource lookup goes through the
   * JDK's loaders first, and their first lookup of a name outside any package indexes every module (tens of
   * milliseconds at cold start).
   */
  static List<File> roots(ClassLoader loader) {
    List<File> roots = new ArrayList<>();
    if (loader instanceof URLClassLoader urls) {
      for (URL url : urls.getURLs()) {
        if (roots.size() < MAX_ROOTS && url.getProtocol().equals("file")) {
          try {
            roots.add(new File(url.toURI()));
          } catch (URISyntaxException | RuntimeException e) {
            // not a local path
          }
        }
      }
    } else {
      String classPath = System.getProperty("java.class.path", "");
      for (String entry : classPath.split(File.pathSeparator)) {
        if (roots.size() < MAX_ROOTS && !entry.isEmpty()) {
          roots.add(new File(entry));
        }
      }
    }
    return roots;
  }

  /** The findings in one file's {@code text}, named {@code resource}. */
  static void scanText(String resource, String text, List<Finding> findings) {
    int start = 0;
    while (start < text.length() && findings.size() < MAX_FINDINGS) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      line(resource, text.substring(start, end), findings);
      start = end + 1;
    }
  }

  private static void line(String resource, String raw, List<Finding> findings) {
    String line = raw.strip();
    if (line.startsWith("- ")) {
      line = line.substring(2).strip();
    }
    if (line.startsWith("export ")) {
      line = line.substring(7).strip();
    }
    if (line.isEmpty() || "#!;[".indexOf(line.charAt(0)) >= 0) {
      return;
    }
    // The key ends at the first '=', ':' or blank, as in a properties file (`key value` is a pair too): a key read
    // past a blank could hold the start of the value, and the key is what the event names.
    int split = 0;
    while (split < line.length() && "=: \t".indexOf(line.charAt(split)) < 0) {
      split++;
    }
    if (split == 0 || split == line.length()) {
      return;
    }
    String key = line.substring(0, split);
    String rest = line.substring(split).strip();
    if (!rest.isEmpty() && (rest.charAt(0) == '=' || rest.charAt(0) == ':')) {
      rest = rest.substring(1).strip();
    }
    String value = unquote(withoutComment(rest));
    if (value.isEmpty() || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      return;
    }
    String kind = CredentialCheck.kind(key.toUpperCase(Locale.ROOT), value);
    if (kind != null) {
      findings.add(new Finding(resource, isPlainName(key) ? key : "(unnamed)", kind));
    }
  }

  /** A key the event may name: letters, digits and {@code _ . -} only, nothing a value could be made of. */
  private static boolean isPlainName(String key) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static String withoutComment(String value) {
    int hash = value.indexOf(" #");
    return hash < 0 ? value : value.substring(0, hash).strip();
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
        && value.charAt(value.length() - 1) == value.charAt(0)) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
