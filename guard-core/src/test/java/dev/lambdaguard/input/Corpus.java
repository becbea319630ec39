package dev.lambdaguard.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The labelled development corpus ({@code ../shared/corpus/injection-dev.jsonl}): attack and benign values. */
public final class Corpus {

  /** One labelled value; {@code category} is {@code benign} for benign rows. */
  public record Row(String value, boolean attack, String category, String source) {}

  private static List<Row> rows;

  private Corpus() {}

  public static synchronized List<Row> rows() {
    if (rows == null) {
      rows = load(path());
    }
    return rows;
  }

  static Path path() {
    String configured = System.getProperty("lambdaguard.corpus");
    Path path = configured != null ? Path.of(configured)
        : Path.of("..", "..", "shared", "corpus", "injection-dev.jsonl");
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException("corpus not found at " + path.toAbsolutePath() + " (set -Dlambdaguard.corpus)");
    }
    return path;
  }

  private static List<Row> load(Path path) {
    ObjectMapper mapper = new ObjectMapper();
    List<Row> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(path)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode row = mapper.readTree(line);
        out.add(new Row(row.get("value").asString(), row.get("label").asString().equals("attack"),
            row.get("category").asString(), row.path("source").asString("")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }
}
