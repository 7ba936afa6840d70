package io.retort.examples;

import io.retort.examples.orm.Address;
import io.retort.examples.orm.User;
import io.retort.jdbc.Engine;
import io.retort.jdbc.Session;
import io.retort.jdbc.SessionFactory;
import io.retort.schema.MetaData;

import java.util.List;

import static io.retort.Sql.select;
import static io.retort.examples.orm.AddressTable.ADDRESSES;
import static io.retort.examples.orm.UserTable.USERS;

/**
 * The SQLAlchemy ORM tutorial in Retort: mapped classes, a session factory, add and commit, 2.0-style and
 * legacy queries, an update by changing a property, a delete, one-to-many both ways, and a rollback.
 */
public final class OrmQuickstart {
    private OrmQuickstart() {
    }

    static void run(Engine engine) {
        MetaData metadata = MetaData.of(USERS, ADDRESSES);
        section("ORM: create_all for the mapped tables");
        engine.dropAll(metadata);
        engine.createAll(metadata);
        SessionFactory sessions = new SessionFactory(engine, USERS, ADDRESSES);   // sessionmaker(bind=engine)

        section("ORM: session.add(...) and commit(); the generated ids are set on the objects");
        User spongebob = new User("spongebob", "Spongebob Squarepants");
        spongebob.getAddresses().add(new Address("spongebob@sqlalchemy.org"));
        User sandy = new User("sandy", "Sandy Cheeks");
        sandy.getAddresses().add(new Address("sandy@sqlalchemy.org"));
        sandy.getAddresses().add(new Address("sandy@squirrelpower.org"));
        User patrick = new User("patrick", "Patrick Star");
        try (Session session = sessions.open()) {
            session.addAll(List.of(spongebob, sandy, patrick));
            session.commit();
        }
        System.out.println("  " + spongebob + ", " + sandy + ", " + patrick);

        try (Session session = sessions.open()) {
            section("ORM: 2.0-style select(User)");
            List<User> found = session.scalars(select(USERS).where(USERS.NAME.in("spongebob", "sandy")).orderBy(USERS.NAME));
            found.forEach(u -> System.out.println("  " + u));

            section("ORM: legacy session.query(User).filter_by(name=...).first()");
            User sandyAgain = session.query(User.class).filterBy(USERS.NAME, "sandy").first();
            System.out.println("  " + sandyAgain + " is the same object: " + (sandyAgain == found.get(0)));

            section("ORM: one-to-many, loaded lazily on first access");
            System.out.println("  " + sandyAgain.getAddresses());
            System.out.println("  and back: " + sandyAgain.getAddresses().get(0).getUser());

            section("ORM: update by setting a property; only the changed column is written");
            sandyAgain.setFullname("Sandy Squirrel");
            session.commit();

            section("ORM: eager selectin loading, no N+1: one query for the users, one for all their addresses");
            List<User> all = session.scalars(select(USERS).orderBy(USERS.NAME), USERS.ADDRESSES.selectin());
            all.forEach(u -> System.out.println("  " + u.getName() + " has " + u.getAddresses().size() + " address(es)"));

            section("ORM: delete; the user's addresses go with it (cascade delete)");
            session.delete(session.query(User.class).filterBy(USERS.NAME, "patrick").one());
            sandyAgain.getAddresses().remove(1);     // delete-orphan
            session.commit();
            System.out.println("  users left: " + session.query(User.class).count()
                    + ", addresses left: " + session.scalars(select(ADDRESSES)).size());

            section("ORM: a transaction rolled back leaves nothing behind");
            User squidward = new User("squidward", "Squidward Tentacles");
            session.add(squidward);
            session.flush();
            System.out.println("  flushed with id " + squidward.getId());
            session.rollback();
            System.out.println("  after rollback: in session " + session.contains(squidward) + ", id " + squidward.getId()
                    + ", in the database " + session.query(User.class).filterBy(USERS.NAME, "squidward").first());
        }
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }
}
