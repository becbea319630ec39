package dev.lambdaguard.bench;

import java.util.List;
import java.util.Random;

/**
 * Inputs of 1 MiB shaped to make a naive scanner slow: near misses repeated, so that no detector can stop at a
 * first match and any quadratic rescan shows. Shared by the benchmark and the functional check that each one
 * scans at all.
 */
public final class AdversarialInputs {

  public static final int SIZE = 1024 * 1024;

  /**
   * Every shape, by name: the first ten are floods of one trigger; the rest repeat short fragments of real syntax
   * (markup, shell, template expressions, URLs, escapes, Unicode forms) that reach deeper into the detectors; the
   * last five spread such shapes through prose ({@link #inProse}). The benchmark's {@code @Param} list must name the
   * same shapes.
   */
  public static final List<String> SHAPES = List.of("quotes", "percent", "tags", "lookups", "sqlwords", "entities",
      "comments", "parens", "dots", "mixed", "shellwords", "shellmix", "calls", "attributes", "markup", "images",
      "hrefs", "braces", "expressions", "urls", "emails", "escapes", "xmlcomments", "jsonkeys", "encodedpaths",
      "fullwidth", "marks", "tags+letters", "images+letters", "urls+letters", "shellwords+letters",
      "jsonkeys+letters", "evals", "functions", "templateticks", "jsescapes", "hexescapes", "hexurls", "ipv6urls",
      "starbraces", "opens", "formpairs", "evals+letters", "jsescapes+letters", "winpaths", "uncpaths",
      "userinfourls", "lookupmath+letters", "velocity", "escapedbreaks+letters", "semicolons+letters",
      "colons+letters", "backslashes+letters", "tagcalls+letters", "mixed+prose", "marks+prose", "winpaths+prose",
      "uncpaths+prose", "templateticks+prose");

  /** Every letter, digit and a few separators: appended to a flood, it defeats gates on the value's character set. */
  static final String EVERY_LETTER = " abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:/-";

  private AdversarialInputs() {}

  public static String oneMiB(String shape) {
    if (shape.endsWith("+prose")) {
      return inProse(shape.substring(0, shape.length() - "+prose".length())); // any shape, not only the listed
    }
    if (shape.endsWith("+letters")) {
      return withEveryLetter(oneMiB(shape.substring(0, shape.length() - "+letters".length())));
    }
    return switch (shape) {
      case "quotes" -> flood("'\"");
      case "percent" -> flood("%25");
      case "tags" -> flood("<a b=");
      case "lookups" -> flood("${");
      case "sqlwords" -> flood("select from where union ");
      case "entities" -> flood("&#");
      case "comments" -> flood("/*");
      case "parens" -> flood("((");
      case "dots" -> flood("..x");
      case "mixed" -> mixed();
      case "shellwords" -> flood(";cat 'x");
      case "shellmix" -> flood("a(b)c;d|e&sh'f");
      case "calls" -> flood("sh(");
      case "attributes" -> flood("<ab sh=");
      case "markup" -> flood("<div class=x>");
      case "images" -> flood("<img src=x>");
      case "hrefs" -> flood("<a href=");
      case "braces" -> flood("{{a}}");
      case "expressions" -> flood("${a}");
      case "urls" -> flood("http://a");
      case "emails" -> flood("a@b.c/");
      case "escapes" -> flood("\\\\n");
      case "xmlcomments" -> flood("<!--");
      case "jsonkeys" -> flood("\"a\":");
      case "encodedpaths" -> flood("..%2f");
      case "fullwidth" -> flood("\uff1c\uff53");
      case "marks" -> flood("e\u0301");
      // calls and escapes whose look-ahead once ran on for hundreds of characters at every occurrence
      case "evals" -> flood("eval(");
      case "functions" -> flood("Function(");
      case "templateticks" -> flood("=`");
      case "jsescapes" -> flood("\\u");
      case "hexescapes" -> flood("\\x");
      case "hexurls" -> flood("http://0x7f.1/");
      case "ipv6urls" -> flood("http://[::1]");
      case "starbraces" -> flood("*{");
      case "opens" -> flood("open(");
      case "formpairs" -> flood("a=b&");
      // the worst floods FloodSweep found: each costs one or more detectors a judgment at every few characters
      case "winpaths" -> flood(";C:\\a\\b ");
      case "uncpaths" -> flood("\\\\127.0.0.1\\");
      case "userinfourls" -> flood("http://a@127.0.0.1/");
      case "lookupmath" -> flood("${7*7}");
      case "velocity" -> flood("#set($");
      case "escapedbreaks" -> flood("\\nX:");
      case "semicolons" -> flood(";");
      case "colons" -> flood(":");
      case "backslashes" -> flood("\\");
      // found by floods of two and three fragments: a tagged template at every step, each quote unbalanced
      case "tagcalls" -> flood("a`,");
      default -> throw new IllegalArgumentException("unknown shape: " + shape);
    };
  }

  /**
   * {@code shape} spread among words (a {@code +prose} shape): its first {@value #PIECE} characters, then words,
   * then its next {@value #PIECE}, and so on, the shape a tenth of the whole. A detector's work at a trigger can
   * depend on what follows it (a backquote opens a template that the words then fill, a quote a string), and a
   * flood never lets it read far; here each trigger's context reads on into prose, as an attack fragment pasted
   * into every page of a long text would.
   */
  static String inProse(String shape) {
    String dense = oneMiB(shape);
    StringBuilder out = new StringBuilder(SIZE + PIECE * DILUTION);
    for (int from = 0; out.length() < SIZE; from = (from + PIECE) % dense.length()) {
      out.append(dense, from, from + PIECE);
      for (int i = 0; i < PIECE * (DILUTION - 1); i++) {
        out.append(WORDS.charAt(i % WORDS.length()));
      }
    }
    out.setLength(SIZE);
    return out.toString();
  }

  private static final int PIECE = 256;
  private static final int DILUTION = 10;
  private static final String WORDS = " lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor";

  /** {@link #flood} of {@code unit}, its last characters replaced by {@link #EVERY_LETTER} (a {@code +letters} shape). */
  public static String floodWithLetters(String unit) {
    return withEveryLetter(flood(unit));
  }

  /** {@link #floodWithLetters(String)} of {@code size} characters instead of {@link #SIZE}. */
  public static String floodWithLetters(String unit, int size) {
    return withEveryLetter(flood(unit, size));
  }

  private static String withEveryLetter(String flood) {
    return flood.substring(0, flood.length() - EVERY_LETTER.length()) + EVERY_LETTER;
  }

  /**
   * The same flood, not exactly periodic: every 97th copy is followed by a letter that changes each time, as a
   * real payload's varying parts would be. A scanner that reads one period of a periodic value and infers the rest
   * gains nothing here.
   */
  public static String floodVaried(String unit) {
    StringBuilder out = new StringBuilder(SIZE + unit.length() + 1);
    for (int copy = 0; out.length() < SIZE; copy++) {
      out.append(unit);
      if (copy % 97 == 96) {
        out.append((char) ('a' + copy / 97 % 26));
      }
    }
    out.setLength(SIZE);
    return out.toString();
  }

  /** {@code unit} repeated to exactly {@link #SIZE} characters (the last copy cut short). */
  public static String flood(String unit) {
    return flood(unit, SIZE);
  }

  private static String flood(String unit, int size) {
    StringBuilder out = new StringBuilder(size);
    while (out.length() < size) {
      out.append(unit);
    }
    out.setLength(size);
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
