package io.retort.benchmarks.orm;

import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;

import static io.retort.type.SqlTypes.INTEGER;
import static io.retort.type.SqlTypes.varchar;

/** Maps {@link StreamedUser} to {@code bench_stream}. */
public final class StreamedUserTable extends EntityTable<StreamedUser> {
    public static final StreamedUserTable STREAMED = new StreamedUserTable();

    public final EntityColumn<StreamedUser, Long> ID = id("id", StreamedUser::getId, StreamedUser::setId);
    public final EntityColumn<StreamedUser, String> NAME = column("name", varchar(50), StreamedUser::getName,
            StreamedUser::setName, notNull());
    public final EntityColumn<StreamedUser, Integer> AGE = column("age", INTEGER, StreamedUser::getAge, StreamedUser::setAge);
    public final EntityColumn<StreamedUser, String> EMAIL = column("email", varchar(100), StreamedUser::getEmail,
            StreamedUser::setEmail);

    private StreamedUserTable() {
        super("bench_stream", StreamedUser.class, StreamedUser::new);
    }
}
