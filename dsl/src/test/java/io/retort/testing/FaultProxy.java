package io.retort.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process TCP proxy on 127.0.0.1 for fault tests (reliability plan R07-R11): a test points an engine at
 * {@link #port()} instead of the database and switches the {@link Mode} while connections are open: pass traffic,
 * reset every connection, swallow traffic (a black hole), delay each chunk, cut a connection after some bytes, or
 * refuse new connections. Each accepted connection gets two daemon threads; {@link #close()} ends them all.
 */
public final class FaultProxy implements AutoCloseable {
    /** What the proxy does with connections and their bytes. */
    public sealed interface Mode {
        /** Forwards everything. */
        record Pass() implements Mode {
        }

        /** Resets every open connection (TCP RST) and each new one. */
        record Reset() implements Mode {
        }

        /** Keeps connections open and accepts new ones, but forwards nothing: the peer waits forever. */
        record Blackhole() implements Mode {
        }

        /**
         * Forwards each chunk after a pause.
         *
         * @param millis the pause
         */
        record Delay(long millis) implements Mode {
        }

        /**
         * Forwards this many more bytes on each connection (both directions counted, from when the mode was set or the
         * connection opened), then closes it.
         *
         * @param bytes how many
         */
        record CutAfter(long bytes) implements Mode {
        }

        /**
         * Forwards until the client sends this text (in one chunk, e.g. a {@code COMMIT}), then closes the connection,
         * after forwarding the text to the server or just before it.
         *
         * @param text        what to watch for in the client's bytes
         * @param forwardText whether the server receives it before the cut
         */
        record CutAtText(String text, boolean forwardText) implements Mode {
        }

        /** Closes new connections at once; open ones pass. */
        record Refuse() implements Mode {
        }
    }

    /** @return forward everything */
    public static Mode pass() {
        return new Mode.Pass();
    }

    /** @return reset every connection */
    public static Mode reset() {
        return new Mode.Reset();
    }

    /** @return forward nothing, close nothing */
    public static Mode blackhole() {
        return new Mode.Blackhole();
    }

    /** @param millis the pause per chunk @return delay each chunk */
    public static Mode delay(long millis) {
        return new Mode.Delay(millis);
    }

    /** @param bytes how many bytes pass @return close each connection after them */
    public static Mode cutAfter(long bytes) {
        return new Mode.CutAfter(bytes);
    }

    /**
     * @param text        what to watch for in the client's bytes
     * @param forwardText whether the server receives it before the cut
     * @return cut each connection when its client sends the text
     */
    public static Mode cutAtText(String text, boolean forwardText) {
        return new Mode.CutAtText(text, forwardText);
    }

    /** @return close new connections at once */
    public static Mode refuse() {
        return new Mode.Refuse();
    }

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicLong totalForwarded = new AtomicLong();
    private volatile Mode mode = pass();
    private volatile boolean closed;

    private FaultProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fault-proxy-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * @param host the real server's host
     * @param port its port
     * @return a proxy in front of it, passing traffic
     * @throws IOException when no local port can be bound
     */
    public static FaultProxy to(String host, int port) throws IOException {
        return new FaultProxy(new InetSocketAddress(host, port));
    }

    /** @return the local port to connect to instead of the server */
    public int port() {
        return server.getLocalPort();
    }

    /** @return the mode now */
    public Mode mode() {
        return mode;
    }

    /**
     * Switches the mode; {@link Mode.Reset} resets the connections open now at once.
     *
     * @param next the new mode
     */
    public void mode(Mode next) {
        Objects.requireNonNull(next, "next");
        links.forEach(Link::markBaseline);
        mode = next;
        if (next instanceof Mode.Reset) {
            links.forEach(Link::reset);
        }
    }

    /** @return the bytes forwarded so far, over every connection and both directions */
    public long forwardedBytes() {
        return totalForwarded.get();
    }

    /** @return how many connections are open through the proxy */
    public int openConnections() {
        return links.size();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;   // closed
            }
            Mode now = mode;
            if (now instanceof Mode.Refuse || now instanceof Mode.Reset) {
                Link.abort(client);
                continue;
            }
            try {
                Socket upstream = new Socket();
                upstream.connect(target, 5_000);
                Link link = new Link(client, upstream);
                links.add(link);
                link.start();
            } catch (IOException unreachable) {
                Link.abort(client);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing: nothing left to do
        }
        links.forEach(Link::close);
    }

    /** One proxied connection: the client's socket, the server's, and the bytes that went through. */
    private final class Link {
        private final Socket client;
        private final Socket upstream;
        private final AtomicLong forwarded = new AtomicLong();
        /** Set once the client sent a {@link Mode.CutAtText} text that is forwarded: the answer is cut. */
        private volatile boolean cutOnAnswer;
        /** Bytes forwarded when the mode last changed: a cut counts from there. */
        private volatile long baseline;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        private static int indexOf(byte[] haystack, int length, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        void markBaseline() {
            baseline = forwarded.get();
            cutOnAnswer = false;
        }

        void start() {
            pump(client, upstream, "up");
            pump(upstream, client, "down");
        }

        private void pump(Socket from, Socket to, String direction) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        Mode now = mode;
                        if (now instanceof Mode.Blackhole) {
                            continue;   // swallowed: nobody hears of it
                        }
                        if (now instanceof Mode.Reset) {
                            reset();
                            return;
                        }
                        if (now instanceof Mode.Delay d) {
                            Thread.sleep(d.millis());
                        }
                        int send = n;
                        boolean cut = false;
                        if (now instanceof Mode.CutAfter c) {
                            long left = c.bytes() - (forwarded.get() - baseline);
                            if (left <= n) {
                                send = (int) Math.max(0, left);
                                cut = true;
                            }
                        }
                        if (now instanceof Mode.CutAtText c) {
                            if (direction.equals("down") && cutOnAnswer) {
                                close();   // the server answered the text: the client never hears it
                                return;
                            }
                            int at = direction.equals("up") && !cutOnAnswer
                                    ? indexOf(buffer, n, c.text().getBytes(java.nio.charset.StandardCharsets.UTF_8)) : -1;
                            if (at >= 0 && c.forwardText()) {
                                cutOnAnswer = true;   // forward it all, and cut at the server's answer
                            } else if (at >= 0) {
                                send = at;
                                cut = true;
                            }
                        }
                        out.write(buffer, 0, send);
                        out.flush();
                        forwarded.addAndGet(send);
                        totalForwarded.addAndGet(send);
                        if (cut) {
                            close();
                            return;
                        }
                    }
                } catch (IOException | InterruptedException ended) {
                    // one side went away: the other goes too
                }
                close();
            }, "fault-proxy-" + direction + "-" + from.getPort());
            t.setDaemon(true);
            t.start();
        }

        void reset() {
            abort(client);
            abort(upstream);
            links.remove(this);
        }

        void close() {
            try {
                client.close();
            } catch (IOException ignored) {
                // already gone
            }
            try {
                upstream.close();
            } catch (IOException ignored) {
                // already gone
            }
            links.remove(this);
        }

        /** Closes with SO_LINGER 0: the peer sees a TCP reset, not an orderly end. */
        static void abort(Socket socket) {
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (SocketException ignored) {
                // already closed
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
