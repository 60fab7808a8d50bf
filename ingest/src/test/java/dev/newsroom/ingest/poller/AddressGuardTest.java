package dev.newsroom.ingest.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    private static final Map<String, String[]> DNS = Map.of(
            "news.example", new String[] {"93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"},
            "intranet.example", new String[] {"10.20.30.40"},
            "metadata.example", new String[] {"169.254.169.254"},
            "split.example", new String[] {"93.184.216.34", "192.168.1.10"},
            "v6-internal.example", new String[] {"fd00:abcd::7"});

    private final AddressGuard guard = new AddressGuard(AddressGuardTest::resolve, Set.of());

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1                | a loopback address
            127.255.255.254          | a loopback address
            10.0.0.1                 | a private address
            172.16.0.1               | a private address
            172.31.255.255           | a private address
            192.168.0.1              | a private address
            169.254.169.254          | a link-local address
            100.64.0.1               | a carrier-grade NAT (shared) address
            100.127.255.255          | a carrier-grade NAT (shared) address
            0.0.0.0                  | an unspecified ("this network") address
            0.1.2.3                  | an unspecified ("this network") address
            255.255.255.255          | the broadcast address
            224.0.0.251              | a multicast address
            239.255.255.250          | a multicast address
            240.0.0.1                | a reserved address
            192.0.2.10               | a documentation address
            ::1                      | a loopback address
            ::                       | the unspecified address
            fe80::1                  | a link-local address
            febf:ffff::1             | a link-local address
            fc00::1                  | a unique local (private) address
            fd12:3456:789a::1        | a unique local (private) address
            fec0::1                  | a site-local (private) address
            ff02::1                  | a multicast address
            2001:db8::1              | a documentation address
            ::ffff:127.0.0.1         | a loopback address
            ::ffff:10.1.2.3          | a private address
            ::ffff:169.254.169.254   | a link-local address
            ::127.0.0.1              | an IPv4-compatible form of 127.0.0.1, a loopback address
            64:ff9b::10.0.0.1        | a NAT64 form of 10.0.0.1, a private address
            2002:c0a8:0101::1        | a 6to4 form of 192.168.1.1, a private address
            """)
    void nonPublicAddressesAreNamedForWhatTheyAre(String address, String reason) throws Exception {
        assertThat(AddressGuard.whyNotPublic(InetAddress.getByName(address))).hasValue(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "11.0.0.1", "192.169.0.1",
            "2606:2800:220:1:248:1893:25c8:1946", "2001:4860:4860::8888", "::ffff:8.8.8.8", "64:ff9b::8.8.8.8"})
    void publicAddressesPass(String address) throws Exception {
        assertThat(AddressGuard.whyNotPublic(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void anIpv4MappedAddressKeptInIpv6FormIsJudgedByItsIpv4Address() throws Exception {
        // The JVM turns "::ffff:a.b.c.d" literals into IPv4 addresses, but an IPv6 address can still carry one.
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(AddressGuard.whyNotPublic(address)).hasValue("an IPv4-mapped form of 127.0.0.1, a loopback address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/feed", "http://2130706433/feed",
            "http://[::1]/feed", "http://[::ffff:7f00:1]/feed", "https://localhost/feed",
            "http://user@127.0.0.1/feed"})
    void loopbackSpelledAnyWayIsRefused(String url) {
        AddressGuard systemResolver = new AddressGuard();

        assertThatThrownBy(() -> systemResolver.check(URI.create(url), false))
                .isInstanceOf(AddressRefusedException.class)
                .hasMessageContaining("a loopback address");
    }

    @Test
    void hostNamesAreJudgedByWhatTheyResolveTo() {
        assertThatThrownBy(() -> guard.check(URI.create("https://intranet.example/rss"), false))
                .hasMessage("https://intranet.example/rss: host intranet.example resolves to 10.20.30.40, "
                        + "a private address");
        assertThatThrownBy(() -> guard.check(URI.create("http://metadata.example/latest/meta-data/"), false))
                .hasMessageContaining("resolves to 169.254.169.254, a link-local address");
        assertThatThrownBy(() -> guard.check(URI.create("https://v6-internal.example/"), false))
                .hasMessageContaining("a unique local (private) address");
    }

    @Test
    void oneNonPublicAddressAmongPublicOnesIsEnoughToRefuse() {
        assertThatThrownBy(() -> guard.check(URI.create("https://split.example/feed"), false))
                .hasMessageContaining("resolves to 192.168.1.10, a private address");
    }

    @Test
    void aHostWithOnlyPublicAddressesPasses() {
        assertThatCode(() -> guard.check(URI.create("https://news.example/feed.xml"), false))
                .doesNotThrowAnyException();
    }

    @Test
    void allowPrivateLetsAFeedReachInternalHosts() {
        assertThatCode(() -> guard.check(URI.create("http://intranet.example/rss"), true)).doesNotThrowAnyException();
        assertThatCode(() -> guard.check(URI.create("http://127.0.0.1:8080/rss"), true)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://news.example/feed.xml", "gopher://news.example/",
            "jar:http://news.example/x.jar!/feed", "news.example/feed.xml"})
    void onlyHttpAndHttpsAreFetchedEvenForPrivateFeeds(String url) {
        assertThatThrownBy(() -> guard.check(URI.create(url), true))
                .isInstanceOf(AddressRefusedException.class)
                .hasMessageContaining("is not an http or https URL");
    }

    @Test
    void aUrlWithoutAHostIsRefused() {
        assertThatThrownBy(() -> guard.check(URI.create("http:///feed.xml"), false))
                .hasMessageContaining("has no host");
    }

    @Test
    void anUnknownHostIsReportedAsSuch() {
        assertThatThrownBy(() -> guard.check(URI.create("https://nowhere.example/feed"), false))
                .isInstanceOf(UnknownHostException.class);
    }

    @Test
    void anAddressTreatedAsPublicPassesWhileTheRulesStillApplyToOthers() throws Exception {
        AddressGuard standIn = new AddressGuard(AddressGuardTest::resolve, Set.of(InetAddress.getByName("127.0.0.1")));

        assertThatCode(() -> standIn.check(URI.create("http://127.0.0.1:8080/feed"), false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> standIn.check(URI.create("http://127.0.0.2:8080/feed"), false))
                .hasMessageContaining("a loopback address");
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        boolean literal = host.contains(":") || host.matches("[0-9.]+");
        String[] addresses = literal ? new String[] {host} : DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            resolved[i] = InetAddress.getByName(addresses[i]);
        }
        return resolved;
    }
}
