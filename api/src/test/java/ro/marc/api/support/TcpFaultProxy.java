package ro.marc.api.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A TCP proxy on loopback in front of a real service (Elasticsearch, PostgreSQL), for tests that
 * need the service to fail the way it fails in production:
 * <ul>
 *   <li>{@link #refuse()}: open connections are cut and new ones are closed at once (a stopped node);</li>
 *   <li>{@link #stall()}: connections stay open but no byte moves in either direction (a paused node,
 *       a network black hole), so callers only stop through their own timeouts;</li>
 *   <li>{@link #restore()}: traffic flows again (new connections are accepted, stalled ones resume).</li>
 * </ul>
 */
public final class TcpFaultProxy implements AutoCloseable {

    private enum Mode { PASS, REFUSE, STALL }

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flowing = lock.newCondition();
    private volatile Mode mode = Mode.PASS;
    private volatile boolean closed;

    private TcpFaultProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("tcp-fault-proxy-accept").start(this::acceptLoop);
    }

    /** A proxy in front of {@code host:port}. */
    public static TcpFaultProxy to(String host, int port) throws IOException {
        return new TcpFaultProxy(new InetSocketAddress(host, port));
    }

    /** A proxy in front of the host and port of an {@code http://host:port} URL. */
    public static TcpFaultProxy toUrl(String url) throws IOException {
        URI uri = URI.create(url);
        return to(uri.getHost(), uri.getPort());
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>}: the URL to give the application instead of the service's. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Cuts every open connection and closes new ones at once, until {@link #restore()}. */
    public void refuse() {
        mode = Mode.REFUSE;
        sockets.forEach(TcpFaultProxy::closeQuietly);
        sockets.clear();
    }

    /** Holds every byte in both directions (connections stay open), until {@link #restore()}. */
    public void stall() {
        mode = Mode.STALL;
    }

    public void restore() {
        lock.lock();
        try {
            mode = Mode.PASS;
            flowing.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        restore();
        closeQuietly(server);
        sockets.forEach(TcpFaultProxy::closeQuietly);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            if (mode == Mode.REFUSE) {
                closeQuietly(client);
                continue;
            }
            Thread.ofPlatform().daemon().name("tcp-fault-proxy-connect").start(() -> connect(client));
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(target, 5_000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        sockets.add(client);
        sockets.add(upstream);
        Thread.ofPlatform().daemon().name("tcp-fault-proxy-up").start(() -> pump(client, upstream));
        Thread.ofPlatform().daemon().name("tcp-fault-proxy-down").start(() -> pump(upstream, client));
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                awaitFlowing();
                if (mode == Mode.REFUSE || closed) {
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the connection ended (or was cut on purpose)
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private void awaitFlowing() throws InterruptedException {
        if (mode != Mode.STALL) {
            return;
        }
        lock.lock();
        try {
            while (mode == Mode.STALL && !closed) {
                flowing.await();
            }
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
