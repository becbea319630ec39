package dev.lambdaguard.aws.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaguard.aws.redis.RedisReplayStore;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Token ids remembered in the real Redis: first use once across environments, then refused; fail closed. */
class RedisReplayStoreTest {

  private String prefix;

  @BeforeEach
  void redis() {
    RedisTestSupport.requireRedis();
    prefix = RedisTestSupport.freshPrefix();
  }

  @Test
  void anIdIsUsableOnceAcrossEnvironments() {
    long until = System.currentTimeMillis() / 1000 + 600;
    try (RedisReplayStore a = RedisReplayStore.create(RedisTestSupport.url(), prefix);
        RedisReplayStore b = RedisReplayStore.create(RedisTestSupport.url(), prefix)) {
      assertTrue(a.firstUse("jti-1", until));
      assertFalse(b.firstUse("jti-1", until), "a replay to another environment is refused");
      assertFalse(a.firstUse("jti-1", until));
      assertTrue(b.firstUse("jti-2", until));
    }
  }

  @Test
  void racingEnvironmentsCannotBothWin() throws Exception {
    long until = System.currentTimeMillis() / 1000 + 600;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<RedisReplayStore> stores = new ArrayList<>();
    try {
      List<Future<Boolean>> wins = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        RedisReplayStore store = RedisReplayStore.create(RedisTestSupport.url(), prefix);
        stores.add(store);
        wins.add(pool.submit(() -> store.firstUse("contested", until)));
      }
      int won = 0;
      for (Future<Boolean> win : wins) {
        won += win.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertEquals(1, won);
    } finally {
      pool.shutdownNow();
      stores.forEach(RedisReplayStore::close);
    }
  }

  @Test
  void anUnreachableStoreThrowsSoThatTheTokenIsRefused() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    try (RedisReplayStore down = RedisReplayStore.create("redis://127.0.0.1:" + closed, prefix)) {
      org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
          () -> down.firstUse("jti", System.currentTimeMillis() / 1000 + 60));
    }
  }
}
