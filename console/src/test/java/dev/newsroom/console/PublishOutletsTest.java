package dev.newsroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PublishOutletsTest {

    @Test
    void publishsOutletReportIsReadWithItsOptionalFields() throws Exception {
        var outlets = PublishOutlets.parse("""
                {"status":"DEGRADED","outlets":[
                  {"name":"all","kind":"feed","state":"ACTIVE","pending":0,"lastDeliveredAt":"2026-12-06T20:00:00Z"},
                  {"name":"site","kind":"webhook","state":"DISABLED","pending":3,"detail":"410","lastError":"HTTP 410"}]}
                """);

        assertThat(outlets).containsExactly(
                new PublishOutlets.Outlet("all", "feed", "ACTIVE", 0, null, Instant.parse("2026-12-06T20:00:00Z")),
                new PublishOutlets.Outlet("site", "webhook", "DISABLED", 3, "HTTP 410", null));
    }

    @Test
    void anUnreachablePublishServiceIsReportedNotThrown() {
        PublishOutlets.Report report = new PublishOutlets("http://127.0.0.1:1/").read();

        assertThat(report.outlets()).isEmpty();
        assertThat(report.error()).isNotBlank();
    }
}
