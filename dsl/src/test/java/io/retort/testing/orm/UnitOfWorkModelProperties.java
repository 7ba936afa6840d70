package io.retort.testing.orm;

import io.retort.compile.Dialect;
import io.retort.schema.MetaData;
import io.retort.statement.Statement;
import io.retort.testing.SoakTries;
import io.retort.testing.TestDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.retort.Sql.deleteFrom;

/**
 * Random sequences of what programs do with a session (add, change, move between collections, remove, replace a
 * collection, delete, rename, merge, flush, commit, rollback, expire, refresh, reopen) over persons with addresses,
 * a tree of nodes, and posts with keywords. After every commit the database, read by a fresh session, must hold
 * exactly what an in-memory model says; a failing sequence shrinks to a short reproduction. A session module
 * subclasses this with its {@link OrmDriver}; each run covers every dialect.
 */
@SoakTries(property = "retort.uow-model.tries", quick = 1_000)
public abstract class UnitOfWorkModelProperties {
    private static final Map<String, OrmDriver> DRIVERS = new HashMap<>();
    private OrmDriver current;

    protected abstract OrmDriver openDriver(Dialect dialect);

    @AfterContainer
    static void closeDrivers() {
        DRIVERS.values().forEach(OrmDriver::close);
        DRIVERS.clear();
    }

    @Property(tries = 5_000, seed = "20261204")   // fixed so CI is reproducible; 1,000 by default, 5,000 with soak
    void theDatabaseAlwaysHoldsWhatTheModelSays(@ForAll("dialects") String dialectName,
                                                 @ForAll("chains") ActionChain<ModelRun> chain) {
        current = DRIVERS.computeIfAbsent(dialectName, name -> {
            Dialect dialect = TestDatabase.dialects().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
            OrmDriver d = openDriver(dialect);
            d.createAll(MetaData.of(ScenarioSupport.ENTITY_TABLES).with(PostKeywords.POST_KEYWORDS));
            return d;
        });
        for (Statement clean : List.<Statement>of(deleteFrom(PostKeywords.POST_KEYWORDS).all(), deleteFrom(PostTable.POSTS).all(),
                deleteFrom(KeywordTable.KEYWORDS).all(), deleteFrom(AddressTable.ADDRESSES).all(),
                deleteFrom(PersonTable.PERSONS).all(),
                io.retort.Sql.update(NodeTable.NODES).set(NodeTable.NODES.PARENT_ID, (Long) null).all(),
                deleteFrom(NodeTable.NODES).all())) {
            current.execute(clean);
        }
        chain.withInvariant("the objects held agree with the model", ModelRun::checkHandles).run();
        chain.finalState().ifPresent(ModelRun::close);
    }

    @Provide
    Arbitrary<String> dialects() {
        return Arbitraries.of(TestDatabase.dialects().stream().map(Dialect::name).toList());
    }

