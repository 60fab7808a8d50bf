package dev.newsroom.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.devstack.registry.JavaRuntimes.JavaRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimesTest {

    @TempDir
    Path jvmDir;

    private Path jdk(String name, String javaVersion) throws IOException {
        Path home = jvmDir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(home.resolve("bin").resolve("java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + javaVersion + "\"\n");
        return home;
    }

    @Test
    void picksTheNewestJdkThatIsNewEnoughWhenTheRunningOneIsNot() throws IOException {
        jdk("java-17-openjdk-amd64", "17.0.15");
        Path temurin25 = jdk("temurin-25-jdk-amd64", "25.0.3");
        jdk("temurin-21-jdk-amd64", "21.0.4");

        var found = JavaRuntimes.find(Math.max(Runtime.version().feature() + 1, 21), null, jvmDir);

        assertThat(found).map(JavaRuntime::home).contains(temurin25);
        assertThat(found).map(JavaRuntime::feature).contains(25);
    }

    @Test
    void registryJavaHomeWinsWhenItIsNewEnough() throws IOException {
        jdk("temurin-25-jdk-amd64", "25.0.3");
        Path chosen = jdk("custom-21", "21.0.4");

        assertThat(JavaRuntimes.find(21, chosen.toString(), jvmDir)).map(JavaRuntime::home).contains(chosen);
    }

    @Test
    void registryJavaHomeThatIsTooOldIsPassedOver() throws IOException {
        Path old = jdk("custom-11", "11.0.2");
        Path temurin = jdk("temurin-25-jdk-amd64", "25");

        var found = JavaRuntimes.find(Math.max(Runtime.version().feature() + 1, 21), old.toString(), jvmDir);

        assertThat(found).map(JavaRuntime::home).contains(temurin);
    }

    @Test
    void nothingWhenNoJdkIsNewEnough() throws IOException {
        jdk("java-17-openjdk-amd64", "17.0.15");
        jdk("java-8", "1.8.0_392");

        assertThat(JavaRuntimes.find(Runtime.version().feature() + 100, null, jvmDir)).isEmpty();
    }

    @Test
    void readsLegacyVersionStringsAndIgnoresDirectoriesWithoutAJava() throws IOException {
        jdk("java-8", "1.8.0_392");
        Files.createDirectories(jvmDir.resolve("not-a-jdk"));
        Files.writeString(Files.createDirectories(jvmDir.resolve("no-bin")).resolve("release"), "JAVA_VERSION=\"22\"\n");

        assertThat(JavaRuntimes.installed(jvmDir)).extracting(JavaRuntime::feature).containsExactly(8);
    }
}
