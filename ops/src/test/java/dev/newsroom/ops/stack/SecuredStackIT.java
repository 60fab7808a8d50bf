package dev.newsroom.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.newsroom.devstack.junit.CommittedRecords;
import dev.newsroom.devstack.kafka.InProcessKafkaBroker;
import dev.newsroom.devstack.kafka.InProcessKafkaBroker.Listener;
import dev.newsroom.devstack.net.LoopbackPorts;
import dev.newsroom.devstack.registry.ApicurioRegistry;
import dev.newsroom.ops.CommandLineRun;
import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.platform.streams.ServiceRunner;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.registry.SchemaRegistryConfig;
import dev.newsroom.schemas.registry.SchemaRegistryException;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secured cluster as production runs one, on loopback: the in-process broker with a SASL_SSL listener
 * (SCRAM-SHA-512, as Strimzi's users) and the real Apicurio Registry serving its API over HTTPS only, with HTTP Basic
 * users (Quarkus' embedded realm, no OIDC server). Certificates are made fresh by the JDK's keytool. The clients are
 * configured only with the settings Kafka's and Confluent's clients use, from one client.properties.
 */
class SecuredStackIT {

    private static final String KAFKA_USER = "newsroom";
    private static final String KAFKA_PASSWORD = "kafka-secret";
    private static final String REGISTRY_USER_INFO = "newsroom:registry-secret";
    private static final String STORE_PASSWORD = "store-pass";

    @TempDir
    static Path dir;

    private static InProcessKafkaBroker broker;
    private static Listener secured;
    private static ApicurioRegistry registry;

    @BeforeAll
    static void startSecuredStack() throws Exception {
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", "server.p12", "-storepass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", "server", "-keystore", "server.p12", "-storepass", STORE_PASSWORD,
                "-file", "server.crt");
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", "server.crt", "-storetype", "PKCS12",
                "-keystore", "truststore.p12", "-storepass", STORE_PASSWORD);

        // The registry's JVM starts while the broker does: the two take most of this class's time.
        CompletableFuture<ApicurioRegistry> startingRegistry = CompletableFuture.supplyAsync(() ->
                ApicurioRegistry.start(ApicurioRegistry.choose(), 0, dir.resolve("registry"), false, Map.of(
                        ApicurioRegistry.KEY_STORE_FILE, dir.resolve("server.p12").toString(),
                        "quarkus.http.ssl.certificate.key-store-password", STORE_PASSWORD,
                        "quarkus.oidc.tenant-enabled", "false",
                        "quarkus.http.auth.basic", "true",
                        "quarkus.security.users.embedded.plain-text", "true",
                        "quarkus.security.users.embedded.users.newsroom", "registry-secret",
                        "quarkus.security.users.embedded.roles.newsroom", "sr-developer",
                        "apicurio.auth.role-based-authorization", "true")));
        secured = new Listener("SASL_SSL", "SASL_SSL", LoopbackPorts.free());
        String prefix = "listener.name.sasl_ssl.";
        broker = InProcessKafkaBroker.start(dir.resolve("kafka"), 0, Map.of(
                prefix + "sasl.enabled.mechanisms", "SCRAM-SHA-512",
                prefix + "scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                prefix + "ssl.keystore.location", dir.resolve("server.p12").toString(),
                prefix + "ssl.keystore.type", "PKCS12",
                prefix + "ssl.keystore.password", STORE_PASSWORD,
                prefix + "ssl.key.password", STORE_PASSWORD), List.of(secured));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(KAFKA_USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), KAFKA_PASSWORD))).all().get();
        }
        registry = startingRegistry.join();

        // SCRAM credentials reach the listener through the metadata log: wait until they are in force.
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            try (Admin admin = Admin.create(new HashMap<>(kafkaClientSettings(KAFKA_PASSWORD)))) {
                return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
            }
        });
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theSerdeRegistersAndReadsItsSchemaOverTlsWithBasicCredentials() {
        Map<String, Object> config = registrySettings(REGISTRY_USER_INFO);
        RawDocument document = seedDocument("tls-serde");
        Serde<RawDocument> writer = TopicCatalogue.of(config, new SchemaRegistryClient(config)).raw().valueSerde();

        byte[] bytes = writer.serializer().serialize("newsroom.raw.v1", document);
        Serde<RawDocument> reader = TopicCatalogue.of(config, new SchemaRegistryClient(config)).raw().valueSerde();

        assertThat(registry.confluentApiUrl()).startsWith("https://");
        assertThat(reader.deserializer().deserialize("newsroom.raw.v1", bytes)).isEqualTo(document);
        assertThat(new SchemaRegistryClient(config).subjects()).contains("newsroom.raw.v1-value");
    }

    @Test
    void wrongCredentialsAreRefusedWithTheSettingToCheck() {
        Map<String, Object> config = registrySettings("newsroom:wrong");

        assertThatThrownBy(() -> new SchemaRegistryClient(config).register("secured-check-value",
                RawDocument.getClassSchema()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining(registry.confluentApiUrl())
                .hasMessageContaining(SchemaRegistryConfig.BASIC_AUTH_USER_INFO);
    }

    @Test
    void aRegistryCertificateThatIsNotTrustedIsRefusedNamingTheTruststoreSetting() {
        Map<String, Object> config = registrySettings(REGISTRY_USER_INFO);
        config.keySet().removeIf(key -> key.startsWith("schema.registry.ssl."));

        assertThatThrownBy(() -> new SchemaRegistryClient(config).register("secured-check-value",
                RawDocument.getClassSchema()))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("TLS handshake with schema registry " + registry.confluentApiUrl())
                .hasMessageContaining(SchemaRegistryConfig.SSL_TRUSTSTORE_LOCATION);
    }

    @Test
    void ingestConfiguredFromAClientPropertiesFileProcessesARecordOverSaslSsl() throws Exception {
        Path clientProperties = serviceConfigFile("ingest.properties", KAFKA_PASSWORD);
        ServiceConfig config = Services.INGEST.application().configuration(clientProperties, Map.of(), Map.of());
        TopicCatalogue topics = TopicCatalogue.of(config.asMap(), new SchemaRegistryClient(config.asMap()));
        RawDocument seed = seedDocument("sasl-ssl-seed");

        try (ServiceRunner ingest = ServiceRunner.start(Services.INGEST.application(), config)) {
            await().atMost(Duration.ofSeconds(40)).until(ingest::isReady);
            try (var producer = new KafkaProducer<>(config.kafkaClients(), topics.raw().keySerde().serializer(),
                    topics.raw().valueSerde().serializer())) {
                producer.send(new ProducerRecord<>(topics.raw().name(), seed.getDocumentId(), seed)).get();
            }

            List<Article> articles = CommittedRecords.read(config.kafkaClients(), topics.articles().name(),
                    topics.articles().valueSerde().deserializer(), 1, Duration.ofSeconds(30));

            assertThat(config.kafkaClients()).containsEntry("security.protocol", "SASL_SSL");
            assertThat(articles).singleElement().satisfies(article -> {
                assertThat(article.getLineage().getDocumentId()).isEqualTo("sasl-ssl-seed");
                assertThat(article.getHeadline()).isNotBlank();
            });
        }
    }

    @Test
    void aWrongKafkaPasswordStopsTheServiceAtOnceSayingAuthenticationFailed() throws Exception {
        Path clientProperties = serviceConfigFile("wrong-password.properties", "not-the-password");
        long began = System.nanoTime();

        CommandLineRun run = CommandLineRun.of("service", "ingest", "--config", clientProperties.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("newsroom service: ")
                .contains("Authentication failed", "invalid credentials", "SCRAM-SHA-512");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void theOperatorsCommandsTakeTheSameFileAsCommandConfig() throws Exception {
        Path clientProperties = serviceConfigFile("operator.properties", KAFKA_PASSWORD);

        CommandLineRun register = CommandLineRun.of("schemas", "register", "--command-config",
                clientProperties.toString());
        CommandLineRun status = CommandLineRun.of("status", "--json", "--command-config", clientProperties.toString());

        assertThat(register.exitCode()).as(register.err()).isZero();
        assertThat(register.out()).contains("newsroom.published.v1-value");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("newsroom.published.v1-value");
    }

    private static Map<String, Object> registrySettings(String userInfo) {
        Map<String, Object> config = new HashMap<>();
        config.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registry.confluentApiUrl());
        config.put(SchemaRegistryConfig.SSL_TRUSTSTORE_LOCATION, dir.resolve("truststore.p12").toString());
        config.put(SchemaRegistryConfig.SSL_TRUSTSTORE_PASSWORD, STORE_PASSWORD);
        config.put(SchemaRegistryConfig.SSL_TRUSTSTORE_TYPE, "PKCS12");
        config.put(SchemaRegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
        config.put(SchemaRegistryConfig.BASIC_AUTH_USER_INFO, userInfo);
        config.put(SchemaRegistryConfig.RETRY_MAX_MS, 0L);
        return config;
    }

    private static Map<String, String> kafkaClientSettings(String password) {
        return Map.of(
                "bootstrap.servers", secured.bootstrapServers(),
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + KAFKA_USER + "\" password=\"" + password + "\";",
                "ssl.truststore.location", dir.resolve("truststore.p12").toString(),
                "ssl.truststore.type", "PKCS12",
                "ssl.truststore.password", STORE_PASSWORD);
    }

    /** What an operator writes: Kafka's client settings and Confluent's registry settings, under their own names. */
    private static Path serviceConfigFile(String name, String kafkaPassword) throws IOException {
        Properties properties = new Properties();
        properties.putAll(kafkaClientSettings(kafkaPassword));
        registrySettings(REGISTRY_USER_INFO).forEach((key, value) -> properties.put(key, value.toString()));
        properties.remove(SchemaRegistryConfig.RETRY_MAX_MS);
        properties.put("newsroom.state.dir", dir.resolve("state-" + name).toString());
        properties.put("newsroom.management.port", String.valueOf(LoopbackPorts.free()));
        properties.put("newsroom.topic.partitions", "1");
        Path file = dir.resolve(name);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "a secured cluster's client settings");
        }
        return file;
    }

    private static RawDocument seedDocument(String id) {
        try {
            return RawDocument.newBuilder()
                    .setDocumentId(id)
                    .setSource("secured-it")
                    .setContentType("text/plain; charset=utf-8")
                    .setReceivedAt(Instant.now())
                    .setPayload(ByteBuffer.wrap(Files.readAllBytes(Path.of("..", "samples", "000_5ae1655f0e8fde34.txt"))))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + List.of(args) + " failed: " + output);
        }
    }
}