    @Provide
    Arbitrary<ActionChain<ModelRun>> chains() {
        return ActionChain.<ModelRun>startWith(() -> new ModelRun(current))
                .withAction(3, chosen("add person", r -> Arbitraries.integers().between(0, 2)
                        .map(n -> Transformer.mutate("add a person with " + n + " addresses", s -> s.addPerson(n)))))
                .withAction(3, onPerson("add an address", (s, p) -> s.addAddress(p)))
                .withAction(3, new Action.Dependent<>() {
                    @Override
                    public boolean precondition(ModelRun s) {
                        return s.model().persons.size() > 1 && s.addresses.size() > 0;
                    }

                    @Override
                    public Arbitrary<Transformer<ModelRun>> transformer(ModelRun s) {
                        Map<String, String> owners = new HashMap<>();
                        s.model().persons.forEach((p, emails) -> emails.forEach(e -> owners.put(e, p)));
                        return net.jqwik.api.Combinators.combine(Arbitraries.of(new ArrayList<>(s.addresses.keySet())),
                                Arbitraries.of(new ArrayList<>(s.model().persons.keySet())), Arbitraries.of(true, false))
                                .filter((email, to, side) -> owners.containsKey(email) && !to.equals(owners.get(email)))
                                .as((email, to, side) -> Transformer.mutate("move " + email + " to " + to
                                        + (side ? " (flush, child side, flush)" : " (collections)"), r -> r.moveAddress(email, to, side)));
                    }
                })
                .withAction(2, onAddress("remove an address (orphan)", ModelRun::removeAddress))
                .withAction(2, new Action.Dependent<>() {
                    @Override
                    public boolean precondition(ModelRun s) {
                        return !s.model().persons.isEmpty();
                    }

                    @Override
                    public Arbitrary<Transformer<ModelRun>> transformer(ModelRun s) {
                        Map<String, List<String>> emailsOf = new HashMap<>();
                        s.model().persons.forEach((p, e) -> emailsOf.put(p, new ArrayList<>(e)));
                        return Arbitraries.of(new ArrayList<>(emailsOf.keySet())).flatMap(p -> {
                            List<String> emails = emailsOf.get(p);
                            return Arbitraries.subsetOf(emails).map(keep -> {
                                List<String> kept = emails.stream().filter(keep::contains).toList();
                                return Transformer.mutate("replace the addresses of " + p + " keeping " + kept,
                                        r -> r.replaceAddresses(p, kept));
                            });
                        });
                    }
                })
                .withAction(1, onPerson("delete a person", ModelRun::deletePerson))
                .withAction(1, onPerson("rename a person", (s, p) -> s.renamePerson(p, false)))
                .withAction(1, onPerson("merge a renamed copy of a person", (s, p) -> s.renamePerson(p, true)))
                .withAction(2, chosen("add a node", s -> Arbitraries.of(withNull(s.model().nodes.keySet()))
                        .map(parent -> Transformer.mutate("add a node under " + parent, r -> r.addNode(parent)))))
                .withAction(2, new Action.Dependent<>() {
                    @Override
                    public boolean precondition(ModelRun s) {
                        return !s.model().nodes.isEmpty();
                    }

                    @Override
                    public Arbitrary<Transformer<ModelRun>> transformer(ModelRun s) {
                        OrmModel tree = s.model().copy();
                        return net.jqwik.api.Combinators.combine(Arbitraries.of(new ArrayList<>(s.model().nodes.keySet())),
                                Arbitraries.of(withNull(s.model().nodes.keySet())))
                                .filter((n, parent) -> parent == null || !tree.isWithin(parent, n))
                                .as((n, parent) -> Transformer.mutate("move node " + n + " under " + parent,
                                        r -> r.reparentNode(n, parent)));
                    }
                })
                .withAction(1, new Action.Dependent<>() {
                    @Override
                    public boolean precondition(ModelRun s) {
                        return !s.model().nodes.isEmpty();
                    }

                    @Override
                    public Arbitrary<Transformer<ModelRun>> transformer(ModelRun s) {
                        return Arbitraries.of(new ArrayList<>(s.model().nodes.keySet()))
                                .map(n -> Transformer.mutate("delete node " + n, r -> r.deleteNode(n)));
                    }
                })
                .withAction(2, chosen("add a post", s -> net.jqwik.api.Combinators.combine(
                                Arbitraries.subsetOf(new java.util.TreeSet<>(s.model().keywords)), Arbitraries.of(true, false))
                        .as((words, fresh) -> Transformer.mutate("add a post with " + words + (fresh ? " and a new keyword" : ""),
                                r -> r.addPost(new ArrayList<>(new java.util.TreeSet<>(words)), fresh)))))
                .withAction(3, new Action.Dependent<>() {
                    @Override
                    public boolean precondition(ModelRun s) {
                        return !s.model().posts.isEmpty() && !s.model().keywords.isEmpty();
                    }

                    @Override
                    public Arbitrary<Transformer<ModelRun>> transformer(ModelRun s) {
                        return net.jqwik.api.Combinators.combine(Arbitraries.of(new ArrayList<>(s.model().posts.keySet())),
                                Arbitraries.of(new ArrayList<>(s.model().keywords)))
                                .as((p, k) -> Transformer.mutate("toggle keyword " + k + " of " + p, r -> r.toggleKeyword(p, k)));
                    }
                })
                .withAction(2, new Action.Dependent<>() {
                    @Override
                    public boolean precondition(ModelRun s) {
                        return !s.model().posts.isEmpty();
                    }

                    @Override
                    public Arbitrary<Transformer<ModelRun>> transformer(ModelRun s) {
                        return net.jqwik.api.Combinators.combine(Arbitraries.of(new ArrayList<>(s.model().posts.keySet())),
                                        Arbitraries.subsetOf(new java.util.TreeSet<>(s.model().keywords)))
                                .as((p, words) -> Transformer.mutate("replace the keywords of " + p + " by " + words,
                                        r -> r.replaceKeywords(p, new ArrayList<>(new java.util.TreeSet<>(words)))));
                    }
                })
                .withAction(2, Action.just("flush", Transformer.mutate("flush", ModelRun::flush)))
                .withAction(4, Action.just("commit", Transformer.mutate("commit", ModelRun::commit)))
                .withAction(1, Action.just("rollback", Transformer.mutate("rollback", ModelRun::rollback)))
                .withAction(1, Action.just("flush, then expire all", Transformer.mutate("flush, then expire all", ModelRun::expireAll)))
                .withAction(1, onPerson("flush, then refresh a person", ModelRun::refresh))
                .withAction(1, Action.just("close the session, open another", Transformer.mutate("close the session, open another", ModelRun::reopen)))
                .withMaxTransformations(30);
    }

    private static List<String> withNull(java.util.Collection<String> names) {
        List<String> all = new ArrayList<>();
        all.add(null);
        all.addAll(names);
        return all;
    }

    private static Action.Dependent<ModelRun> chosen(String what, Function<ModelRun, Arbitrary<Transformer<ModelRun>>> f) {
        return new Action.Dependent<>() {
            @Override
            public Arbitrary<Transformer<ModelRun>> transformer(ModelRun s) {
                return f.apply(s);
            }
        };
    }

    private static Action.Dependent<ModelRun> onPerson(String what, java.util.function.BiConsumer<ModelRun, String> f) {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(ModelRun s) {
                return !s.model().persons.isEmpty();
            }

            @Override
            public Arbitrary<Transformer<ModelRun>> transformer(ModelRun s) {
                return Arbitraries.of(new ArrayList<>(s.model().persons.keySet()))
                        .map(p -> Transformer.mutate(what + " " + p, r -> f.accept(r, p)));
            }
        };
    }

    private static Action.Dependent<ModelRun> onAddress(String what, java.util.function.BiConsumer<ModelRun, String> f) {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(ModelRun s) {
                return !s.addresses.isEmpty();
            }

            @Override
            public Arbitrary<Transformer<ModelRun>> transformer(ModelRun s) {
                return Arbitraries.of(new ArrayList<>(s.addresses.keySet()))
                        .map(a -> Transformer.mutate(what + " " + a, r -> f.accept(r, a)));
            }
        };
    }
}
