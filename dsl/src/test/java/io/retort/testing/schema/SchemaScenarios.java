package io.retort.testing.schema;

import io.retort.compile.DeclaredSchema;
import io.retort.compile.Dialect;
import io.retort.compile.SchemaChangeRenderer;
import io.retort.schema.MetaData;
import io.retort.schema.change.SchemaChange;
import io.retort.schema.change.SchemaDiff;
import io.retort.schema.model.SchemaModel;
import io.retort.schema.model.TableModel;
import io.retort.testing.orm.ScenarioSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema reflection and comparison on a live database, written once and run by each engine on each dialect: a
 * schema created from metadata and reflected back compares equal, and changes found between two versions of a
 * schema, once applied, leave nothing to find, forwards and backwards.
 */
public abstract class SchemaScenarios {
    private SchemaDriver driver;

    /** @return the dialects to run on */
    public static List<Dialect> dialects() {
        return ScenarioSupport.dialects();
    }

    /** @return a driver on a database of that dialect */
    protected abstract SchemaDriver open(Dialect dialect);

    private SchemaDriver start(Dialect dialect) {
        driver = open(dialect);
        return driver;
    }

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    /** @return the reflected model, cut to what {@code declared} names (the database holds other tests' tables) */
    private static SchemaModel scoped(SchemaModel actual, SchemaModel declared) {
        List<TableModel> tables = new ArrayList<>();
        for (TableModel t : actual.tables()) {
            if (declared.table(t.schema(), t.name()) != null) {
                tables.add(t);
            }
        }
        return new SchemaModel(tables, actual.sequences().stream().filter(s -> declared.sequences().stream()
                .anyMatch(d -> d.name().equals(s.name()))).toList(),
                actual.enumTypes().stream().filter(e -> declared.enumTypes().stream()
                        .anyMatch(d -> d.name().equals(e.name()))).toList());
    }

    private SchemaDiff.Result compare(SchemaDriver d, MetaData metadata) {
        SchemaModel declared = DeclaredSchema.of(metadata, d.dialect());
        // the default schema and every schema the metadata declares, as migrations compare them
        java.util.Set<String> schemas = new java.util.LinkedHashSet<>();
        schemas.add(null);
        metadata.tables().forEach(t -> schemas.add(t.schema()));
        return SchemaDiff.compare(declared, scoped(d.inspect(schemas.toArray(String[]::new)), declared), Set.of(),
                java.util.Map.of(), d.dialect().spelling());
    }

    private static void apply(SchemaDriver d, List<SchemaChange> changes) {
        SchemaChangeRenderer renderer = d.dialect().schemaChangeRenderer();
        for (SchemaChange change : changes) {
            for (String sql : renderer.sql(change)) {
                d.execute(sql);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aSchemaCreatedFromMetadataReflectsBackWithNoDifference(Dialect dialect) {
        SchemaDriver d = start(dialect);
        for (MetaData metadata : List.of(SchemaTables.KITCHEN_SINK,
                MetaData.of(ScenarioSupport.ENTITY_TABLES).with(io.retort.testing.orm.PostKeywords.POST_KEYWORDS),
                MetaData.of(io.retort.testing.Users.USERS, io.retort.testing.Addresses.ADDRESSES,
                        io.retort.testing.Employees.EMPLOYEES, io.retort.testing.Events.EVENTS,
                        io.retort.testing.Messages.MESSAGES, io.retort.testing.Tags.TAGS))) {
            d.dropAll(metadata);
            d.createAll(metadata);
            SchemaDiff.Result diff = compare(d, metadata);
            assertThat(diff.changes()).as("declared %s", DeclaredSchema.of(metadata, dialect)).isEmpty();
            assertThat(diff.questions()).isEmpty();
            d.dropAll(metadata);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void changesFoundBetweenTwoVersionsApplyAndLeaveNothingToFindForwardsAndBackwards(Dialect dialect) {
        SchemaDriver d = start(dialect);
        d.dropAll(SchemaTables.V2);
        d.dropAll(SchemaTables.V1);
        d.createAll(SchemaTables.V1);

        SchemaDiff.Result upgrade = compare(d, SchemaTables.V2);
        assertThat(upgrade.changes()).extracting(SchemaChange::describe).map(s -> s.replaceAll("type .* -> ", "type ... -> "))
                .filteredOn(s -> !s.equals("create enum type mig_mood [HAPPY, SAD]"))
                .containsExactlyInAnyOrder(
                        "create table mig_books",
                        "alter column mig_authors.name type ... -> VARCHAR(100) not null",
                        "add column mig_authors.email",
                        "drop column mig_authors.nick",
                        "create index ix_mig_authors_email on mig_authors");
        assertThat(upgrade.changes().stream().anyMatch(c -> c instanceof SchemaChange.CreateEnumType))
                .as("a named enum type where the database has them").isEqualTo(dialect.supports(
                        io.retort.compile.Capability.NATIVE_ENUM_TYPE));
        apply(d, upgrade.changes());
        assertThat(compare(d, SchemaTables.V2).changes()).as("a second comparison after the upgrade").isEmpty();

        List<SchemaChange> downgrade = new ArrayList<>();
        for (SchemaChange change : upgrade.changes()) {
            downgrade.add(change.reverse());
        }
        Collections.reverse(downgrade);
        apply(d, downgrade);
        assertThat(compare(d, SchemaTables.V1).changes()).as("after the downgrade").isEmpty();
        d.dropAll(SchemaTables.V1);
    }
}
