package dev.newsroom.ingest.poller;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the poller from being used to reach the network it runs in (SSRF): a feed URL, or any redirect it
 * leads to, must be http(s) and every address its host resolves to must be public, unless the feed is
 * explicitly allowed to be private.
 *
 * <p>Addresses are judged after resolution, by the same JVM resolver the HTTP client uses, so spellings such
 * as {@code 2130706433}, {@code 127.1} or {@code [::ffff:7f00:1]} are caught as what they connect to. All
 * addresses of a host are checked, because the client may connect to any of them.
 *
 * <p>The check cannot pin the connection to the address it checked: {@code java.net.http} resolves the host
 * again itself. {@link FeedFetcher} narrows that window (see its documentation); the residual risk is
 * described there.
 */
public final class AddressGuard {

    /** Every address of a host name, like {@link InetAddress#getAllByName}. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final String PRIVATE = "a private address";
    private static final String DOCUMENTATION = "a documentation address";

    // Order matters where ranges nest: the first match names the reason.
    private static final List<Block> BLOCKED = List.of(
            Block.of("0.0.0.0/8", "an unspecified (\"this network\") address"),
            Block.of("10.0.0.0/8", PRIVATE),
            Block.of("100.64.0.0/10", "a carrier-grade NAT (shared) address"),
            Block.of("127.0.0.0/8", "a loopback address"),
            Block.of("169.254.0.0/16", "a link-local address"),
            Block.of("172.16.0.0/12", PRIVATE),
            Block.of("192.0.0.0/24", "an IETF protocol assignment address"),
            Block.of("192.0.2.0/24", DOCUMENTATION),
            Block.of("192.168.0.0/16", PRIVATE),
            Block.of("198.18.0.0/15", "a benchmarking address"),
            Block.of("198.51.100.0/24", DOCUMENTATION),
            Block.of("203.0.113.0/24", DOCUMENTATION),
            Block.of("224.0.0.0/4", "a multicast address"),
            Block.of("255.255.255.255/32", "the broadcast address"),
            Block.of("240.0.0.0/4", "a reserved address"),
            Block.of("::/128", "the unspecified address"),
            Block.of("::1/128", "a loopback address"),
            Block.of("100::/64", "a discard-only address"),
            Block.of("2001:db8::/32", DOCUMENTATION),
            Block.of("fc00::/7", "a unique local (private) address"),
            Block.of("fe80::/10", "a link-local address"),
            Block.of("fec0::/10", "a site-local (private) address"),
            Block.of("ff00::/8", "a multicast address"));

    // IPv6 ranges that carry an IPv4 address the packet ends up at: judged by that IPv4 address.
    private static final List<Embedding> EMBEDDINGS = List.of(
            new Embedding(Block.of("::ffff:0:0/96", "an IPv4-mapped form"), 12),
            new Embedding(Block.of("::/96", "an IPv4-compatible form"), 12),
            new Embedding(Block.of("64:ff9b::/96", "a NAT64 form"), 12),
            new Embedding(Block.of("64:ff9b:1::/48", "a local NAT64 form"), 12),
            new Embedding(Block.of("2002::/16", "a 6to4 form"), 2));

    private final Resolver resolver;
    private final Set<InetAddress> treatedAsPublic;

    /** A guard using the JVM's resolver. */
    public AddressGuard() {
        this(InetAddress::getAllByName, Set.of());
    }

    /**
     * @param treatedAsPublic addresses to let through as if public, so tests can have a loopback server stand
     *                        in for a public host and still see every other rule applied
     */
    AddressGuard(Resolver resolver, Set<InetAddress> treatedAsPublic) {
        this.resolver = resolver;
        this.treatedAsPublic = Set.copyOf(treatedAsPublic);
    }

    /**
     * Checks that {@code uri} may be requested.
     *
     * @param allowPrivate the feed is explicitly allowed to reach non-public addresses; the scheme is checked
     *                     all the same
     * @throws AddressRefusedException if the scheme is not http(s), there is no host, or the host resolves to
     *                                 any address that is not public
     * @throws UnknownHostException    if the host does not resolve
     */
    public void check(URI uri, boolean allowPrivate) throws AddressRefusedException, UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new AddressRefusedException(uri + " is not an http or https URL");
        }
        String host = hostOf(uri);
        if (host.isEmpty()) {
            throw new AddressRefusedException(uri + " has no host");
        }
        if (allowPrivate) {
            return;
        }
        for (InetAddress address : resolver.resolve(host)) {
            if (treatedAsPublic.contains(address)) {
                continue;
            }
            Optional<String> reason = whyNotPublic(address);
            if (reason.isPresent()) {
                String literal = address.getHostAddress();
                boolean hostIsLiteral = host.contains(":") || literal.equals(host);
                throw new AddressRefusedException(uri + ": host " + host
                        + (hostIsLiteral ? " is " : " resolves to " + literal + ", ") + reason.get());
            }
        }
    }

    /** Why {@code address} is not a public unicast address, or empty if it is one. */
    public static Optional<String> whyNotPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Embedding embedding : EMBEDDINGS) {
            if (embedding.range().contains(bytes) && !isUnspecifiedOrLoopbackV6(bytes)) {
                byte[] v4 = Arrays.copyOfRange(bytes, embedding.offset(), embedding.offset() + 4);
                Optional<String> inner = whyNotPublicBytes(v4);
                if (inner.isPresent()) {
                    return Optional.of(embedding.range().reason() + " of " + toInet4(v4).getHostAddress() + ", "
                            + inner.get());
                }
                return Optional.empty();
            }
        }
        return whyNotPublicBytes(bytes);
    }

    private static Optional<String> whyNotPublicBytes(byte[] bytes) {
        return BLOCKED.stream().filter(block -> block.contains(bytes)).map(Block::reason).findFirst();
    }

    // :: and ::1 sit inside the IPv4-compatible range but are IPv6's own unspecified and loopback addresses.
    private static boolean isUnspecifiedOrLoopbackV6(byte[] bytes) {
        for (int i = 0; i < 15; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[15] == 0 || bytes[15] == 1;
    }

    private static InetAddress toInet4(byte[] v4) {
        try {
            return Inet4Address.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 address", e);
        }
    }

    /** The host as the resolver wants it: IPv6 literals without their brackets. */
    static String hostOf(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return "";
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            return host.substring(1, host.length() - 1);
        }
        return host;
    }

    private record Block(byte[] prefix, int length, String reason) {

        static Block of(String cidr, String reason) {
            int slash = cidr.indexOf('/');
            try {
                byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
                if (cidr.startsWith("::ffff:")) {
                    // The JVM turns IPv4-mapped literals into IPv4 addresses; the range itself must stay IPv6.
                    prefix = new byte[16];
                    prefix[10] = (byte) 0xff;
                    prefix[11] = (byte) 0xff;
                }
                return new Block(prefix, Integer.parseInt(cidr.substring(slash + 1)), reason);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int fullBytes = length / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int remainingBits = length % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = (0xff << (8 - remainingBits)) & 0xff;
            return (address[fullBytes] & mask) == (prefix[fullBytes] & mask);
        }
    }

    private record Embedding(Block range, int offset) {
    }
}
