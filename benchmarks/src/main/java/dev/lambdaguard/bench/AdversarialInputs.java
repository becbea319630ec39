package dev.lambdaguard.bench;

import java.util.Random;

/**
 * Inputs of 1 MiB shaped to make a naive scanner slow: near misses repeated, so that no detector can stop at a
 * first match and any quadratic rescan shows. Shared by the benchmark and the functional check that each one
 * scans at all.
 */
public final class AdversarialInputs {

  public static final int SIZE = 1024 * 1024;

  private AdversarialInputs() {}

  public static String oneMiB(String shape) {
    return switch (shape) {
      case "quotes" -> repeat("'\"");
      case "percent" -> repeat("%25");
      case "tags" -> repeat("<a b=");
      case "lookups" -> repeat("${");
      case "sqlwords" -> repeat("select from where union ");
      case "entities" -> repeat("&#");
      case "comments" -> repeat("/*");
      case "parens" -> repeat("((");
      case "dots" -> repeat("..x");
      case "mixed" -> mixed();
      default -> throw new IllegalArgumentException("unknown shape: " + shape);
    };
  }

  private static String repeat(String unit) {
    StringBuilder out = new StringBuilder(SIZE);
    while (out.length() < SIZE) {
      out.append(unit);
    }
    out.setLength(SIZE);
    return out.toString();
  }

  /** Special characters and fragments of every category, shuffled with a fixed seed. */
  private static String mixed() {
    String[] parts = {"'", "\"", "<", ">", "(", ")", "${", "{{", "../", "%", "&", ";", "|", "`", "$", "/*", "--",
        "or ", "select ", "script", "on", "=", ":", "//", "\\", "\r", "\n", "[", "]", "*", "#", "@", "a", " "};
    Random random = new Random(42);
    StringBuilder out = new StringBuilder(SIZE);
    while (out.length() < SIZE) {
      out.append(parts[random.nextInt(parts.length)]);
    }
    out.setLength(SIZE);
    return out.toString();
  }
}
