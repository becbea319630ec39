package dev.lambdaguard.bench;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.lambdaguard.input.BodySchema;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Schema validation through the guard against calling the validator directly (issue #4): the orders body checked
 * against the example's schema, by {@link BodySchema} on the tree the guard already parsed, by networknt on the
 * same tree, and by networknt from the body's text (what a handler that validates on its own pays: a parse too).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class SchemaBenchmark {

  static final String BODY = "{\"item\":\"espresso beans\",\"quantity\":2,\"giftMessage\":\"Happy birthday!\"}";

  BodySchema guardSchema;
  Schema directSchema;
  JsonNode tree;

  @Setup(Level.Trial)
  public void setUp() {
    guardSchema = BodySchema.classpath("schemas/order.json");
    directSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(SchemaLocation.of("classpath:schemas/order.json"));
    tree = new ObjectMapper().readTree(BODY);
    if (!guardSchema.validate(tree).isEmpty() || !directSchema.validate(tree).isEmpty()) {
      throw new IllegalStateException("the benchmark body must be valid");
    }
  }

  @Benchmark
  public List<BodySchema.Violation> guardOnParsedTree() {
    return guardSchema.validate(tree);
  }

  @Benchmark
  public Object networkntOnParsedTree() {
    return directSchema.validate(tree);
  }

  @Benchmark
  public Object networkntFromText() {
    return directSchema.validate(BODY, InputFormat.JSON);
  }
}
