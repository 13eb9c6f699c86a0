package ro.marc.api.support;

import java.io.IOException;
import java.net.*;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every URI the JVM's HTTP stacks ask a proxy for (HttpURLConnection, java.net.http, the
 * Axon update checker) that does not point at this machine. MARC runs on a closed intranet.
 * An address literal of one of this machine's own interfaces counts as this machine: Tomcat, when a
 * context stops, connects to its own acceptor through a local interface address to unblock it.
 */
public final class OutboundConnectionRecorder extends ProxySelector {

    private static final List<URI> OUTBOUND = new CopyOnWriteArrayList<>();
    private static volatile boolean installed;

    private final ProxySelector delegate;

    private OutboundConnectionRecorder(ProxySelector delegate) {
        this.delegate = delegate;
    }

    public static synchronized void install() {
        if (!installed) {
            ProxySelector.setDefault(new OutboundConnectionRecorder(ProxySelector.getDefault()));
            installed = true;
        }
    }

    public static List<URI> outbound() {
        return List.copyOf(OUTBOUND);
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost();
        if (host != null && !host.equals("localhost") && !host.startsWith("127.") && !host.equals("[::1]") && !host.equals("::1")
                && !isOwnInterfaceAddress(host)) {
            OUTBOUND.add(uri);
        }
        return delegate == null ? List.of(Proxy.NO_PROXY) : delegate.select(uri);
    }

    /** An IP literal bound to one of this machine's interfaces (no name is resolved: that would itself be a lookup). */
    private static boolean isOwnInterfaceAddress(String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int scope = literal.indexOf('%');
        if (scope >= 0) {
            literal = literal.substring(0, scope);
        }
        if (!literal.contains(":") && !literal.matches("[0-9.]+")) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(literal); // a literal: no lookup
            return address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
        if (delegate != null) {
            delegate.connectFailed(uri, address, e);
        }
    }
}
