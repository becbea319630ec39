package dev.lambdaguard.aws.snapstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.SnapshotAware;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CRaC resource's hooks, invoked directly as the runtime invokes them around a snapshot. */
class SnapStartTest {

  /** A part that records what the hooks asked of it. */
  private static final class Recorder implements SnapshotAware {
    final List<String> calls;
    final String name;
    final boolean fails;

    Recorder(List<String> calls, String name, boolean fails) {
      this.calls = calls;
      this.name = name;
      this.fails = fails;
    }

    @Override
    public void prime() {
      calls.add(name + ".prime");
      if (fails) {
        throw new IllegalStateException("broken part");
      }
    }

    @Override
    public void afterRestore() {
      calls.add(name + ".restore");
      if (fails) {
        throw new IllegalStateException("broken part");
      }
    }
  }

  @Test
  void hooksRunEveryPartOnceInOrderAndAFailingPartDoesNotStopTheOthers() {
    List<String> calls = new ArrayList<>();
    Recorder first = new Recorder(calls, "first", false);
    Recorder broken = new Recorder(calls, "broken", true);
    Recorder last = new Recorder(calls, "last", false);
    assertSame(first, SnapStart.register(first));
    SnapStart.register(broken);
    SnapStart.register(last);
    SnapStart.register(first); // a second registration of the same part is ignored

    SnapStartHooks.instance().beforeCheckpoint(null);
    SnapStartHooks.instance().afterRestore(null);

    assertEquals(List.of("first.prime", "broken.prime", "last.prime", "first.restore", "broken.restore", "last.restore"),
        calls);
  }

  /** A part equal for one owner, as the part of two handlers wrapped around one guard. */
  private record Owned(Object owner) implements SnapshotAware {
    @Override
    public void afterRestore() {}
  }

  @Test
  void equalPartsAreRegisteredOnce() {
    Object owner = new Object();
    int before = SnapStartHooks.instance().size();
    SnapStart.register(new Owned(owner));
    SnapStart.register(new Owned(owner));
    assertEquals(before + 1, SnapStartHooks.instance().size());
  }

  @Test
  void onlyASnapStartInitRegistersByItself() {
    int before = SnapStartHooks.instance().size();
    SnapStart.registerIfSnapStart(new Recorder(new ArrayList<>(), "on-demand", false),
        Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand"));
    assertEquals(before, SnapStartHooks.instance().size());
    SnapStart.registerIfSnapStart(new Recorder(new ArrayList<>(), "snap", false),
        Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start"));
    assertEquals(before + 1, SnapStartHooks.instance().size());
    assertTrue(SnapStart.isSnapStart(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start")));
    assertFalse(SnapStart.isSnapStart(Map.of()));
  }
}
