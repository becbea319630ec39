package dev.lambdaguard.aws.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/** No recorded resource is longer than the bound, whatever name the function passed (it may be the caller's). */
class CallResourcesTest {

  @Test
  void aLongArnIsKeptAsItsBroaderFormOrAsAStarWhenItHasNone() {
    String longName = "n".repeat(CallResources.MAX_ARN_LENGTH);
    List<CallResources.Resource> withBroader = CallResources.of("secretsmanager", "GetSecretValue",
        GetSecretValueRequest.builder().secretId(longName).build(), null, "eu-west-1", "123456789012");
    assertEquals(List.of(new CallResources.Resource("arn:aws:secretsmanager:eu-west-1:123456789012:secret:*", null)),
        withBroader);

    List<CallResources.Resource> without = CallResources.of("secretsmanager", "GetSecretValue",
        GetSecretValueRequest.builder().secretId("arn:aws:kms:eu-west-1:123456789012:" + longName).build(), null,
        "eu-west-1", "123456789012");
    assertEquals(List.of(new CallResources.Resource("*", null)), without);
  }
}
