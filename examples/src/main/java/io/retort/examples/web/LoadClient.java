package io.retort.examples.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load run against a running web service, on Reactor Netty's HTTP client: a warm-up, then a fixed
 * number of requests with a fixed number in flight, then the server's pool counts. It prints requests/s, p50,
 * p99, errors and the connections the server still had lent out once every response was in (a leak).
 *
 * <p>The mix, by request number: 1 in 20 creates a user, 4 in 20 read a page of 20 users at a random cursor,
 * the other 15 read a user with its addresses at a random id.
 *
 * <pre>
 * LoadClient [--url http://127.0.0.1:8080] [--requests 20000] [--concurrency 64] [--warmup 5000] [--ids 1000]
 * </pre>
 */
public final class LoadClient {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final ConnectionProvider connections;
    private final int ids;
    /** Keeps the emails of created users unique across runs against the same database. */
    private final String runId = Long.toString(System.nanoTime(), 36);

    /**
     * @param baseUrl     the service, as {@code http://127.0.0.1:8080}
     * @param concurrency connections, one request in flight on each
     * @param ids         read users with ids from 1 to this
     */
    LoadClient(String baseUrl, int concurrency, int ids) {
        this.connections = ConnectionProvider.builder("load-client").maxConnections(concurrency)
                .pendingAcquireMaxCount(-1).build();
        this.http = HttpClient.create(connections).baseUrl(baseUrl);
        this.ids = ids;
    }

    /**
     * @param args see the class comment
     */
    public static void main(String[] args) {
        String url = "http://127.0.0.1:8080";
        int requests = 20_000;
        int concurrency = 64;
        int warmup = 5_000;
        int ids = 1_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--requests" -> requests = Integer.parseInt(args[i + 1]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--ids" -> ids = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
            }
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("Options come in pairs (--requests 20000), got: " + List.of(args));
        }
        LoadClient client = new LoadClient(url, concurrency, ids);
        try {
            System.out.println("server: " + client.stats().map(s -> s.path("service").asText()).block(REQUEST_TIMEOUT));
            LoadReport report = client.run(warmup, requests, concurrency).block();
            System.out.println(report);
        } finally {
            client.close();
        }
    }

    /**
     * @param warmup      requests sent first and not measured
     * @param requests    requests measured
     * @param concurrency requests in flight at once
     * @return the report, once every response is in and the server's pool was read
     */
    Mono<LoadReport> run(int warmup, int requests, int concurrency) {
        AtomicLong errors = new AtomicLong();
        Mono<Void> warm = Flux.range(0, warmup).flatMap(i -> timed(i, new AtomicLong()), concurrency).then();
        Mono<LoadReport> measured = Mono.fromSupplier(System::nanoTime).flatMap(start -> Flux.range(warmup, requests)
                .flatMap(i -> timed(i, errors), concurrency)
                .collectList()
                .map(latencies -> LoadReport.of(concurrency, latencies.stream().mapToLong(Long::longValue).toArray(),
                        System.nanoTime() - start, errors.get(), -1)));
        return warm.then(measured).flatMap(report -> leakedConnections().map(report::withLeaked));
    }

    /** @return one request's latency in nanoseconds; a failure or a status of 400 or more counts in {@code errors} */
    private Mono<Long> timed(int i, AtomicLong errors) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return request(i)
                    .timeout(REQUEST_TIMEOUT)
                    .onErrorResume(e -> Mono.just(-1))
                    .map(status -> {
                        if (status < 0 || status >= 400) {
                            errors.incrementAndGet();
                        }
                        return System.nanoTime() - start;
                    });
        });
    }

    private Mono<Integer> request(int i) {
        SplittableRandom random = new SplittableRandom(i);
        int kind = i % 20;
        if (kind == 0) {
            String body = "{\"name\":\"Load " + i + "\",\"email\":\"load-" + runId + "-" + i + "@example.com\",\"age\":"
                    + random.nextInt(18, 90) + ",\"addresses\":[{\"street\":\"" + i + " Load Lane\",\"city\":\"Testville\"}]}";
            return http.headers(h -> h.set(HttpHeaderNames.CONTENT_TYPE, "application/json"))
                    .post().uri("/users")
                    .send(ByteBufFlux.fromString(Mono.just(body)))
                    .responseSingle((res, content) -> content.asByteArray().thenReturn(res.status().code()));
        }
        String path = kind <= 4 ? "/users?after=" + random.nextInt(ids) + "&limit=20" : "/users/" + (1 + random.nextInt(ids));
        return http.get().uri(path).responseSingle((res, content) -> content.asByteArray().thenReturn(res.status().code()));
    }

    /** @return the server's connections still lent out, waiting up to 5 s for them to come back; -1 if unreadable */
    Mono<Integer> leakedConnections() {
        Mono<Integer> active = stats().map(s -> s.path("pool").path("active").asInt(-1));
        return active.filter(n -> n == 0)
                .repeatWhenEmpty(100, attempts -> attempts.delayElements(Duration.ofMillis(50)))
                .switchIfEmpty(active)
                .onErrorReturn(-1);
    }

    /** @return the server's {@code /admin/stats} */
    Mono<JsonNode> stats() {
        return http.get().uri("/admin/stats").responseSingle((res, content) -> content.asByteArray()).map(bytes -> {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Closes the client's connections. */
    void close() {
        connections.disposeLater().block(REQUEST_TIMEOUT);
    }
}
