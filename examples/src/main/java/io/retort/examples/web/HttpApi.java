package io.retort.examples.web;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.retort.exception.IntegrityViolationException;
import io.retort.exception.PoolTimeoutException;
import io.retort.exception.StaleObjectException;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * The JSON API over a {@link UserService}, on Reactor Netty's HTTP server without a framework:
 *
 * <pre>
 * GET    /users?after=0&amp;limit=50   a page in key order, and the cursor of the next one
 * GET    /users/stream              every user with its addresses, one JSON object per line (NDJSON)
 * GET    /users/{id}                a user with its addresses
 * POST   /users                     create: 201 with Location
 * PUT    /users/{id}                update, with the version last read: 409 when it is not the stored one
 * DELETE /users/{id}                204, or 404
 * GET    /admin/stats               the connection pool's counts and the rows streamed so far
 * </pre>
 *
 * <p>Each handler returns the service's {@code Mono}/{@code Flux}, mapped to bytes; errors become
 * {@code {"error": ..., "detail": ...}} with a 4xx status, or a 500 that hides the cause from the client and logs it.
 * The stream is written with {@code send(Flux<ByteBuf>)}, which requests more users only while the socket accepts
 * writes: a client that stops reading stops the queries ({@link UserService#stream()}), and one that disconnects
 * cancels the stream, which rolls back a batch's transaction if one is running and returns its connection.
 */
final class HttpApi {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1_000;
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int STREAM_SEND_BUFFER = 256 * 1024;
    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private final UserService users;
    private final JsonCodec json = new JsonCodec();
    /** Users handed to the stream's socket so far: with a stalled client it stops growing (back-pressure). */
    private final LongAdder rowsStreamed = new LongAdder();

    HttpApi(UserService users) {
        this.users = users;
    }

    /**
     * @param host the address to listen on
     * @param port the port, 0 for any free one
     * @return the running server
     */
    DisposableServer start(String host, int port) {
        return HttpServer.create().host(host).port(port).route(this::routes).bindNow();
    }

    /** Routes match in the order declared: {@code /users/stream} before {@code /users/{id}}. */
    private void routes(HttpServerRoutes routes) {
        routes.get("/users", (req, res) -> answer(res, Mono.defer(() -> list(req))))
                .get("/users/stream", this::stream)
                .get("/users/{id}", (req, res) -> answer(res, Mono.defer(() -> {
                    long id = id(req);
                    return users.get(id).map(Reply::ok).switchIfEmpty(Mono.error(() -> ApiException.noSuchUser(id)));
                })))
                .post("/users", (req, res) -> answer(res, body(req, NewUser.class)
                        .flatMap(users::create)
                        .map(created -> Reply.created(created, "/users/" + created.id()))))
                .put("/users/{id}", (req, res) -> answer(res, Mono.defer(() -> {
                    long id = id(req);
                    return body(req, UserChange.class).flatMap(change -> users.update(id, change))
                            .map(Reply::ok)
                            .switchIfEmpty(Mono.error(() -> ApiException.noSuchUser(id)));
                })))
                .delete("/users/{id}", (req, res) -> answer(res, Mono.defer(() -> {
                    long id = id(req);
                    return users.delete(id).map(deleted -> {
                        if (!deleted) {
                            throw ApiException.noSuchUser(id);
                        }
                        return Reply.noContent();
                    });
                })))
                .get("/admin/stats", (req, res) -> answer(res, Mono.fromSupplier(() -> Reply.ok(stats()))))
                .route(req -> true, (req, res) -> answer(res, Mono.error(new ApiException(404, "not_found",
                        "no route for " + req.method() + " " + req.fullPath()))));
    }

    private Mono<Reply> list(HttpServerRequest req) {
        Map<String, List<String>> query = query(req, Set.of("after", "limit"));
        long after = number(query, "after", 0, 0, Long.MAX_VALUE);
        int limit = (int) number(query, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        return users.list(after, limit).map(Reply::ok);
    }

    private Publisher<Void> stream(HttpServerRequest req, HttpServerResponse res) {
        try {
            query(req, Set.of());
        } catch (ApiException e) {
            return answer(res, Mono.error(e));
        }
        // a stalled client's unread lines wait in this socket's kernel send buffer, which Linux grows up to
        // net.ipv4.tcp_wmem's maximum (4 MiB by default) per connection: capping it bounds the memory a slow
        // client costs and makes back-pressure reach the database after thousands of rows, not tens of thousands.
        // The price: at most about 2 x 256 KiB in flight per round trip (10 MB/s at 50 ms).
        res.withConnection(c -> c.channel().config().setOption(ChannelOption.SO_SNDBUF, STREAM_SEND_BUFFER));
        Flux<ByteBuf> lines = users.stream()
                .doOnNext(u -> rowsStreamed.increment())
                .map(u -> {
                    byte[] line = json.write(u);
                    return res.alloc().buffer(line.length + 1).writeBytes(line).writeByte('\n');
                });
        return res.header(HttpHeaderNames.CONTENT_TYPE, NDJSON).send(lines).then()
                .doOnError(e -> LOG.warn("stream ended early: {}", e.toString()));
    }

    private Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("service", users.describe());
        stats.put("pool", users.poolStats());
        stats.put("rowsStreamed", rowsStreamed.sum());
        return stats;
    }

    /** @return users handed to streams so far */
    long rowsStreamed() {
        return rowsStreamed.sum();
    }

    private <T> Mono<T> body(HttpServerRequest req, Class<T> type) {
        String length = req.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null && (length.length() > 9 || Long.parseLong(length) > MAX_BODY_BYTES)) {
            return Mono.error(tooLarge());
        }
        String contentType = req.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(JSON)) {
            return Mono.error(new ApiException(415, "unsupported_media_type", "send Content-Type: " + JSON));
        }
        return req.receive().aggregate().asByteArray()
                .defaultIfEmpty(new byte[0])
                .map(bytes -> {
                    if (bytes.length > MAX_BODY_BYTES) {   // a chunked body has no Content-Length to check first
                        throw tooLarge();
                    }
                    return json.read(bytes, type);
                });
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "body_too_large", "send at most " + MAX_BODY_BYTES + " bytes");
    }

    private static long id(HttpServerRequest req) {
        String id = req.param("id");
        try {
            long n = Long.parseLong(id);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, naming the parameter
        }
        throw ApiException.invalid("id", "must be a positive whole number, got " + id);
    }

    private static Map<String, List<String>> query(HttpServerRequest req, Set<String> known) {
        Map<String, List<String>> params = new QueryStringDecoder(req.uri()).parameters();
        for (String name : params.keySet()) {
            if (!known.contains(name)) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("parameter", name);
                detail.put("known", known.stream().sorted().toList());
                throw new ApiException(400, "unknown_parameter", detail);
            }
        }
        return params;
    }

    private static long number(Map<String, List<String>> query, String name, long absent, long min, long max) {
        List<String> values = query.get(name);
        if (values == null) {
            return absent;
        }
        if (values.size() != 1) {
            throw ApiException.invalid(name, "must be given once");
        }
        try {
            long n = Long.parseLong(values.get(0));
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, naming the parameter
        }
        throw ApiException.invalid(name, "must be a whole number between " + min + " and " + max + ", got "
                + values.get(0));
    }

    private Publisher<Void> answer(HttpServerResponse res, Mono<Reply> reply) {
        return reply.onErrorResume(e -> Mono.just(failure(e)))
                .flatMap(r -> {
                    res.status(r.status());
                    if (r.location() != null) {
                        res.header(HttpHeaderNames.LOCATION, r.location());
                    }
                    if (r.body() == null) {
                        return res.send();
                    }
                    return res.header(HttpHeaderNames.CONTENT_TYPE, JSON)
                            .sendByteArray(Mono.fromSupplier(() -> json.write(r.body()))).then();
                });
    }

    /** What an error answers: the API's own refusals as they are, Retort's by kind, anything else a bare 500. */
    private static Reply failure(Throwable e) {
        if (e instanceof ApiException refused) {
            return new Reply(HttpResponseStatus.valueOf(refused.status()), refused.body(), null);
        }
        if (e instanceof StaleObjectException stale) {
            return new Reply(HttpResponseStatus.CONFLICT, new ErrorBody("version_conflict", stale.getMessage()), null);
        }
        if (e instanceof IntegrityViolationException duplicate) {
            // the only unique constraint besides the key is the email's; the message names no values, by design
            return new Reply(HttpResponseStatus.CONFLICT, new ErrorBody("duplicate",
                    "another user has this email (constraint " + duplicate.constraintName() + ")"), null);
        }
        if (e instanceof PoolTimeoutException busy) {
            LOG.warn("no free connection: {}", busy.getMessage());
            return new Reply(HttpResponseStatus.SERVICE_UNAVAILABLE, new ErrorBody("busy", "try again shortly"), null);
        }
        LOG.error("request failed", e);
        return new Reply(HttpResponseStatus.INTERNAL_SERVER_ERROR, new ErrorBody("internal", "see the server's log"), null);
    }

    /**
     * A complete answer: status, JSON body (none for 204) and where a created resource lives.
     *
     * @param status   the status
     * @param body     what to write as JSON, or {@code null}
     * @param location the {@code Location} header, or {@code null}
     */
    private record Reply(HttpResponseStatus status, Object body, String location) {
        static Reply ok(Object body) {
            return new Reply(HttpResponseStatus.OK, body, null);
        }

        static Reply created(Object body, String location) {
            return new Reply(HttpResponseStatus.CREATED, body, location);
        }

        static Reply noContent() {
            return new Reply(HttpResponseStatus.NO_CONTENT, null, null);
        }
    }
}
