package dev.lambdaguard.aws.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.Guard;
import dev.lambdaguard.aws.GuardedRequestHandler;
import dev.lambdaguard.aws.RecordingSink;
import dev.lambdaguard.aws.TestContext;
import dev.lambdaguard.aws.permissions.LoopbackAws.Answer;
import dev.lambdaguard.aws.secrets.SecretsManagerEmulator;
import dev.lambdaguard.aws.secrets.SecretsManagerProvider;
import dev.lambdaguard.events.SecurityEvent.PermissionsObservedEvent;
import dev.lambdaguard.permissions.ObservedPermissions;
import dev.lambdaguard.permissions.ObservedPermissions.Permission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Real SDK v2 clients (Secrets Manager, S3, DynamoDB), built the ordinary way with no interceptor added in code,
 * over real HTTP to loopback servers: what the global interceptor records is what the calls needed.
 */
class ObservedPermissionsInterceptorTest {

  // Test values for request signing only; the loopback servers check nothing.
  static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
      AwsBasicCredentials.builder().accessKeyId("test-key-id").secretAccessKey("test-secret-key")
          .accountId("111122223333").build());

  final ObservedPermissions observed = ObservedPermissions.environment();
  LoopbackAws aws;

  @BeforeEach
  void start() throws Exception {
    observed.clear();
    aws = new LoopbackAws(request -> Answer.json(200, "{}"));
  }

  @AfterEach
  void stop() {
    aws.close();
    observed.clear();
  }

  S3Client s3() {
    return S3Client.builder().endpointOverride(aws.endpoint()).forcePathStyle(true).region(Region.EU_WEST_1)
        .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
  }

  DynamoDbClient dynamoDb() {
    return DynamoDbClient.builder().endpointOverride(aws.endpoint()).region(Region.EU_WEST_1)
        .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
  }

  SecretsManagerClient secretsManager() {
    return SecretsManagerClient.builder().endpointOverride(aws.endpoint()).region(Region.EU_WEST_1)
        .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
  }

  /** action -> resource -> "calls/denied" */
  Map<String, String> seen() {
    return observed.snapshot().permissions().stream().collect(Collectors.toMap(
        p -> p.action() + " " + p.resource(), p -> p.calls() + "/" + p.denied(), (a, b) -> a,
        java.util.TreeMap::new));
  }

  @Test
  void s3CallsAreRecordedAsTheirIamActionsOnBucketAndObjectArnsEachPageACall() {
    aws.answer(request -> {
      if (request.method().equals("GET") && request.query() != null && request.query().contains("list-type=2")) {
        boolean second = request.query().contains("continuation-token=page-2");
        return Answer.xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>invoices</Name>"
            + "<KeyCount>1</KeyCount><MaxKeys>1</MaxKeys><IsTruncated>" + !second + "</IsTruncated>"
            + (second ? "" : "<NextContinuationToken>page-2</NextContinuationToken>")
            + "<Contents><Key>" + (second ? "b.pdf" : "a.pdf") + "</Key><Size>3</Size></Contents></ListBucketResult>");
      }
      return new Answer(200, "application/octet-stream", request.method().equals("GET") ? "pdf" : "");
    });
    try (S3Client s3 = s3()) {
      List<String> keys = s3.listObjectsV2Paginator(r -> r.bucket("invoices").maxKeys(1)).contents().stream()
          .map(S3Object::key).toList();
      assertEquals(List.of("a.pdf", "b.pdf"), keys, "two pages");
      assertEquals("pdf", s3.getObjectAsBytes(r -> r.bucket("invoices").key("2026/a.pdf")).asUtf8String());
      s3.headObject(r -> r.bucket("invoices").key("2026/a.pdf"));
      s3.putObject(r -> r.bucket("archive").key("copy.pdf"), RequestBody.fromString("pdf"));
    }
    assertEquals(Map.of(
        "s3:ListBucket arn:aws:s3:::invoices", "2/0",
        "s3:GetObject arn:aws:s3:::invoices/2026/a.pdf", "2/0",
        "s3:PutObject arn:aws:s3:::archive/copy.pdf", "1/0"), seen());
  }

  @Test
  void dynamoDbCallsNameTheirTablesWithTheCallersAccountAndAScanIsOneCallPerPage() {
    aws.answer(request -> switch (request.target()) {
      case "DynamoDB_20120810.Scan" -> Answer.json(200, request.body().contains("ExclusiveStartKey")
          ? "{\"Items\":[{\"id\":{\"S\":\"2\"}}],\"Count\":1,\"ScannedCount\":1}"
          : "{\"Items\":[{\"id\":{\"S\":\"1\"}}],\"Count\":1,\"ScannedCount\":1,"
              + "\"LastEvaluatedKey\":{\"id\":{\"S\":\"1\"}}}");
      case "DynamoDB_20120810.BatchGetItem" -> Answer.json(200, "{\"Responses\":{}}");
      default -> Answer.json(200, "{}");
    });
    try (DynamoDbClient dynamoDb = dynamoDb()) {
      dynamoDb.putItem(r -> r.tableName("Orders").item(Map.of("id", AttributeValue.fromS("1"))));
      assertEquals(2, dynamoDb.scanPaginator(r -> r.tableName("Orders").indexName("byCustomer")).items().stream()
          .count());
      dynamoDb.batchGetItem(r -> r.requestItems(Map.of(
          "Customers", software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
              .keys(Map.of("id", AttributeValue.fromS("c1"))).build())));
    }
    assertEquals(Map.of(
        "dynamodb:PutItem arn:aws:dynamodb:eu-west-1:111122223333:table/Orders", "1/0",
        "dynamodb:Scan arn:aws:dynamodb:eu-west-1:111122223333:table/Orders/index/byCustomer", "2/0",
        "dynamodb:BatchGetItem arn:aws:dynamodb:eu-west-1:111122223333:table/Customers", "1/0"), seen());
  }

  @Test
  void withCredentialsThatNameNoAccountTheAccountComesFromTheFunctionsArnOnceTheGuardHasSeenIt() {
    // As Lambda's own environment credentials: a key, a secret and a session token, no account id.
    StaticCredentialsProvider lambdaStyle = StaticCredentialsProvider.create(
        software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create("test-key-id", "test-secret", "token"));
    try (DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(aws.endpoint()).region(Region.EU_WEST_1)
        .credentialsProvider(lambdaStyle).httpClient(UrlConnectionHttpClient.create()).build()) {
      dynamoDb.getItem(r -> r.tableName("Orders").key(Map.of("id", AttributeValue.fromS("1"))));
      assertEquals(Map.of("dynamodb:GetItem arn:aws:dynamodb:eu-west-1:*:table/Orders", "1/0"), seen(),
          "before the first invocation the account is unknown");
      observed.learnAccount("arn:aws:lambda:eu-west-1:444455556666:function:orders:live");
      observed.learnAccount("arn:aws:lambda:eu-west-1:999999999999:function:other"); // the first one stays
      dynamoDb.getItem(r -> r.tableName("Orders").key(Map.of("id", AttributeValue.fromS("2"))));
      assertEquals("1/0", seen().get("dynamodb:GetItem arn:aws:dynamodb:eu-west-1:444455556666:table/Orders"),
          seen().toString());
    }
  }

  @Test
  void anAccessDeniedCallIsRecordedAsDeniedWhileOtherFailuresAreOrdinaryCalls() {
    aws.answer(request -> {
      if ("DynamoDB_20120810.DeleteItem".equals(request.target())) {
        return Answer.json(400, "{\"__type\":\"com.amazon.coral.service#AccessDeniedException\",\"message\":\"no\"}");
      }
      if ("DynamoDB_20120810.GetItem".equals(request.target())) {
        return Answer.json(500,
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"boom\"}");
      }
      if ("secretsmanager.GetSecretValue".equals(request.target())) {
        return new Answer(400, "application/x-amz-json-1.1",
            "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the secret.\"}");
      }
      return Answer.xml(403, "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>");
    });
    try (DynamoDbClient dynamoDb = dynamoDb(); S3Client s3 = s3(); SecretsManagerClient sm = secretsManager()) {
      assertThrows(DynamoDbException.class, () -> dynamoDb.deleteItem(r -> r.tableName("Orders")
          .key(Map.of("id", AttributeValue.fromS("1")))));
      assertThrows(DynamoDbException.class, () -> dynamoDb.getItem(r -> r.tableName("Orders")
          .key(Map.of("id", AttributeValue.fromS("1")))));
      assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(r -> r.bucket("private").key("k")));
      assertThrows(S3Exception.class, () -> s3.headObject(r -> r.bucket("private").key("k")));
      assertThrows(SecretsManagerException.class, () -> sm.getSecretValue(r -> r.secretId("prod/missing")));
    }
    assertEquals(Map.of(
        "dynamodb:DeleteItem arn:aws:dynamodb:eu-west-1:111122223333:table/Orders", "1/1",
        "dynamodb:GetItem arn:aws:dynamodb:eu-west-1:111122223333:table/Orders", "1/0",
        "s3:GetObject arn:aws:s3:::private/k", "2/2",
        "secretsmanager:GetSecretValue arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/missing-??????",
        "1/0"),
        seen(), "a 500 retried is one call; a 403 HEAD without a body is a denial too");
  }

  @Test
  void theSecretsManagerCachingClientsCallsAreSeenWithTheSecretsArn() throws Exception {
    try (SecretsManagerEmulator emulator = new SecretsManagerEmulator();
        SecretsManagerProvider provider = SecretsManagerProvider.builder().endpoint(emulator.endpoint())
            .region("us-east-1").credentials(CREDENTIALS)
            .timeouts(Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofSeconds(2)).build()) {
      emulator.put("prod/db", "{\"password\":\"never-recorded-7f3a\"}", "v1");
      provider.fetch("prod/db", null);
      provider.fetch("prod/db", "AWSPENDING");
    } catch (dev.lambdaguard.secrets.SecretProvider.SecretUnavailableException expected) {
      // no pending version in the emulator: the call was still made
    }
    Map<String, String> seen = seen();
    assertTrue(seen.containsKey(
        "secretsmanager:GetSecretValue arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db"),
        seen.toString());
    assertTrue(seen.toString().indexOf("never-recorded") < 0);
  }

  @Test
  void manyDistinctTablesStayWithinTheBoundFoldedIntoTheAccountsTables() {
    aws.answer(request -> Answer.json(200, "{\"Responses\":{}}"));
    int tables = ObservedPermissions.MAX_ENTRIES + 100;
    try (DynamoDbClient dynamoDb = dynamoDb()) {
      for (int call = 0; call < 3; call++) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes> items = new java.util.HashMap<>();
        for (int i = call * tables / 3; i < (call + 1) * tables / 3; i++) {
          items.put("tenant-" + i, software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
              .keys(Map.of("id", AttributeValue.fromS("1"))).build());
        }
        dynamoDb.batchGetItem(r -> r.requestItems(items));
      }
    }
    List<Permission> kept = observed.snapshot().permissions();
    assertEquals(ObservedPermissions.MAX_ENTRIES + 1, kept.size());
    Permission folded = kept.stream()
        .filter(p -> p.resource().equals("arn:aws:dynamodb:eu-west-1:111122223333:table/*")).findFirst().orElseThrow();
    assertEquals(100, folded.calls());
    assertEquals(0, observed.snapshot().dropped());
  }

  @Test
  void theGuardedHandlerWritesWhatItsHandlerCalledAtTheEndOfTheInvocation() {
    RecordingSink sink = new RecordingSink();
    Guard guard = Guard.builder().eventSink(sink).environment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders")).build();
    try (DynamoDbClient dynamoDb = dynamoDb()) {
      var handler = GuardedRequestHandler.<Map<String, Object>, String>wrap((event, context) -> {
        dynamoDb.putItem(r -> r.tableName("Orders").item(Map.of("id", AttributeValue.fromS("1"))));
        return "stored";
      }, guard);
      handler.handleRequest(Map.of("Records", List.of(Map.of("eventSource", "aws:sqs"))), new TestContext("r-1"));
      handler.handleRequest(Map.of("Records", List.of(Map.of("eventSource", "aws:sqs"))), new TestContext("r-1"));
    }
    List<PermissionsObservedEvent> events = sink.eventsOf(PermissionsObservedEvent.class);
    assertEquals(1, events.size(), sink.lines().toString());
    assertEquals("dynamodb:PutItem", events.get(0).permissions().get(0).action());
    assertTrue(sink.lines().stream().anyMatch(l -> l.contains("\"event_type\":\"permissions_observed\"")
        && l.contains("arn:aws:dynamodb:eu-west-1:111122223333:table/Orders")));
  }
}
