package org.quotecheck.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which URLs a webhook may be sent to. Only http and https, no credentials in the URL, and, unless private addresses
 * are allowed, a host whose every address is public: not this machine (loopback, its own interfaces, 0.0.0.0), not a
 * private network (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), not link-local (169.254/16 with the cloud
 * metadata service, fe80::/10), not multicast or reserved. Checked when an endpoint is registered and again before
 * every delivery, since a name can point elsewhere later. Redirects are never followed (see {@link WebhookSender}).
 */
public final class WebhookUrls {

    /** A name resolver, so that tests can give answers without DNS. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static final Resolver DNS = InetAddress::getAllByName;

    private WebhookUrls() {
    }

    /** Why the URL is refused, or empty if a webhook may be sent to it. */
    public static Optional<String> refusal(String url, boolean allowPrivate, Resolver resolver) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("This is not a URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("Use an http or https URL.");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("Leave user names and passwords out of the URL; the signature authenticates each delivery.");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("The URL has no host name.");
        }
        if (url.length() > 2000) {
            return Optional.of("Use a URL of at most 2,000 characters.");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String lower = bare.toLowerCase(Locale.ROOT).replaceAll("\\.+$", ""); // "localhost." is localhost
        if (lower.equals("localhost") || lower.endsWith(".localhost") || lower.endsWith(".internal") || lower.endsWith(".local")) {
            return Optional.of("This URL points at this server or an internal network, which webhooks may not reach.");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return Optional.of("The host name " + host + " cannot be resolved.");
        }
        Set<InetAddress> own = ownAddresses();
        for (InetAddress address : addresses) {
            if (isInternal(address) || own.contains(address)) {
                return Optional.of("This URL points at this server or an internal network (" + address.getHostAddress()
                        + "), which webhooks may not reach.");
            }
        }
        return Optional.empty();
    }

    /** Loopback, private, shared, link-local, multicast or otherwise not a public unicast address. */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first >= 224 // this network; multicast and reserved
                    || first == 100 && second >= 64 && second < 128 // carrier-grade NAT
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                    || first == 198 && (second == 18 || second == 19); // benchmarking
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            int second = b[1] & 0xff;
            if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
                return true; // Teredo 2001::/32 tunnels to an address it does not show
            }
            if (first == 0x20 && second == 0x02) {
                return embeddedIsInternal(b, 2); // 6to4 2002:a.b.c.d::/48
            }
            boolean zeros = true;
            for (int i = 0; i < 10; i++) {
                zeros &= b[i] == 0;
            }
            if (zeros && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || b[10] == 0 && b[11] == 0)) {
                return embeddedIsInternal(b, 12); // IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d
            }
            if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                boolean wellKnown = true;
                for (int i = 4; i < 12; i++) {
                    wellKnown &= b[i] == 0;
                }
                return !wellKnown || embeddedIsInternal(b, 12); // NAT64 64:ff9b::a.b.c.d; 64:ff9b:1::/48 is local
            }
        }
        return false;
    }

    private static boolean embeddedIsInternal(byte[] b, int at) {
        try {
            return isInternal(InetAddress.getByAddress(new byte[] {b[at], b[at + 1], b[at + 2], b[at + 3]}));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /** The addresses of this machine's interfaces: a "public" address may still be this server. */
    private static Set<InetAddress> ownAddresses() {
        Set<InetAddress> own = new HashSet<>();
        try {
            List<NetworkInterface> interfaces = Collections.list(NetworkInterface.getNetworkInterfaces());
            for (NetworkInterface networkInterface : interfaces) {
                own.addAll(Collections.list(networkInterface.getInetAddresses()));
            }
        } catch (SocketException e) {
            // no list of interfaces: the other checks still apply
        }
        return own;
    }
}
