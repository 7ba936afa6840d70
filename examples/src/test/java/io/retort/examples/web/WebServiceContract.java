package io.retort.examples.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpMethod;
import io.retort.engine.PoolStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The web service's behaviour over real HTTP on 127.0.0.1, written once and run by one subclass per database and
 * service variant. Each class starts its own service on an ephemeral port over a fresh database with
 * {@link #SEEDED} users, and checks at the end that no connection is still lent out and, on PostgreSQL, that no
 * backend of the service is running a statement or sitting in a transaction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebServiceContract {
    static final int SEEDED = 30_000;
    private static final Duration TIMEOUT = HttpTestClient.TIMEOUT;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestDatabase db;
    private WebService service;
    private HttpTestClient api;

    /** @return a fresh database for this class */
    abstract TestDatabase database();

    /** @return whether to serve with the blocking Session */
    abstract boolean blocking();

    @BeforeAll
    void start() {
        db = database();
        service = WebService.start(db.serviceOptions(blocking(), SEEDED));
        api = new HttpTestClient(service.port());
    }

    @AfterAll
    void stop() {
        try {
            if (service != null) {
                assertNothingHeld();
            }
        } finally {
            if (api != null) {
                api.close();
            }
            if (service != null) {
                service.close();
            }
            if (db != null) {
                db.drop();
            }
        }
    }

    // ---- reading ------------------------------------------------------------------------------------------

    @Test
    void pagesFollowTheKeyAndNameTheNextCursor() {
        List<Long> firstFour = db.queryLongs("SELECT id FROM web_user ORDER BY id LIMIT 4");
        api.get("/users?limit=3").as(StepVerifier::create).assertNext(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(ids(r.json().path("users"))).containsExactlyElementsOf(firstFour.subList(0, 3));
            assertThat(r.json().path("next").asLong()).isEqualTo(firstFour.get(2));
        }).verifyComplete();
        api.get("/users?after=" + firstFour.get(2) + "&limit=1").as(StepVerifier::create).assertNext(r ->
                assertThat(ids(r.json().path("users"))).containsExactly(firstFour.get(3))).verifyComplete();
        api.get("/users").as(StepVerifier::create).assertNext(r ->
                assertThat(r.json().path("users")).hasSize(HttpApi.DEFAULT_LIMIT)).verifyComplete();
    }

    @Test
    void keysetPagingWalksEveryUserOnceWithoutGaps() {
        List<Long> expected = db.queryLongs("SELECT id FROM web_user ORDER BY id");
        List<Long> walked = new ArrayList<>();
        long after = 0;
        int pages = 0;
        while (true) {
            HttpReply page = api.get("/users?after=" + after + "&limit=" + HttpApi.MAX_LIMIT).block(TIMEOUT);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            walked.addAll(ids(page.json().path("users")));
            pages++;
            if (page.json().path("next").isNull()) {
                break;
            }
            after = page.json().path("next").asLong();
        }
        assertThat(walked).hasSizeGreaterThanOrEqualTo(SEEDED).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo((expected.size() + HttpApi.MAX_LIMIT - 1) / HttpApi.MAX_LIMIT);
    }

    @Test
    void theStreamSendsEveryUserAsOneJsonLineEach() {
        List<Long> expected = db.queryLongs("SELECT id FROM web_user ORDER BY id");
        api.get("/users/stream").as(StepVerifier::create).assertNext(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.headers().get("content-type")).isEqualTo("application/x-ndjson");
            assertThat(r.body()).endsWith("}\n");
            List<JsonNode> users = r.body().lines().map(WebServiceContract::json).toList();
            assertThat(users).extracting(u -> u.path("id").asLong()).containsExactlyElementsOf(expected);
            assertThat(users.get(0).path("addresses")).hasSize(1);
            assertThat(users.get(0).path("addresses").get(0).path("city").asText()).isEqualTo("Springfield");
        }).verifyComplete();
        api.get("/users/stream?limit=5").as(StepVerifier::create).assertNext(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().path("error").asText()).isEqualTo("unknown_parameter");
        }).verifyComplete();
    }

    @Test
    void aUserComesWithItsAddresses() {
        long id = create("reader@example.com", 2);
        api.get("/users/" + id).as(StepVerifier::create).assertNext(r -> {
            assertThat(r.status()).isEqualTo(200);
            JsonNode user = r.json();
            assertThat(user.path("email").asText()).isEqualTo("reader@example.com");
            assertThat(user.path("version").asInt()).isEqualTo(1);
            assertThat(user.path("addresses")).hasSize(2);
            assertThat(user.path("addresses").get(0).path("street").asText()).isEqualTo("1 Main Road");
            assertThat(user.path("addresses").get(1).path("city").asText()).isEqualTo("City 2");
            assertThat(user.path("addresses").get(0).path("id").asLong())
                    .isLessThan(user.path("addresses").get(1).path("id").asLong());
        }).verifyComplete();
    }

    @Test
    void anUnknownUserIs404() {
        api.get("/users/999999999").as(StepVerifier::create).assertNext(r -> {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().path("error").asText()).isEqualTo("not_found");
            assertThat(r.json().path("detail").asText()).contains("999999999");
        }).verifyComplete();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("refusedRequests")
    void badPathsAndParametersAreRefusedNamingThem(String method, String path, int status, String error, String field) {
        api.send(HttpMethod.valueOf(method), path, null, null).as(StepVerifier::create).assertNext(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(status);
            assertThat(r.json().path("error").asText()).isEqualTo(error);
            if (field != null) {
                assertThat(r.json().path("detail").path(error.equals("unknown_parameter") ? "parameter" : "field").asText())
                        .isEqualTo(field);
            }
        }).verifyComplete();
    }

    Stream<Arguments> refusedRequests() {
        return Stream.of(
                arguments("GET", "/users/abc", 400, "invalid_value", "id"),
                arguments("GET", "/users/0", 400, "invalid_value", "id"),
                arguments("GET", "/users?limit=0", 400, "invalid_value", "limit"),
                arguments("GET", "/users?limit=1001", 400, "invalid_value", "limit"),
                arguments("GET", "/users?after=-1", 400, "invalid_value", "after"),
                arguments("GET", "/users?after=x", 400, "invalid_value", "after"),
                arguments("GET", "/users?limit=1&limit=2", 400, "invalid_value", "limit"),
                arguments("GET", "/users?page=2", 400, "unknown_parameter", "page"),
                arguments("DELETE", "/users/-5", 400, "invalid_value", "id"),
                arguments("GET", "/nothing/here", 404, "not_found", null),
                arguments("PATCH", "/users/1", 404, "not_found", null));
    }

    // ---- writing ------------------------------------------------------------------------------------------

    @Test
    void createAnswers201WithLocationKeysAndVersion1() {
        api.post("/users", user("Ada", "ada@example.com", 36, 1)).as(StepVerifier::create).assertNext(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            JsonNode created = r.json();
            long id = created.path("id").asLong();
            assertThat(id).isPositive();
            assertThat(r.headers().get("location")).isEqualTo("/users/" + id);
            assertThat(created.path("name").asText()).isEqualTo("Ada");
            assertThat(created.path("age").asInt()).isEqualTo(36);
            assertThat(created.path("version").asInt()).isEqualTo(1);
            assertThat(created.path("addresses").get(0).path("id").asLong()).isPositive();
            assertThat(db.queryLongs("SELECT count(*) FROM web_address WHERE user_id = ?", id)).containsExactly(1L);
        }).verifyComplete();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedBodies")
    void badBodiesAre400NamingTheField(String why, String body, String error, String field) {
        long before = userCount();
        api.post("/users", body).as(StepVerifier::create).assertNext(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.json().path("error").asText()).as(r.toString()).isEqualTo(error);
            if (field != null) {
                assertThat(r.json().path("detail").path("field").asText()).as(r.toString()).isEqualTo(field);
            }
        }).verifyComplete();
        assertThat(userCount()).isEqualTo(before);
    }

    Stream<Arguments> refusedBodies() {
        String ok = user("Bad", "bad@example.com", 30, 1);
        return Stream.of(
                arguments("malformed JSON", "{\"name\": \"Bad\", ", "malformed_json", null),
                arguments("not JSON at all", "name=Bad", "malformed_json", null),
                arguments("an unknown field", ok.replace("{\"name\"", "{\"nickname\":\"b\",\"name\""), "unknown_field",
                        "nickname"),
                arguments("an unknown field in an address", ok.replace("\"city\"", "\"zip\":\"1\",\"city\""),
                        "unknown_field", "addresses[0].zip"),
                arguments("age above 150", user("Bad", "bad@example.com", 151, 0), "invalid_value", "age"),
                arguments("age below 0", user("Bad", "bad@example.com", -1, 0), "invalid_value", "age"),
                arguments("age beyond int", ok.replace("30", "99999999999"), "invalid_value", "age"),
                arguments("age as text", ok.replace("30", "\"30\""), "invalid_value", "age"),
                arguments("age as a fraction", ok.replace("30", "30.5"), "invalid_value", "age"),
                arguments("age missing", ok.replace("\"age\":30,", ""), "invalid_value", "age"),
                arguments("name of 51 characters", user("x".repeat(51), "bad@example.com", 30, 0), "invalid_value", "name"),
                arguments("blank name", user("  ", "bad@example.com", 30, 0), "invalid_value", "name"),
                arguments("name as a number", ok.replace("\"Bad\"", "42"), "invalid_value", "name"),
                arguments("email without @", user("Bad", "bad.example.com", 30, 0), "invalid_value", "email"),
                arguments("email of 101 characters", user("Bad", "b".repeat(89) + "@example.com", 30, 0),
                        "invalid_value", "email"),
                arguments("blank street", ok.replace("1 Main Road", " "), "invalid_value", "addresses[0].street"),
                arguments("11 addresses", user("Bad", "bad@example.com", 30, 11), "invalid_value", "addresses"),
                arguments("addresses not an array", ok.replaceAll("\\[.*]", "{}"), "invalid_value", "addresses"),
                arguments("an array instead of an object", "[" + ok + "]", "invalid_value", "(body)"),
                arguments("a second object after the first", ok + " {}", "invalid_value", "(body)"),
                arguments("null", "null", "missing_body", null),
                arguments("no body", "", "missing_body", null));
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIs415AndADuplicateEmail409() {
        api.send(HttpMethod.POST, "/users", "text/plain", user("Plain", "plain@example.com", 30, 0))
                .as(StepVerifier::create)
                .assertNext(r -> assertThat(r.status()).isEqualTo(415))
                .verifyComplete();
        api.post("/users", user("Twin", "user1@example.com", 30, 0)).as(StepVerifier::create).assertNext(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(409);
            assertThat(r.json().path("error").asText()).isEqualTo("duplicate");
        }).verifyComplete();
    }

    @Test
    void anUpdateWithTheCurrentVersionChangesTheUserAndItsVersion() {
        long id = create("updated@example.com", 1);
        api.put("/users/" + id, change("Renamed", "renamed@example.com", 41, 1)).as(StepVerifier::create).assertNext(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().path("version").asInt()).isEqualTo(2);
            assertThat(r.json().path("addresses")).hasSize(1);
        }).verifyComplete();
        api.get("/users/" + id).as(StepVerifier::create).assertNext(r -> {
            assertThat(r.json().path("name").asText()).isEqualTo("Renamed");
            assertThat(r.json().path("email").asText()).isEqualTo("renamed@example.com");
            assertThat(r.json().path("age").asInt()).isEqualTo(41);
            assertThat(r.json().path("version").asInt()).isEqualTo(2);
        }).verifyComplete();
    }

    @Test
    void anUpdateWithAStaleVersionIs409AndChangesNothing() {
        long id = create("stale@example.com", 0);
        api.put("/users/" + id, change("First", "stale@example.com", 30, 1)).as(StepVerifier::create)
                .assertNext(r -> assertThat(r.status()).isEqualTo(200)).verifyComplete();
        api.put("/users/" + id, change("Second", "stale@example.com", 31, 1)).as(StepVerifier::create).assertNext(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(409);
            assertThat(r.json().path("error").asText()).isEqualTo("version_conflict");
            assertThat(r.json().path("detail").asText()).contains("version 1").contains("version 2");
        }).verifyComplete();
        api.get("/users/" + id).as(StepVerifier::create).assertNext(r -> {
            assertThat(r.json().path("name").asText()).isEqualTo("First");
            assertThat(r.json().path("version").asInt()).isEqualTo(2);
        }).verifyComplete();
    }

    @Test
    void ofConcurrentUpdatesFromOneVersionExactlyOneWins() {
        long id = create("race@example.com", 0);
        Flux.range(0, 8)
                .flatMap(i -> api.put("/users/" + id, change("Racer " + i, "race@example.com", 20 + i, 1)), 8)
                .map(HttpReply::status)
                .collectList()
                .as(StepVerifier::create)
                .assertNext(statuses -> assertThat(statuses).as(statuses.toString())
                        .containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1))
                .verifyComplete();
        api.get("/users/" + id).as(StepVerifier::create)
                .assertNext(r -> assertThat(r.json().path("version").asInt()).isEqualTo(2)).verifyComplete();
    }

    @Test
    void updatesOfUnknownUsersAre404AndBadUpdates400() {
        api.put("/users/999999999", change("Nobody", "nobody@example.com", 30, 1)).as(StepVerifier::create)
                .assertNext(r -> assertThat(r.status()).isEqualTo(404)).verifyComplete();
        api.put("/users/1", "{\"name\":\"A\",\"email\":\"a@example.com\",\"age\":30}").as(StepVerifier::create)
                .assertNext(r -> {
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(r.json().path("detail").path("field").asText()).isEqualTo("version");
                }).verifyComplete();
        api.put("/users/1", change("A", "a@example.com", 30, 1).replace("}", ",\"id\":5}")).as(StepVerifier::create)
                .assertNext(r -> assertThat(r.json().path("detail").path("field").asText()).isEqualTo("id"))
                .verifyComplete();
    }

    @Test
    void deleteRemovesTheUserWithItsAddressesOnce() {
        long id = create("deleted@example.com", 2);
        api.delete("/users/" + id).as(StepVerifier::create).assertNext(r -> {
            assertThat(r.status()).isEqualTo(204);
            assertThat(r.body()).isEmpty();
        }).verifyComplete();
        assertThat(db.queryLongs("SELECT count(*) FROM web_address WHERE user_id = ?", id)).containsExactly(0L);
        api.get("/users/" + id).as(StepVerifier::create).assertNext(r -> assertThat(r.status()).isEqualTo(404))
                .verifyComplete();
        api.delete("/users/" + id).as(StepVerifier::create).assertNext(r -> {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().path("error").asText()).isEqualTo("not_found");
        }).verifyComplete();
    }

    // ---- streaming under pressure, and leaks ------------------------------------------------------------

    /**
     * A client that reads the first chunk of the stream and then stops reading: the server stops querying for
     * more users well before the end (back-pressure from the socket to the queries) and holds no connection while
     * it waits; when the client then drops the connection, the stream is cancelled and nothing is left behind.
     */
    @Test
    void aStalledClientHoldsTheStreamBackAndItsDisconnectLeavesNothingBehind() {
        AtomicReference<Connection> connection = new AtomicReference<>();
        HttpClient stalling = HttpClient.create(ConnectionProvider.newConnection())
                .option(ChannelOption.SO_RCVBUF, 8 * 1024)
                .baseUrl("http://127.0.0.1:" + service.port());
        Flux<String> chunks = stalling.get().uri("/users/stream").responseConnection((res, c) -> {
            connection.set(c);
            return c.inbound().receive().asString();
        });
        long before = service.rowsStreamed();
        StepVerifier.create(chunks, 1)
                .assertNext(first -> assertThat(first).startsWith("{\"id\":"))
                .then(() -> {
                    long sent = Eventually.settles(() -> service.rowsStreamed() - before, Duration.ofMillis(500),
                            Duration.ofSeconds(20));
                    System.out.println(getClass().getSimpleName() + ": a stalled client held the stream at " + sent
                            + " of " + SEEDED + " rows");
                    assertThat(sent).as("rows the server produced for a client that stopped reading")
                            .isPositive().isLessThan(SEEDED / 2);
                    assertThat(service.users().poolStats().active()).as("connections held for a stalled stream")
                            .isZero();
                })
                .thenCancel()   // the client gives up; closing its connection inside then() raced with this cancel
                .verify(TIMEOUT);
        connection.get().dispose();
        assertNothingHeld();
        api.get("/users/1").as(StepVerifier::create).assertNext(r -> assertThat(r.status()).isEqualTo(200))
                .verifyComplete();
    }

    @Test
    void aBoundedLoadRunHasNoErrorsAndLeaksNoConnection() {
        LoadClient load = new LoadClient("http://127.0.0.1:" + service.port(), 16, 1_000);
        try {
            load.run(0, 400, 16).as(StepVerifier::create).assertNext(report -> {
                assertThat(report.requests()).isEqualTo(400);
                assertThat(report.errors()).isZero();
                assertThat(report.leaked()).isZero();
                assertThat(report.p50Millis()).isPositive().isLessThanOrEqualTo(report.p99Millis());
            }).expectComplete().verify(Duration.ofSeconds(60));
        } finally {
            load.close();
        }
        assertNothingHeld();
    }

    @Test
    void adminStatsNameTheServiceAndItsPool() {
        api.get("/admin/stats").as(StepVerifier::create).assertNext(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("service").asText()).startsWith(blocking() ? "blocking Session" : "reactive AsyncSession");
            assertThat(r.json().path("pool").path("total").asInt()).isGreaterThanOrEqualTo(r.json().path("pool").path("idle").asInt());
            assertThat(r.json().path("rowsStreamed").isNumber()).isTrue();
        }).verifyComplete();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** Every request has ended: no connection lent out or awaited, no backend busy or in a transaction. */
    private void assertNothingHeld() {
        boolean returned = Eventually.holds(Duration.ofSeconds(10), () -> {
            PoolStats pool = service.users().poolStats();
            return pool.active() == 0 && pool.waiting() == 0;
        });
        assertThat(returned).as("connections still lent out: " + service.users().poolStats()).isTrue();
        boolean idle = Eventually.holds(Duration.ofSeconds(10), () -> db.busyBackends() == 0);
        assertThat(idle).as("backends of the service still active or in a transaction: " + db.busyBackends()).isTrue();
    }

    private long create(String email, int addresses) {
        HttpReply created = api.post("/users", user("Reader", email, 30, addresses)).block(TIMEOUT);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private long userCount() {
        return db.queryLongs("SELECT count(*) FROM web_user").get(0);
    }

    private static String user(String name, String email, int age, int addresses) {
        StringBuilder list = new StringBuilder();
        for (int i = 1; i <= addresses; i++) {
            list.append(i == 1 ? "" : ",").append("{\"street\":\"").append(i).append(" Main Road\",\"city\":\"City ")
                    .append(i).append("\"}");
        }
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"age\":" + age + ",\"addresses\":[" + list + "]}";
    }

    private static String change(String name, String email, int age, int version) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"age\":" + age + ",\"version\":" + version + "}";
    }

    private static List<Long> ids(JsonNode users) {
        List<Long> ids = new ArrayList<>();
        users.forEach(u -> ids.add(u.path("id").asLong()));
        return ids;
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(line, e);
        }
    }
}
