package dev.newsroom.devstack.registry;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Apicurio Registry distribution ({@code io.apicurio:apicurio-registry-app:<version>:tar.gz:all}) unpacked
 * in a local cache. It is taken from the local Maven repository, where the build's dependency resolution put
 * it, or else downloaded from Maven Central and checked against Central's SHA-1.
 */
public final class RegistryDistribution {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryDistribution.class);
    private static final String GROUP_PATH = "io/apicurio/apicurio-registry-app";
    private static final String COMPLETE_MARKER = ".complete";

    private final String version;
    private final Path home;

    private RegistryDistribution(String version, Path home) {
        this.version = version;
        this.home = home;
    }

    public String version() {
        return version;
    }

    public Path home() {
        return home;
    }

    /** The launcher jar: {@code quarkus-run.jar} for 3.x, the runner jar for 2.x. */
    public Path launcherJar() {
        Path quarkusRun = home.resolve("quarkus-run.jar");
        if (Files.isRegularFile(quarkusRun)) {
            return quarkusRun;
        }
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-runner.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No launcher jar in Apicurio Registry " + version
                            + " at " + home));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path defaultCacheDir() {
        String configured = System.getProperty("newsroom.cache.dir", System.getenv("NEWSROOM_CACHE_DIR"));
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "newsroom");
    }

    public static Path defaultMavenRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    public static String defaultRemoteRepository() {
        return System.getProperty("newsroom.maven.remote", "https://repo.maven.apache.org/maven2/");
    }

    /** Unpacks (and if need be downloads) the given version, once per cache directory. */
    public static RegistryDistribution resolve(String version) {
        return resolve(version, defaultCacheDir(), defaultMavenRepository(), defaultRemoteRepository());
    }

    public static RegistryDistribution resolve(String version, Path cacheDir, Path mavenRepository, String remote) {
        Path home = cacheDir.resolve("apicurio-registry-" + version);
        if (Files.exists(home.resolve(COMPLETE_MARKER))) {
            return new RegistryDistribution(version, home);
        }
        try {
            Files.createDirectories(cacheDir);
            try (FileChannel lockFile = FileChannel.open(cacheDir.resolve(".registry.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (!Files.exists(home.resolve(COMPLETE_MARKER))) {
                    Path archive = archive(version, mavenRepository, remote);
                    unpack(archive, home);
                }
            }
            return new RegistryDistribution(version, home);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Apicurio Registry " + version + " in " + cacheDir
                    + ": " + e.getMessage(), e);
        }
    }

    private static String fileName(String version) {
        return "apicurio-registry-app-" + version + "-all.tar.gz";
    }

    private static Path archive(String version, Path mavenRepository, String remote) throws IOException {
        String relative = GROUP_PATH + "/" + version + "/" + fileName(version);
        Path local = mavenRepository.resolve(relative);
        if (Files.isRegularFile(local)) {
            return local;
        }
        String base = remote.endsWith("/") ? remote : remote + "/";
        LOG.info("Downloading Apicurio Registry {} from {} (about 150 MB, once)", version, base);
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        Files.createDirectories(local.getParent());
        Path partial = local.resolveSibling(local.getFileName() + ".part");
        try {
            String expectedSha1 = get(http, base + relative + ".sha1", HttpResponse.BodyHandlers.ofString())
                    .trim().split("\\s+")[0];
            get(http, base + relative, HttpResponse.BodyHandlers.ofFile(partial));
            String actualSha1 = sha1(partial);
            if (!actualSha1.equalsIgnoreCase(expectedSha1)) {
                throw new IOException("Checksum mismatch for " + base + relative + ": expected SHA-1 " + expectedSha1
                        + ", got " + actualSha1);
            }
            Files.move(partial, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return local;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static <T> T get(HttpClient http, String url, HttpResponse.BodyHandler<T> handler) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).GET().build();
        try {
            HttpResponse<T> response = http.send(request, handler);
            if (response.statusCode() != 200) {
                throw new IOException("GET " + url + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while downloading " + url, e);
        }
    }

    private static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unpack(Path archive, Path home) throws IOException {
        Path staging = Files.createTempDirectory(home.getParent(), home.getFileName() + ".unpacking");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(archive))))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("Refusing archive entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            deleteTree(staging);
            throw new IOException("Cannot unpack " + archive + ": " + e.getMessage(), e);
        }
        deleteTree(home);
        Path root = singleTopDirectory(staging);
        Files.move(root, home, StandardCopyOption.ATOMIC_MOVE);
        if (!root.equals(staging)) {
            deleteTree(staging);
        }
        Files.writeString(home.resolve(COMPLETE_MARKER), archive.toString(), StandardCharsets.UTF_8);
    }

    /** 2.x archives wrap everything in one top directory; 3.x archives do not. */
    private static Path singleTopDirectory(Path staging) throws IOException {
        try (Stream<Path> children = Files.list(staging)) {
            var list = children.toList();
            if (list.size() == 1 && Files.isDirectory(list.get(0))) {
                return list.get(0);
            }
            return staging;
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
