package dev.newsroom.publish.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.publish.outlet.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signatures against the Standard Webhooks reference test vector: secret, message id, timestamp, payload and
 * expected signature as in standard-webhooks/standard-webhooks, libraries/java/src/test/java/com/standardwebhooks/
 * WebhookTest.java ({@code verifyWebhookSignWorks}) and libraries/go/webhook_test.go ({@code TestWebhookSign}).
 */
class WebhookSignerTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String MESSAGE_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final byte[] PAYLOAD = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void theReferenceVectorSignsToTheReferenceSignature() {
        WebhookSigner signer = new WebhookSigner(List.of(WebhookSecret.parse(SECRET)));

        assertThat(signer.sign(MESSAGE_ID, TIMESTAMP, PAYLOAD)).isEqualTo(EXPECTED);
    }

    @Test
    void theSecretReadsWithOrWithoutItsPrefix() {
        WebhookSigner bare = new WebhookSigner(List.of(WebhookSecret.parse(SECRET.substring("whsec_".length()))));

        assertThat(bare.sign(MESSAGE_ID, TIMESTAMP, PAYLOAD)).isEqualTo(EXPECTED);
    }

    @Test
    void duringRotationEverySecretSignsAndTheSignaturesAreSpaceSeparated() {
        WebhookSecret next = WebhookSecret.parse("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD");
        WebhookSigner signer = new WebhookSigner(List.of(WebhookSecret.parse(SECRET), next));

        String header = signer.sign(MESSAGE_ID, TIMESTAMP, PAYLOAD);

        assertThat(header.split(" ")).containsExactly(EXPECTED,
                WebhookSigner.signature(next, MESSAGE_ID, TIMESTAMP, PAYLOAD));
        assertThat(header.split(" ")[1]).startsWith("v1,").isNotEqualTo(EXPECTED);
    }

    @Test
    void anyChangeToIdTimestampOrBodyChangesTheSignature() {
        WebhookSecret secret = WebhookSecret.parse(SECRET);

        assertThat(WebhookSigner.signature(secret, "msg_other", TIMESTAMP, PAYLOAD)).isNotEqualTo(EXPECTED);
        assertThat(WebhookSigner.signature(secret, MESSAGE_ID, TIMESTAMP + 1, PAYLOAD)).isNotEqualTo(EXPECTED);
        assertThat(WebhookSigner.signature(secret, MESSAGE_ID, TIMESTAMP,
                "{\"test\":2432232314}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(EXPECTED);
    }

    @Test
    void secretsThatAreNotBase64OrTooShortAreRefusedWithoutShowingThem() {
        assertThatThrownBy(() -> WebhookSecret.parse("whsec_not base64!")).hasMessage("is not whsec_ followed by base64");
        assertThatThrownBy(() -> WebhookSecret.parse("whsec_c2hvcnQ=")).hasMessageContaining("decodes to 5 bytes");
        assertThat(WebhookSecret.parse(SECRET)).hasToString("whsec_***");
    }
}
