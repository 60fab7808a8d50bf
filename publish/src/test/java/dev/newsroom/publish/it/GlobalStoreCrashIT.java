package dev.newsroom.publish.it;

import static dev.newsroom.publish.fixtures.Articles.arabic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.platform.streams.ServiceRunner;
import dev.newsroom.publish.fixtures.Articles;
import dev.newsroom.schemas.ModerationAction;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * A publish instance killed while running starts again on the state directory the crash left: its global store of
 * the names editors use is rebuilt from its topic instead of killing the service at every restart, as Kafka Streams
 * 4.4 alone does under exactly-once (KAFKA-21034; the one-hour soak met it).
 *
 * <p>The crash is staged: the state directory is copied while the service runs, and its global store is then given
 * the "open" status that a store flushed while running keeps on disk (Kafka Streams writes it when it opens a store
 * and replaces it when it closes one; a crash after RocksDB flushed it leaves it there).
 */
@WithKafkaStack
class GlobalStoreCrashIT {

    @TempDir
    Path dir;

    @Test
    void aServiceRestartedOnTheStateACrashLeftRunsAndStillKnowsTheNamesOfEarlierArticles(KafkaStack stack)
            throws IOException {
        try (WebhookReceiver site = WebhookReceiver.start(); PublishHarness publish = new PublishHarness(stack, dir)) {
            publish.outlets("outlets:\n  - {name: site, kind: webhook, url: '" + site.url() + "'}\n");
            publish.env("NEWSROOM_OUTLET_SITE_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
            publish.start();
            String url = "https://akhbar.example/2025/12/14/palmyra-attack-us-syria/";
            publish.publish(Articles.named(arabic("crash:palmyra"), url, "akhbar-48213"));
            await().atMost(Duration.ofSeconds(60)).until(() -> site.requests().size() == 1);

            Path crashed = dir.resolve("state-as-a-crash-left-it");
            copyTree(dir.resolve("state"), crashed);
            publish.stop();
            leaveOpen(globalStore(crashed, "publish-aliases"));
            publish.set("newsroom.state.dir", crashed.toString());
            ServiceRunner restarted = publish.start();

            await().atMost(Duration.ofSeconds(90)).until(restarted::isReady);
            publish.moderate(Articles.command(url, ModerationAction.HOLD));
            await().atMost(Duration.ofSeconds(60)).until(() -> site.requests().size() == 2);
            assertThat(site.requests().get(1).event()).as("a hold by the article's URL, resolved after the restart")
                    .isEqualTo("article.withheld");
            assertThat(restarted.isReady()).isTrue();
        }
    }

    /** The store's status as a crash after a flush leaves it: open (Kafka Streams' offsets column family). */
    private static void leaveOpen(Path store) throws IOException {
        RocksDB.loadLibrary();
        List<ColumnFamilyDescriptor> families = List.of(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY),
                new ColumnFamilyDescriptor("offsets".getBytes(StandardCharsets.UTF_8)));
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
             RocksDB db = RocksDB.open(options, store.toString(), families, handles)) {
            db.put(handles.get(1), "status".getBytes(StandardCharsets.UTF_8), ByteBuffer.allocate(8).putLong(1).array());
            db.flushWal(true);
            handles.forEach(ColumnFamilyHandle::close);
        } catch (RocksDBException e) {
            throw new IOException("Cannot stage the crashed store " + store + ": " + e.getMessage(), e);
        }
    }

    private static Path globalStore(Path stateDir, String name) throws IOException {
        try (Stream<Path> paths = Files.walk(stateDir)) {
            return paths.filter(path -> path.endsWith(Path.of("global", "rocksdb", name))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No global store " + name + " in " + stateDir));
        }
    }

    /** RocksDB deletes files as it compacts, as it would have under a crash too: what is gone is not copied. */
    private static void copyUnlessGone(Path file, Path target) throws IOException {
        try {
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException gone) {
            // compacted away while copying
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    copyUnlessGone(path, target);
                }
            }
        }
    }
}
