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
        String lower = bare.toLowerCase(Locale.ROOT);
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
            boolean mapped = true; // ::ffff:a.b.c.d carries an IPv4 address
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
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
