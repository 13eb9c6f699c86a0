package ro.marc.api.support;

import java.io.IOException;
import java.net.*;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every URI the JVM's HTTP stacks ask a proxy for (HttpURLConnection, java.net.http, the
 * Axon update checker) that does not point at this machine. MARC runs on a closed intranet.
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
        if (host != null && !host.equals("localhost") && !host.startsWith("127.") && !host.equals("[::1]") && !host.equals("::1")) {
            OUTBOUND.add(uri);
        }
        return delegate == null ? List.of(Proxy.NO_PROXY) : delegate.select(uri);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
        if (delegate != null) {
            delegate.connectFailed(uri, address, e);
        }
    }
}
