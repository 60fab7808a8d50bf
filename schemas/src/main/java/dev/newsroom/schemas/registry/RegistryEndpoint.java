package dev.newsroom.schemas.registry;

import static dev.newsroom.schemas.registry.SchemaRegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE;
import static dev.newsroom.schemas.registry.SchemaRegistryConfig.BASIC_AUTH_USER_INFO;
import static dev.newsroom.schemas.registry.SchemaRegistryConfig.BEARER_AUTH_CREDENTIALS_SOURCE;
import static dev.newsroom.schemas.registry.SchemaRegistryConfig.BEARER_AUTH_TOKEN;
import static dev.newsroom.schemas.registry.SchemaRegistryConfig.CREDENTIALS_SOURCE_STATIC_TOKEN;
import static dev.newsroom.schemas.registry.SchemaRegistryConfig.CREDENTIALS_SOURCE_URL;
import static dev.newsroom.schemas.registry.SchemaRegistryConfig.CREDENTIALS_SOURCE_USER_INFO;
import static dev.newsroom.schemas.registry.SchemaRegistryConfig.SCHEMA_REGISTRY_URL;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.common.config.ConfigException;

/**
 * One registry base URL with the {@code Authorization} header to send to it; {@code display}
 * never contains a password. {@code credentialKeys} names the settings to check on a 401/403.
 */
record RegistryEndpoint(String display, String authorization, String credentialKeys) {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    static List<RegistryEndpoint> parseAll(SchemaRegistryConfig config) {
        String urls = config.urls();
        if (urls == null || urls.isBlank()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, urls,
                    "a comma-separated list of schema registry URLs is required");
        }
        String bearer = bearerAuthorization(config);
        String userInfo = bearer == null ? basicUserInfo(config) : null;
        String keys = bearer != null ? BEARER_AUTH_TOKEN + " and " + BEARER_AUTH_CREDENTIALS_SOURCE
                : BASIC_AUTH_USER_INFO + " and " + BASIC_AUTH_CREDENTIALS_SOURCE;
        boolean fromUrl = bearer == null && userInfo == null;
        List<RegistryEndpoint> endpoints = new ArrayList<>();
        for (String part : urls.split(",")) {
            if (!part.isBlank()) {
                endpoints.add(parse(part.strip(), bearer, userInfo, fromUrl, keys));
            }
        }
        return List.copyOf(endpoints);
    }

    /** {@code Bearer <token>} when bearer auth is configured, refusing Basic credentials beside it. */
    private static String bearerAuthorization(SchemaRegistryConfig config) {
        String source = config.bearerSource();
        String token = config.bearerToken();
        if (source == null && token == null) {
            return null;
        }
        if (config.credentialsSource() != null || config.userInfo() != null) {
            throw new ConfigException("Both Basic and bearer credentials are configured for the schema registry ("
                    + BASIC_AUTH_CREDENTIALS_SOURCE + "/" + BASIC_AUTH_USER_INFO + " and "
                    + BEARER_AUTH_CREDENTIALS_SOURCE + "/" + BEARER_AUTH_TOKEN + "); set only one of them");
        }
        if (source != null && !source.equals(CREDENTIALS_SOURCE_STATIC_TOKEN)) {
            throw new ConfigException(BEARER_AUTH_CREDENTIALS_SOURCE, source, "only "
                    + CREDENTIALS_SOURCE_STATIC_TOKEN + " (with " + BEARER_AUTH_TOKEN + ") is supported;"
                    + " OAUTHBEARER, SASL_OAUTHBEARER_INHERIT and CUSTOM are not");
        }
        if (token == null || token.isBlank()) {
            throw new ConfigException(BEARER_AUTH_TOKEN, null, "a token is required when "
                    + BEARER_AUTH_CREDENTIALS_SOURCE + " is " + CREDENTIALS_SOURCE_STATIC_TOKEN);
        }
        return "Bearer " + token;
    }

    /** The configured {@code user:password}, or null when credentials come from the URLs. */
    private static String basicUserInfo(SchemaRegistryConfig config) {
        String userInfo = config.userInfo();
        String source = config.credentialsSource();
        if (source == null) {
            source = userInfo != null ? CREDENTIALS_SOURCE_USER_INFO : CREDENTIALS_SOURCE_URL;
        }
        if (!source.equals(CREDENTIALS_SOURCE_USER_INFO) && !source.equals(CREDENTIALS_SOURCE_URL)) {
            throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source,
                    "supported sources are " + CREDENTIALS_SOURCE_USER_INFO + " and " + CREDENTIALS_SOURCE_URL);
        }
        boolean fromUserInfo = CREDENTIALS_SOURCE_USER_INFO.equals(source);
        if (fromUserInfo && userInfo == null) {
            throw new ConfigException(BASIC_AUTH_USER_INFO, null,
                    "user:password is required when " + BASIC_AUTH_CREDENTIALS_SOURCE + " is "
                            + CREDENTIALS_SOURCE_USER_INFO);
        }
        return fromUserInfo ? userInfo : null;
    }

    private static RegistryEndpoint parse(String url, String bearer, String userInfo, boolean fromUrl, String keys) {
        try {
            URI uri = new URI(url);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new ConfigException(SCHEMA_REGISTRY_URL, url, "expected http://host:port or https://host:port");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            String display = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), null, null, null) + path;
            if (bearer != null && uri.getUserInfo() != null) {
                throw new ConfigException(SCHEMA_REGISTRY_URL, display + " (with user info)", "a URL carrying"
                        + " Basic credentials cannot be combined with " + BEARER_AUTH_TOKEN);
            }
            String credentials = fromUrl ? uri.getUserInfo() : userInfo;
            String authorization = bearer != null ? bearer : credentials == null ? null
                    : "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
            return new RegistryEndpoint(display, authorization, keys);
        } catch (URISyntaxException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, url, e.getMessage());
        }
    }

    HttpRequest request(String method, String path, byte[] payload, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(display + path))
                .timeout(timeout)
                .header("Accept", CONTENT_TYPE + ", application/json")
                .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(payload));
        if (payload != null) {
            builder.header("Content-Type", CONTENT_TYPE);
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }
}
