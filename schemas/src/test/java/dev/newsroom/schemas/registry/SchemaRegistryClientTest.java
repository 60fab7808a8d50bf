package dev.newsroom.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.newsroom.schemas.registry.InMemoryConfluentRegistryServer.Reference;
import dev.newsroom.schemas.registry.InMemoryConfluentRegistryServer.Request;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.RetriableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaRegistryClientTest {

    private static final String SUBJECT = "newsroom.raw.v1-value";
    private static final Schema V1 = SchemaBuilder.record("Doc").namespace("test").fields()
            .requiredString("id").endRecord();
    private static final Schema V2 = SchemaBuilder.record("Doc").namespace("test").fields()
            .requiredString("id").name("title").type().stringType().stringDefault("").endRecord();
    private static final Schema ID_AS_INT = SchemaBuilder.record("Doc").namespace("test").fields()
            .requiredInt("id").endRecord();
    private static final Schema V2_WITHOUT_DEFAULT = SchemaBuilder.record("Doc").namespace("test").fields()
            .requiredString("id").requiredString("title").endRecord();

    private final InMemoryConfluentRegistryServer registry = InMemoryConfluentRegistryServer.start();

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void registersOnceThenAnswersFromTheCacheInBothDirections() {
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url());

        int id = client.register(SUBJECT, V1);

        assertThat(client.register(SUBJECT, V1)).isEqualTo(id);
        assertThat(client.idOf(SUBJECT, V1)).isEqualTo(id);
        assertThat(client.byId(id)).isEqualTo(V1);
        assertThat(registry.requests()).extracting(Request::method, Request::path)
                .containsExactly(tuple("POST", "/subjects/" + SUBJECT + "/versions"));
    }

    @Test
    void fetchesSchemaByIdWithAFreshParserAndCachesIt() {
        int v1 = registry.registerDirectly("a-value", V1);
        int v2 = registry.registerDirectly("b-value", V2);
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url());

        assertThat(client.byId(v1)).isEqualTo(V1);
        assertThat(client.byId(v2)).isEqualTo(V2);
        assertThat(client.byId(v1)).isEqualTo(V1);
        assertThat(registry.requests()).hasSize(2);
    }

    @Test
    void unknownIdIsNotFoundWithTheRegistrysErrorCode() {
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url());

        assertThatThrownBy(() -> client.byId(42))
                .isInstanceOfSatisfying(SchemaNotFoundException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(SchemaNotFoundException.SCHEMA_NOT_FOUND);
                    assertThat(e.url()).isEqualTo(registry.url());
                })
                .hasMessageContaining("schema id 42")
                .hasMessageContaining(registry.url());
    }

    @Test
    void idOfLooksUpWithoutRegisteringAndTellsMissingSubjectFromMissingSchema() {
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url());

        assertThatThrownBy(() -> client.idOf(SUBJECT, V1)).isInstanceOfSatisfying(SchemaNotFoundException.class,
                e -> assertThat(e.errorCode()).isEqualTo(SchemaNotFoundException.SUBJECT_NOT_FOUND));
        int id = registry.registerDirectly(SUBJECT, V1);
        assertThatThrownBy(() -> client.idOf(SUBJECT, V2)).isInstanceOfSatisfying(SchemaNotFoundException.class,
                e -> assertThat(e.errorCode()).isEqualTo(SchemaNotFoundException.SCHEMA_NOT_FOUND));
        assertThat(client.idOf(SUBJECT, V1)).isEqualTo(id);
        assertThat(registry.requests()).noneMatch(r -> r.path().endsWith("/versions"));
    }

    @Test
    void resolvesSchemaReferencesDepthFirst() {
        Schema inner = SchemaBuilder.record("Inner").namespace("test").fields().requiredString("code").endRecord();
        Schema middle = SchemaBuilder.record("Middle").namespace("test").fields()
                .name("inner").type(inner).noDefault().endRecord();
        Schema outer = SchemaBuilder.record("Outer").namespace("test").fields()
                .name("middle").type(middle).noDefault().name("other").type(inner).noDefault().endRecord();
        registry.registerDirectly("test.Inner", inner);
        registry.registerWithReferences("test.Middle",
                "{\"type\":\"record\",\"name\":\"Middle\",\"namespace\":\"test\","
                        + "\"fields\":[{\"name\":\"inner\",\"type\":\"test.Inner\"}]}",
                new Reference("test.Inner", "test.Inner", 1));
        int id = registry.registerWithReferences("outer-value",
                "{\"type\":\"record\",\"name\":\"Outer\",\"namespace\":\"test\",\"fields\":["
                        + "{\"name\":\"middle\",\"type\":\"test.Middle\"},{\"name\":\"other\",\"type\":\"test.Inner\"}]}",
                new Reference("test.Middle", "test.Middle", 1), new Reference("test.Inner", "test.Inner", 1));
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url());

        assertThat(client.byId(id)).isEqualTo(outer);
        assertThat(client.latest("outer-value").schema()).isEqualTo(outer);
    }

    @Test
    void latestIsCachedForTheTtlThenRefreshed() {
        SchemaRegistryClient client = new SchemaRegistryClient(Map.of(
                SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registry.url(),
                SchemaRegistryConfig.LATEST_CACHE_TTL_SEC, "1"));
        int v1 = registry.registerDirectly(SUBJECT, V1);

        assertThat(client.latest(SUBJECT)).isEqualTo(new RegisteredSchema(v1, 1, V1));
        int v2 = registry.registerDirectly(SUBJECT, V2);
        assertThat(client.latest(SUBJECT).id()).isEqualTo(v1);
        assertThat(registry.requests()).hasSize(1);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(client.latest(SUBJECT)).isEqualTo(new RegisteredSchema(v2, 2, V2)));
    }

    @Test
    void registeringThroughTheClientRefreshesItsLatest() {
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url());
        client.register(SUBJECT, V1);
        assertThat(client.latest(SUBJECT).schema()).isEqualTo(V1);

        client.register(SUBJECT, V2);

        assertThat(client.latest(SUBJECT).schema()).isEqualTo(V2);
    }

    @Test
    void operatorEndpoints() {
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url());
        client.register("a-value", V1);
        client.register("a-value", V2);
        client.register("b-key", V1);

        assertThat(client.subjects()).containsExactly("a-value", "b-key");
        assertThat(client.versions("a-value")).containsExactly(1, 2);
        assertThat(client.compatibility("a-value")).isEqualTo("BACKWARD");
        assertThat(client.testCompatibility("a-value", ID_AS_INT)).isFalse();

        client.setCompatibility("a-value", "NONE");

        assertThat(client.compatibility("a-value")).isEqualTo("NONE");
        assertThat(client.testCompatibility("a-value", ID_AS_INT)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 503})
    void retriesTransientStatusesUntilTheRegistryAnswers(int status) {
        SchemaRegistryClient client = new SchemaRegistryClient(fastRetries(registry.url(), 5_000));
        registry.failNext(2, status);

        int id = client.register(SUBJECT, V1);

        assertThat(client.byId(id)).isEqualTo(V1);
        assertThat(registry.requests()).hasSize(3);
    }

    @Test
    void unreachableRegistryIsRetriableAndNamesUrlOperationAndSubject() throws IOException {
        String deadUrl = "http://127.0.0.1:" + closedPort();
        SchemaRegistryClient client = new SchemaRegistryClient(fastRetries(deadUrl, 300));
        long start = System.nanoTime();

        assertThatThrownBy(() -> client.register(SUBJECT, V1))
                .isInstanceOf(RetriableException.class)
                .isInstanceOfSatisfying(SchemaRegistryUnavailableException.class, e -> {
                    assertThat(e.attempts()).isGreaterThan(1);
                    assertThat(e.urls()).containsExactly(deadUrl);
                })
                .hasMessageStartingWith("Schema registry " + deadUrl + " unreachable after ")
                .hasMessageContaining("while registering a schema under subject '" + SUBJECT + "': Connection refused");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void persistentServerErrorsEndAsUnavailableWithTheLastStatus() {
        SchemaRegistryClient client = new SchemaRegistryClient(fastRetries(registry.url(), 200));
        registry.failNext(1_000, 503);

        assertThatThrownBy(() -> client.byId(7))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining("while fetching schema id 7")
                .hasMessageContaining("HTTP 503");
    }

    @Test
    void slowRegistryTimesOut() {
        Map<String, Object> configs = fastRetries(registry.url(), 0);
        configs.put(SchemaRegistryConfig.REQUEST_TIMEOUT_MS, 200);
        SchemaRegistryClient client = new SchemaRegistryClient(configs);
        registry.delayResponses(Duration.ofSeconds(2));

        assertThatThrownBy(() -> client.latest(SUBJECT))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining("request timed out after 200 ms");
    }

    @Test
    void failsOverToTheNextUrlWhenOneIsUnreachable() throws IOException {
        SchemaRegistryClient client = new SchemaRegistryClient(
                "http://127.0.0.1:" + closedPort() + ", " + registry.url() + "/");

        assertThat(client.register(SUBJECT, V1)).isPositive();
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void incompatibleSchemaIsRejectedWithTheRegistrysMessageAndNotRetried() {
        SchemaRegistryClient client = new SchemaRegistryClient(fastRetries(registry.url(), 5_000));
        client.register(SUBJECT, V1);

        assertThatThrownBy(() -> client.register(SUBJECT, V2_WITHOUT_DEFAULT))
                .isInstanceOfSatisfying(IncompatibleSchemaException.class,
                        e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("is incompatible with an earlier schema for subject \"" + SUBJECT + "\"");
        assertThat(registry.requests()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 422})
    void otherClientErrorsAreNotRetried(int status) {
        SchemaRegistryClient client = new SchemaRegistryClient(fastRetries(registry.url(), 5_000));
        registry.failNext(1, status);

        assertThatThrownBy(() -> client.register(SUBJECT, V1))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("HTTP " + status)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(status));
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void missingCredentialsAreAnAuthenticationErrorNamingTheUrl() {
        registry.requireBasicAuth("alice:secret");
        SchemaRegistryClient client = new SchemaRegistryClient(fastRetries(registry.url(), 5_000));

        assertThatThrownBy(() -> client.register(SUBJECT, V1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.url()).isEqualTo(registry.url());
                })
                .hasMessageContaining("Schema registry " + registry.url() + " answered HTTP 401")
                .hasMessageContaining(SchemaRegistryConfig.BASIC_AUTH_USER_INFO);
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void sendsBasicAuthFromUserInfo() {
        registry.requireBasicAuth("alice:secret");
        SchemaRegistryClient client = new SchemaRegistryClient(Map.of(
                SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registry.url(),
                SchemaRegistryConfig.BASIC_AUTH_USER_INFO, "alice:secret"));

        client.register(SUBJECT, V1);

        assertThat(registry.requests()).extracting(Request::authorization)
                .containsExactly("Basic YWxpY2U6c2VjcmV0");
    }

    @Test
    void sendsBasicAuthFromTheUrlWithoutEverShowingThePassword() throws IOException {
        registry.requireBasicAuth("alice:secret");
        String withCredentials = registry.url().replace("http://", "http://alice:secret@");
        SchemaRegistryClient client = new SchemaRegistryClient(withCredentials);

        client.register(SUBJECT, V1);

        assertThat(registry.requests()).extracting(Request::authorization)
                .containsExactly("Basic YWxpY2U6c2VjcmV0");
        assertThat(client.toString()).doesNotContain("secret");
        String dead = "http://alice:secret@127.0.0.1:" + closedPort();
        assertThatThrownBy(() -> new SchemaRegistryClient(fastRetries(dead, 0)).byId(1))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .message().doesNotContain("secret");
    }

    @Test
    void missingUrlIsAConfigErrorNamingTheKey() {
        assertThatThrownBy(() -> new SchemaRegistryClient(Map.of("bootstrap.servers", "localhost:9092")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(SchemaRegistryConfig.SCHEMA_REGISTRY_URL);
        assertThatThrownBy(() -> new SchemaRegistryClient(Map.of(
                SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registry.url(),
                SchemaRegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(SchemaRegistryConfig.BASIC_AUTH_USER_INFO);
        assertThatThrownBy(() -> new SchemaRegistryClient("localhost:8081"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(SchemaRegistryConfig.SCHEMA_REGISTRY_URL);
    }

    static Map<String, Object> fastRetries(String url, long budgetMs) {
        Map<String, Object> configs = new HashMap<>();
        configs.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, url);
        configs.put(SchemaRegistryConfig.RETRY_MAX_MS, budgetMs);
        configs.put(SchemaRegistryConfig.RETRY_BACKOFF_MS, 10L);
        configs.put(SchemaRegistryConfig.RETRY_BACKOFF_MAX_MS, 50L);
        return configs;
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
