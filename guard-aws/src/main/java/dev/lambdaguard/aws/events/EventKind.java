package dev.lambdaguard.aws.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import java.util.List;
import java.util.Map;

/**
 * What kind of event an invocation carries: an HTTP request the guard inspects (with its adapter), or
 * another event that passes through untouched under a name such as {@code sqs}.
 *
 * <p>One recogniser serves typed inputs (by class) and JSON inputs (by shape, for stream handlers and
 * handlers that take a {@code Map}).
 *
 * @param source the event source name used in events
 * @param adapter the adapter for an HTTP event, or null for a pass-through event
 */
public record EventKind(String source, HttpEventAdapter<?> adapter) {

  private static final HttpApiAdapter HTTP_API = new HttpApiAdapter();
  private static final RestApiAdapter REST_API = new RestApiAdapter();
  private static final AlbAdapter ALB = new AlbAdapter();
  // Made once: the HTTP kinds are looked up on every invocation.
  private static final EventKind HTTP_API_KIND = new EventKind(HttpApiAdapter.HTTP_API, HTTP_API);
  private static final EventKind REST_API_KIND = new EventKind(RestApiAdapter.SOURCE, REST_API);
  private static final EventKind ALB_KIND = new EventKind(AlbAdapter.SOURCE, ALB);

  public boolean isHttp() {
    return adapter != null;
  }

  /** The kind of a typed input. */
  public static EventKind ofInput(Object input) {
    if (input instanceof APIGatewayV2HTTPEvent) {
      return HTTP_API_KIND;
    }
    if (input instanceof APIGatewayProxyRequestEvent) {
      return REST_API_KIND;
    }
    if (input instanceof ApplicationLoadBalancerRequestEvent) {
      return ALB_KIND;
    }
    if (input == null) {
      return new EventKind("null", null);
    }
    return new EventKind(typedSourceName(input.getClass().getSimpleName()), null);
  }

  /** The kind of an event given as parsed JSON (a map from the runtime's own deserializer). */
  public static EventKind ofJson(Map<?, ?> json) {
    Map<?, ?> rc = json.get("requestContext") instanceof Map<?, ?> m ? m : Map.of();
    if (json.containsKey("type") && (json.containsKey("methodArn") || json.containsKey("routeArn"))) {
      return new EventKind("apigw-authorizer", null);
    }
    if (rc.containsKey("elb")) {
      return ALB_KIND;
    }
    if ("2.0".equals(json.get("version")) && rc.containsKey("http")) {
      return HTTP_API_KIND;
    }
    if (json.containsKey("httpMethod") && (rc.containsKey("identity") || rc.containsKey("resourceId"))) {
      return REST_API_KIND;
    }
    if (rc.containsKey("connectionId")) {
      return new EventKind("apigw-websocket", null);
    }
    if (rc.containsKey("serviceNetworkArn")) {
      return new EventKind("vpc-lattice", null);
    }
    if (json.get("Records") instanceof List<?> records && !records.isEmpty()
        && records.get(0) instanceof Map<?, ?> first) {
      return new EventKind(recordSource(first), null);
    }
    if (json.containsKey("detail-type")) {
      return new EventKind("eventbridge", null);
    }
    if (json.containsKey("triggerSource")) {
      return new EventKind("cognito", null);
    }
    if (json.containsKey("awslogs")) {
      return new EventKind("cloudwatch-logs", null);
    }
    if (json.containsKey("deliveryStreamArn")) {
      return new EventKind("firehose", null);
    }
    if ("aws:kafka".equals(json.get("eventSource")) || "SelfManagedKafka".equals(json.get("eventSource"))) {
      return new EventKind("kafka", null);
    }
    if (json.containsKey("getObjectContext")) {
      return new EventKind("s3-object-lambda", null);
    }
    if (json.containsKey("authorizationToken")) {
      return new EventKind("authorizer", null);
    }
    return new EventKind("unknown", null);
  }

  private static String recordSource(Map<?, ?> record) {
    Object source = record.containsKey("eventSource") ? record.get("eventSource") : record.get("EventSource");
    if (source instanceof String s) {
      return switch (s) {
        case "aws:sqs" -> "sqs";
        case "aws:sns" -> "sns";
        case "aws:s3" -> "s3";
        case "aws:dynamodb" -> "dynamodb-stream";
        case "aws:kinesis" -> "kinesis";
        default -> "unknown";
      };
    }
    return record.containsKey("cf") ? "cloudfront" : "unknown";
  }

  private static String typedSourceName(String simpleName) {
    return switch (simpleName) {
      case "SQSEvent" -> "sqs";
      case "SNSEvent" -> "sns";
      case "S3Event", "S3EventNotification" -> "s3";
      case "DynamodbEvent" -> "dynamodb-stream";
      case "KinesisEvent" -> "kinesis";
      case "KinesisFirehoseEvent" -> "firehose";
      case "ScheduledEvent" -> "eventbridge";
      case "CloudWatchLogsEvent" -> "cloudwatch-logs";
      case "CloudFrontEvent" -> "cloudfront";
      case "KafkaEvent" -> "kafka";
      default -> simpleName.startsWith("Cognito") ? "cognito" : "other";
    };
  }
}
