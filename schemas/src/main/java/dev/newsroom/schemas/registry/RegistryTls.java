package dev.newsroom.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.kafka.common.config.ConfigException;

/**
 * The TLS context of the registry client, from Confluent's {@code schema.registry.ssl.*} keys.
 *
 * <p>The JDK's HttpClient always asks for host name verification (only a JVM-wide system property
 * turns it off), so an empty {@value SchemaRegistryConfig#SSL_ENDPOINT_IDENTIFICATION_ALGORITHM}
 * is honoured by a trust manager that checks the chain but not the host.
 */
final class RegistryTls {

    private final SSLContext context;
    private final boolean clientCertificate;

    RegistryTls(SchemaRegistryConfig config) {
        this.context = build(config);
        this.clientCertificate = config.getString(SchemaRegistryConfig.SSL_KEYSTORE_LOCATION) != null;
    }

    /** The context to use, or null when nothing is configured and the JDK defaults apply. */
    SSLContext context() {
        return context;
    }

    /**
     * A hint for a connection to an {@code https} registry dropped without an answer: under TLS 1.3 a
     * registry refusing a missing client certificate looks to the client like exactly that.
     */
    String dropHint(String url, IOException failure) {
        if (clientCertificate || !url.startsWith("https:")) {
            return "";
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("Connection reset") || message.contains("received no bytes"))) {
                return " (if the registry requires a client certificate, set "
                        + SchemaRegistryConfig.SSL_KEYSTORE_LOCATION + ")";
            }
        }
        return "";
    }

    private static SSLContext build(SchemaRegistryConfig config) {
        String truststore = config.getString(SchemaRegistryConfig.SSL_TRUSTSTORE_LOCATION);
        String keystore = config.getString(SchemaRegistryConfig.SSL_KEYSTORE_LOCATION);
        String algorithm = config.getString(SchemaRegistryConfig.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM);
        boolean checkHost = algorithm != null && !algorithm.isBlank();
        if (truststore == null && keystore == null && checkHost) {
            return null;
        }
        try {
            KeyManager[] keyManagers = null;
            if (keystore != null) {
                String storePassword = config.password(SchemaRegistryConfig.SSL_KEYSTORE_PASSWORD);
                String keyPassword = config.password(SchemaRegistryConfig.SSL_KEY_PASSWORD);
                KeyStore store = load(keystore, config.getString(SchemaRegistryConfig.SSL_KEYSTORE_TYPE),
                        storePassword, SchemaRegistryConfig.SSL_KEYSTORE_LOCATION);
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                String password = keyPassword != null ? keyPassword : storePassword;
                factory.init(store, password == null ? new char[0] : password.toCharArray());
                keyManagers = factory.getKeyManagers();
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(truststore == null ? null : load(truststore,
                    config.getString(SchemaRegistryConfig.SSL_TRUSTSTORE_TYPE),
                    config.password(SchemaRegistryConfig.SSL_TRUSTSTORE_PASSWORD),
                    SchemaRegistryConfig.SSL_TRUSTSTORE_LOCATION));
            TrustManager[] trustManagers = trust.getTrustManagers();
            if (!checkHost) {
                trustManagers = new TrustManager[] {new ChainOnlyTrustManager(x509(trustManagers))};
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigException("Cannot set up TLS for the schema registry from schema.registry.ssl.*: "
                    + e.getMessage());
        }
    }

    /**
     * Whether a failed handshake was a verdict on a certificate (ours untrusted, or the registry's refused by
     * an alert), which retrying cannot change, rather than a connection dropped mid-handshake.
     */
    static boolean isRefusal(SSLHandshakeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException
                    || (t.getMessage() != null && t.getMessage().contains("Received fatal alert"))) {
                return true;
            }
        }
        return false;
    }

    private static KeyStore load(String location, String type, String password, String key)
            throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password == null ? null : password.toCharArray());
            return store;
        } catch (IOException e) {
            throw new ConfigException(key, location, "cannot read the " + type + " store (wrong path, format or"
                    + " password?): " + e.getMessage());
        }
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager manager : managers) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("the JDK offers no X.509 trust manager");
    }

    /** Checks the certificate chain and ignores which host the certificate names. */
    private static final class ChainOnlyTrustManager extends X509ExtendedTrustManager {

        private final X509TrustManager delegate;

        ChainOnlyTrustManager(X509TrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
