package dev.newsroom.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.schemas.registry.InMemoryConfluentRegistryServer.Request;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against a registry that needs TLS, client certificates or credentials, with the
 * settings named as in Confluent's serde. Key pairs are made fresh by the JDK's keytool.
 */
class SecuredRegistryTest {

    private static final String SUBJECT = "newsroom.raw.v1-value";
    private static final Schema DOC = SchemaBuilder.record("Doc").namespace("test").fields()
            .requiredString("id").endRecord();

    @TempDir
    static Path dir;

    private static SSLContext serverTls;
    private static SSLContext wrongHostServerTls;

    private InMemoryConfluentRegistryServer registry;

    @BeforeAll
    static void makeCertificates() throws Exception {
        keyPair("server.p12", "server", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
        keyPair("elsewhere.p12", "elsewhere", "CN=registry.example", "SAN=dns:registry.example");
        keyPair("client.p12", "client", "CN=newsroom-service", null);
        trust("server.p12", "server", "client-trust.jks", "JKS");
        trust("elsewhere.p12", "elsewhere", "client-trust.jks", "JKS");
        trust("client.p12", "client", "server-trust.p12", "PKCS12");
        serverTls = serverContext("server.p12");
        wrongHostServerTls = serverContext("elsewhere.p12");
    }

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void registersAndFetchesOverTlsWithTheConfiguredTruststore() {
        registry = InMemoryConfluentRegistryServer.startHttps(serverTls, false);

        int id = new SchemaRegistryClient(trusting()).register(SUBJECT, DOC);

        assertThat(registry.url()).startsWith("https://");
        assertThat(new SchemaRegistryClient(trusting()).byId(id)).isEqualTo(DOC);
    }

    @Test
    void aClientWithoutTheTruststoreFailsAtOnceNamingTheRegistryAndTheSetting() {
        registry = InMemoryConfluentRegistryServer.startHttps(serverTls, false);
        SchemaRegistryClient client = new SchemaRegistryClient(Map.of(
                SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registry.url()));

        assertThatThrownBy(() -> client.register(SUBJECT, DOC))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("TLS handshake with schema registry " + registry.url() + " failed")
                .hasMessageContaining(SchemaRegistryConfig.SSL_TRUSTSTORE_LOCATION);
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void aCertificateForAnotherHostIsRefusedUnlessHostChecksAreDisabled() {
        registry = InMemoryConfluentRegistryServer.startHttps(wrongHostServerTls, false);

        assertThatThrownBy(() -> new SchemaRegistryClient(trusting()).register(SUBJECT, DOC))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining(registry.url());

        Map<String, Object> noHostCheck = trusting();
        noHostCheck.put(SchemaRegistryConfig.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM, "");
        assertThat(new SchemaRegistryClient(noHostCheck).register(SUBJECT, DOC)).isPositive();
    }

    @Test
    void presentsTheClientCertificateFromTheKeystoreWhenTheRegistryRequiresOne() {
        registry = InMemoryConfluentRegistryServer.startHttps(serverTls, true);

        assertThatThrownBy(() -> new SchemaRegistryClient(trusting()).register(SUBJECT, DOC))
                .isInstanceOf(KafkaException.class)
                .hasMessageContaining(registry.url())
                .hasMessageContaining(SchemaRegistryConfig.SSL_KEYSTORE_LOCATION);

        Map<String, Object> withCertificate = trusting();
        withCertificate.put(SchemaRegistryConfig.SSL_KEYSTORE_LOCATION, dir.resolve("client.p12").toString());
        withCertificate.put(SchemaRegistryConfig.SSL_KEYSTORE_TYPE, "PKCS12");
        withCertificate.put(SchemaRegistryConfig.SSL_KEYSTORE_PASSWORD, "client-pass");
        withCertificate.put(SchemaRegistryConfig.SSL_KEY_PASSWORD, "client-pass");
        assertThat(new SchemaRegistryClient(withCertificate).register(SUBJECT, DOC)).isPositive();
    }

    @Test
    void sendsTheStaticBearerTokenOverTls() {
        registry = InMemoryConfluentRegistryServer.startHttps(serverTls, false);
        registry.requireBearerToken("s3cret");
        Map<String, Object> config = trusting();
        config.put(SchemaRegistryConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN");
        config.put(SchemaRegistryConfig.BEARER_AUTH_TOKEN, "s3cret");

        new SchemaRegistryClient(config).register(SUBJECT, DOC);

        assertThat(registry.requests()).extracting(Request::authorization).containsExactly("Bearer s3cret");
    }

    @Test
    void aWrongBearerTokenIsA401NamingTheBearerSettings() {
        registry = InMemoryConfluentRegistryServer.startHttps(serverTls, false);
        registry.requireBearerToken("s3cret");
        Map<String, Object> config = trusting();
        config.put(SchemaRegistryConfig.BEARER_AUTH_TOKEN, "stale");

        assertThatThrownBy(() -> new SchemaRegistryClient(config).register(SUBJECT, DOC))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining("answered HTTP 401")
                .hasMessageContaining(SchemaRegistryConfig.BEARER_AUTH_TOKEN);
    }

    @Test
    void basicUserInfoStillWorksOverTls() {
        registry = InMemoryConfluentRegistryServer.startHttps(serverTls, false);
        registry.requireBasicAuth("svc:pw");
        Map<String, Object> config = trusting();
        config.put(SchemaRegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
        config.put(SchemaRegistryConfig.BASIC_AUTH_USER_INFO, "svc:pw");

        assertThat(new SchemaRegistryClient(config).register(SUBJECT, DOC)).isPositive();
    }

    @Test
    void refusesBasicAndBearerCredentialsTogether() {
        Map<String, Object> config = new HashMap<>(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, "https://registry:8081",
                SchemaRegistryConfig.BASIC_AUTH_USER_INFO, "svc:pw",
                SchemaRegistryConfig.BEARER_AUTH_TOKEN, "s3cret"));

        assertThatThrownBy(() -> new SchemaRegistryClient(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(SchemaRegistryConfig.BASIC_AUTH_USER_INFO)
                .hasMessageContaining(SchemaRegistryConfig.BEARER_AUTH_TOKEN);
    }

    @Test
    void namesTheBearerSourcesItDoesNotSupport() {
        Map<String, Object> config = Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, "https://registry:8081",
                SchemaRegistryConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "OAUTHBEARER");

        assertThatThrownBy(() -> new SchemaRegistryClient(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("only STATIC_TOKEN")
                .hasMessageContaining("OAUTHBEARER");
    }

    @Test
    void anUnreadableTruststoreIsAConfigErrorNamingTheKey() {
        Map<String, Object> config = trusting();
        config.put(SchemaRegistryConfig.SSL_TRUSTSTORE_PASSWORD, "wrong");

        assertThatThrownBy(() -> new SchemaRegistryClient(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(SchemaRegistryConfig.SSL_TRUSTSTORE_LOCATION);
    }

    /** Settings that trust the test certificates, with no retrying so failures are immediate. */
    private Map<String, Object> trusting() {
        Map<String, Object> config = new HashMap<>();
        config.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL,
                registry == null ? "https://127.0.0.1:1" : registry.url());
        config.put(SchemaRegistryConfig.SSL_TRUSTSTORE_LOCATION, dir.resolve("client-trust.jks").toString());
        config.put(SchemaRegistryConfig.SSL_TRUSTSTORE_PASSWORD, "trust-pass");
        config.put(SchemaRegistryConfig.SSL_TRUSTSTORE_TYPE, "JKS");
        config.put(SchemaRegistryConfig.RETRY_MAX_MS, 0L);
        return config;
    }

    private static void keyPair(String store, String alias, String dname, String extension) throws Exception {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize",
                "2048", "-validity", "2", "-dname", dname, "-storetype", "PKCS12", "-keystore", store,
                "-storepass", alias + "-pass"));
        if (extension != null) {
            args.addAll(List.of("-ext", extension));
        }
        keytool(args);
    }

    /** Adds the certificate of {@code keystore}'s key pair to {@code truststore}, creating it if need be. */
    private static void trust(String keystore, String alias, String truststore, String type)
            throws IOException, GeneralSecurityException {
        String password = truststore.startsWith("client") ? "trust-pass" : "server-trust-pass";
        Path file = dir.resolve(truststore);
        KeyStore trusted = Files.exists(file) ? load(truststore, type, password) : KeyStore.getInstance(type);
        if (!Files.exists(file)) {
            trusted.load(null, null);
        }
        trusted.setCertificateEntry(alias, load(keystore, "PKCS12", alias + "-pass").getCertificate(alias));
        try (OutputStream out = Files.newOutputStream(file)) {
            trusted.store(out, password.toCharArray());
        }
    }

    private static void keytool(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + args + " failed: " + output);
        }
    }

    private static SSLContext serverContext(String keystore) throws IOException, GeneralSecurityException {
        String alias = keystore.substring(0, keystore.indexOf('.'));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keystore, "PKCS12", alias + "-pass"), (alias + "-pass").toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load("server-trust.p12", "PKCS12", "server-trust-pass"));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(String file, String type, String password)
            throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(dir.resolve(file))) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password.toCharArray());
            return store;
        }
    }
}
