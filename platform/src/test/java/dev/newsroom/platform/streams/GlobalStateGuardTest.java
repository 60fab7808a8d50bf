package dev.newsroom.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a service's start finds of its global stores after a clean close and after a crash. */
class GlobalStateGuardTest {

    @TempDir
    Path stateDir;

    private Path globalStore() throws Exception {
        Path store = stateDir.resolve("global").resolve("rocksdb").resolve("publish-aliases");
        Files.createDirectories(store);
        Files.writeString(store.resolve("000042.sst"), "rows");
        return store;
    }

    @Test
    void aCleanCloseKeepsTheGlobalStoresForTheNextStart() throws Exception {
        Path store = globalStore();

        GlobalStateGuard.beforeStart(stateDir, "publish").closedCleanly();
        GlobalStateGuard.beforeStart(stateDir, "publish");

        assertThat(store.resolve("000042.sst")).exists();
    }

    @Test
    void aRunThatNeverClosedLeavesTheGlobalStoresToBeRebuiltFromTheirTopics() throws Exception {
        globalStore();
        GlobalStateGuard.beforeStart(stateDir, "publish");

        GlobalStateGuard.beforeStart(stateDir, "publish");

        assertThat(stateDir.resolve("global")).doesNotExist();
        assertThat(stateDir.resolve(GlobalStateGuard.OPEN_MARKER)).as("the new run is marked open").exists();
    }

    @Test
    void theFirstStartOfAStateDirectoryDeletesNothing() throws Exception {
        Path store = globalStore();

        GlobalStateGuard.beforeStart(stateDir, "publish");

        assertThat(store.resolve("000042.sst")).exists();
    }
}
