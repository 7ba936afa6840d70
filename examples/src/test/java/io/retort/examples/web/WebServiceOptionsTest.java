package io.retort.examples.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** WebServiceMain's command line. */
class WebServiceOptionsTest {

    @Test
    void noArgumentsServeEmbeddedH2OnTheLoopback() {
        assertThat(WebServiceOptions.parse()).isEqualTo(WebServiceOptions.DEFAULTS);
        assertThat(WebServiceOptions.DEFAULTS.url()).isEqualTo("h2:mem:web");
        assertThat(WebServiceOptions.DEFAULTS.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void everyOptionIsRead() {
        WebServiceOptions o = WebServiceOptions.parse("--port", "0", "--host", "0.0.0.0", "--url", "postgresql://app@db/shop",
                "--blocking", "--threads", "PLATFORM", "--platform-threads", "32", "--pool-size", "20", "--seed", "5",
                "--app-name", "shop-web", "--echo", "--local-validation");
        assertThat(o).isEqualTo(new WebServiceOptions("0.0.0.0", 0, "postgresql://app@db/shop", true, "platform", 32, 20,
                5, "shop-web", true, false));
        BlockingThreads threads = o.blockingThreads();
        assertThat(threads.description()).startsWith("32 platform threads");
        threads.scheduler().dispose();
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> WebServiceOptions.parse("--prot", "1")).hasMessage("Unknown option: --prot");
        assertThatThrownBy(() -> WebServiceOptions.parse("--port")).hasMessageContaining("missing value: --port");
        assertThatThrownBy(() -> WebServiceOptions.parse("--port", "x")).hasMessage("--port takes a number, not x");
        assertThatThrownBy(() -> WebServiceOptions.parse("--pool-size", "0"))
                .hasMessage("--pool-size must be between 1 and 1000, got 0");
        assertThatThrownBy(() -> WebServiceOptions.parse("--threads", "green"))
                .hasMessage("--threads takes virtual, platform or auto, not green");
    }

    @Test
    void virtualThreadsAreUsedExactlyWhereTheJvmHasThem() {
        WebServiceOptions auto = WebServiceOptions.parse("--blocking");
        boolean virtual = Runtime.version().feature() >= 21;
        assertThat(BlockingThreads.virtualAvailable()).isEqualTo(virtual);
        BlockingThreads threads = auto.blockingThreads();
        assertThat(threads.description()).startsWith(virtual ? "virtual threads" : "64 platform threads");
        threads.scheduler().dispose();
        if (!virtual) {
            assertThatThrownBy(() -> WebServiceOptions.parse("--threads", "virtual").blockingThreads())
                    .hasMessageContaining("has no virtual threads");
        }
    }
}
