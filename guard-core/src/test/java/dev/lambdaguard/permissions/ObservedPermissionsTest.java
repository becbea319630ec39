package dev.lambdaguard.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lambdaguard.permissions.ObservedPermissions.Permission;
import dev.lambdaguard.permissions.ObservedPermissions.Snapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservedPermissionsTest {

  @Test
  void eachDistinctActionAndResourceIsKeptOnceWithItsCallsAndDenials() {
    ObservedPermissions seen = ObservedPermissions.bounded(10, 0);
    seen.record("s3:GetObject", "arn:aws:s3:::b/k", null, false, 5);
    seen.record("s3:GetObject", "arn:aws:s3:::b/k", null, false, 6);
    seen.record("dynamodb:PutItem", "arn:aws:dynamodb:eu-west-1:1:table/T", null, true, 7);
    seen.record("sts:GetCallerIdentity", null, null, false, 8);

    Snapshot snapshot = seen.snapshot();
    assertEquals(List.of(
        new Permission("dynamodb:PutItem", "arn:aws:dynamodb:eu-west-1:1:table/T", 1, 1),
        new Permission("s3:GetObject", "arn:aws:s3:::b/k", 2, 0),
        new Permission("sts:GetCallerIdentity", "*", 1, 0)), snapshot.permissions());
    assertEquals(5, snapshot.sinceMillis());
    assertEquals(0, snapshot.dropped());
  }

  @Test
  void pastTheCapNewPairsFoldIntoTheirBroaderResourceThenAreCountedAsDropped() {
    ObservedPermissions seen = ObservedPermissions.bounded(3, 1);
    for (int i = 0; i < 10_000; i++) {
      seen.record("s3:GetObject", "arn:aws:s3:::b/object-" + i, "arn:aws:s3:::b/*", false, i);
    }
    assertEquals(4, seen.size());
    Snapshot snapshot = seen.snapshot();
    Permission folded = snapshot.permissions().get(0);
    assertEquals("arn:aws:s3:::b/*", folded.resource());
    assertEquals(10_000 - 3, folded.calls());
    assertEquals(0, snapshot.dropped());

    seen.record("s3:PutObject", "arn:aws:s3:::b/x", "arn:aws:s3:::b/*", false, 1);
    seen.record("dynamodb:Scan", "arn:aws:dynamodb:eu-west-1:1:table/T", null, false, 1);
    assertEquals(4, seen.size());
    assertEquals(2, seen.snapshot().dropped());
  }

  @Test
  void aSnapshotIsDueAtTheFirstCallThenAtMostOncePerIntervalAndOnlyWhenSomethingIsNew() {
    ObservedPermissions seen = ObservedPermissions.bounded(10, 0);
    assertNull(seen.takeIfDue(0, 60_000), "nothing seen, nothing to write");
    seen.record("s3:GetObject", "arn:aws:s3:::b/k", null, false, 1_000);
    assertNotNull(seen.takeIfDue(1_000, 60_000), "the first is written at once");

    seen.record("s3:GetObject", "arn:aws:s3:::b/k", null, false, 2_000);
    assertNull(seen.takeIfDue(70_000, 60_000), "only a count changed: nothing new to say");

    seen.record("s3:PutObject", "arn:aws:s3:::b/k", null, false, 3_000);
    assertNull(seen.takeIfDue(30_000, 60_000), "new, but within the interval");
    Snapshot due = seen.takeIfDue(61_000, 60_000);
    assertNotNull(due);
    assertEquals(2, due.permissions().size(), "cumulative: the newest event says everything");
    assertNull(seen.takeIfDue(200_000, 60_000));

    seen.record("s3:PutObject", "arn:aws:s3:::b/k", null, true, 4_000);
    assertNotNull(seen.takeIfDue(200_000, 60_000), "a first denial of a known pair is news");
  }

  @Test
  void theAccountIsLearntFromTheFunctionsOwnArnOnlyAndOnce() {
    ObservedPermissions seen = ObservedPermissions.bounded(10, 0);
    seen.learnAccount(null);
    seen.learnAccount("arn:aws:s3:::bucket");
    seen.learnAccount("arn:aws:lambda:eu-west-1:12345:function:orders");
    seen.learnAccount("arn:aws:lambda:eu-west-1:1234567890ab:function:orders");
    assertEquals(null, seen.account(), "not a Lambda function ARN with a twelve-digit account");
    seen.learnAccount("arn:aws-cn:lambda:cn-north-1:111122223333:function:orders:live");
    seen.learnAccount("arn:aws:lambda:eu-west-1:444455556666:function:other");
    assertEquals("111122223333", seen.account());
    seen.clear();
    assertEquals(null, seen.account());
  }

  @Test
  void aRecorderNeedsRoom() {
    assertThrows(IllegalArgumentException.class, () -> ObservedPermissions.bounded(0, 0));
  }
}
