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
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            return Optional.of("Port " + uri.getPort() + " does not exist: use a port from 1 to 65535, or none.");
        }
        if (uri.getPort() == -1 && uri.getRawAuthority() != null && uri.getRawAuthority().matches(".*:[^\\]]*$")
                && !uri.getRawAuthority().endsWith("]")) {
            return Optional.of("The port is not a number from 1 to 65535.");
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
            int second = b[1] & 0xff;
            if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                boolean wellKnown = true;
                for (int i = 4; i < 12; i++) {
                    wellKnown &= b[i] == 0;
                }
                return !wellKnown || embeddedIsInternal(b, 12); // NAT64 64:ff9b::a.b.c.d; 64:ff9b:1::/48 is local
            }
            // Only 2000::/3 is routed on the Internet. Everything else (the IPv4-compatible ::a.b.c.d, -mapped
            // ::ffff:a.b.c.d and -translated ::ffff:0:a.b.c.d forms, unique local fc00::/7, link-local, multicast,
            // discard-only 100::/64) leads somewhere internal, or to an IPv4 address the form hides.
            if ((first & 0xe0) != 0x20) {
                return true;
            }
            if (first == 0x20 && second == 0x01) {
                int third = b[2] & 0xff;
                int fourth = b[3] & 0xff;
                return third == 0 && fourth == 0 // Teredo 2001::/32 tunnels to an address it does not show
                        || third == 0x0d && fourth == 0xb8 // documentation 2001:db8::/32
                        || third == 0 && (fourth & 0xf0) == 0x10 // ORCHID 2001:10::/28
                        || third == 0 && fourth == 0x02 && b[4] == 0 && b[5] == 0; // benchmarking 2001:2::/48
            }
            if (first == 0x20 && second == 0x02) {
                return embeddedIsInternal(b, 2); // 6to4 2002:a.b.c.d::/48
            }
            return false;
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
