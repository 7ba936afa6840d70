package io.retort.examples.web;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Reactor Netty's HTTP client pointed at a service on 127.0.0.1, answering {@link HttpReply}s. */
final class HttpTestClient implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ConnectionProvider connections = ConnectionProvider.builder("web-test").maxConnections(32).build();
    private final HttpClient http;

    HttpTestClient(int port) {
        this.http = HttpClient.create(connections).baseUrl("http://127.0.0.1:" + port).responseTimeout(TIMEOUT);
    }

    Mono<HttpReply> get(String path) {
        return send(HttpMethod.GET, path, null, null);
    }

    Mono<HttpReply> post(String path, String json) {
        return send(HttpMethod.POST, path, "application/json", json);
    }

    Mono<HttpReply> put(String path, String json) {
        return send(HttpMethod.PUT, path, "application/json", json);
    }

    Mono<HttpReply> delete(String path) {
        return send(HttpMethod.DELETE, path, null, null);
    }

    /**
     * @param contentType the Content-Type header, or {@code null} for none
     * @param body        the body, or {@code null} for none
     */
    Mono<HttpReply> send(HttpMethod method, String path, String contentType, String body) {
        HttpClient client = contentType == null ? http : http.headers(h -> h.set(HttpHeaderNames.CONTENT_TYPE, contentType));
        return client.request(method).uri(path)
                .send(body == null ? Mono.empty() : ByteBufFlux.fromString(Mono.just(body)))
                // chunk by chunk into one builder: aggregating 50,000 chunks into one buffer first is quadratic
                .response((res, content) -> content.asByteArray()
                        .collect(ByteArrayOutputStream::new, ByteArrayOutputStream::writeBytes)
                        .map(bytes -> new HttpReply(res.status().code(), res.responseHeaders(),
                                bytes.toString(StandardCharsets.UTF_8))))
                .single();
    }

    /** @return the client, for tests that need its own settings */
    HttpClient http() {
        return http;
    }

    @Override
    public void close() {
        connections.disposeLater().block(TIMEOUT);
    }
}
