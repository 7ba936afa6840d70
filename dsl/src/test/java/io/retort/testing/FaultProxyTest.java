package io.retort.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fault proxy against a local echo server: each mode does what fault tests will rely on. */
class FaultProxyTest {
    private ServerSocket echo;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    Thread t = new Thread(() -> {
                        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                            in.transferTo(out);
                        } catch (IOException ended) {
                            // the test closed it
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        proxy = FaultProxy.to("127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        s.setSoTimeout(2_000);
        return s;
    }

    private static String roundTrip(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
        byte[] answer = s.getInputStream().readNBytes(text.length());
        return new String(answer, StandardCharsets.UTF_8);
    }

    @Test
    void passForwardsAndDelayHoldsEachChunkBack() throws IOException {
        try (Socket s = connect()) {
            assertThat(roundTrip(s, "hello")).isEqualTo("hello");
            proxy.mode(FaultProxy.delay(150));
            long start = System.nanoTime();
            assertThat(roundTrip(s, "again")).isEqualTo("again");
            assertThat((System.nanoTime() - start) / 1_000_000).as("both directions delayed").isGreaterThanOrEqualTo(290);
        }
    }

    @Test
    void blackholeSwallowsTrafficWithoutClosingAnything() throws IOException {
        try (Socket s = connect()) {
            assertThat(roundTrip(s, "hi")).isEqualTo("hi");
            proxy.mode(FaultProxy.blackhole());
            s.setSoTimeout(300);
            s.getOutputStream().write("lost".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            assertThat(proxy.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void resetBreaksOpenConnectionsAndRefuseTurnsNewOnesAway() throws IOException {
        try (Socket s = connect()) {
            assertThat(roundTrip(s, "hi")).isEqualTo("hi");
            proxy.mode(FaultProxy.reset());
            assertThat(readOrFail(s)).as("the open connection ends abruptly").isTrue();
        }
        proxy.mode(FaultProxy.refuse());
        try (Socket s = connect()) {
            assertThat(readOrFail(s)).as("a new connection is closed at once").isTrue();
        }
        proxy.mode(FaultProxy.pass());
        try (Socket s = connect()) {
            assertThat(roundTrip(s, "back")).isEqualTo("back");
        }
    }

    @Test
    void cutAfterEndsTheConnectionOnceItsBytesWentThrough() throws IOException {
        proxy.mode(FaultProxy.cutAfter(4));
        try (Socket s = connect()) {
            s.getOutputStream().write("abcdefgh".getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            byte[] got = s.getInputStream().readAllBytes();
            assertThat(got.length).as("no more than the bytes allowed came back").isLessThanOrEqualTo(4);
        } catch (java.net.SocketException reset) {
            // a reset instead of an orderly end is a cut too
        }
    }

    /** @return true when reading ends the connection (end of stream or a reset) instead of timing out */
    private static boolean readOrFail(Socket s) {
        try {
            return s.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException ended) {
            return true;
        }
    }
}
