package io.retort.schema.change;

import io.retort.schema.ReferentialAction;
import io.retort.schema.model.ColumnModel;
import io.retort.schema.model.EnumTypeModel;
import io.retort.schema.model.ForeignKeyModel;
import io.retort.schema.model.PrimaryKeyModel;
import io.retort.schema.model.SchemaModel;
import io.retort.schema.model.TableModel;
import io.retort.schema.model.UniqueModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Schema comparison on models alone: what it proposes, in which order, and what it asks instead of guessing. */
class SchemaDiffTest {
    private static ColumnModel column(String name, String type) {
        return new ColumnModel(name, type, true, null, false, null);
    }

    private static TableModel table(String name, List<ColumnModel> columns, ForeignKeyModel... keys) {
        return new TableModel(null, name, columns, new PrimaryKeyModel("pk_" + name, List.of("id")), List.of(keys),
                List.of(), List.of(), List.of(), null);
    }

    private static ForeignKeyModel fk(String name, String column, String target) {
        return new ForeignKeyModel(name, List.of(column), null, target, List.of("id"), ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION);
    }

    private static SchemaModel schema(TableModel... tables) {
        return new SchemaModel(List.of(tables), List.of(), List.of());
    }

    @Test
    void aDroppedAndAnAddedColumnOfOneTypeAreAskedAboutAsARenameAndNeverRenamedSilently() {
        SchemaModel was = schema(table("users", List.of(column("id", "BIGINT"), column("fullname", "VARCHAR(100)"))));
        SchemaModel now = schema(table("users", List.of(column("id", "BIGINT"), column("display_name", "VARCHAR(100)"))));
        SchemaDiff.Result diff = SchemaDiff.compare(now, was, Set.of());
        assertThat(diff.changes()).extracting(SchemaChange::describe)
                .containsExactly("add column users.display_name", "drop column users.fullname");
        assertThat(diff.questions()).singleElement().asString()
                .contains("users.fullname").contains("users.display_name").contains("renameColumn(\"fullname\", \"display_name\")");
    }

    @Test
    void aRenamedFromHintMakesItARenameThatKeepsTheValues() {
        SchemaModel was = schema(table("users", List.of(column("id", "BIGINT"), column("fullname", "VARCHAR(100)"))));
        SchemaModel now = schema(table("users", List.of(column("id", "BIGINT"), column("display_name", "VARCHAR(200)"))));
        SchemaDiff.Result diff = SchemaDiff.compare(now, was, Set.of(), java.util.Map.of("users.display_name", "fullname"));
        assertThat(diff.changes()).extracting(SchemaChange::describe).containsExactly(
                "rename column users.fullname to display_name",
                "alter column users.display_name type VARCHAR(100) -> VARCHAR(200)");
        assertThat(diff.questions()).isEmpty();
    }

    @Test
    void tablesAreCreatedParentsFirstAndDroppedChildrenFirst() {
        TableModel parent = table("parents", List.of(column("id", "BIGINT")));
        TableModel child = table("children", List.of(column("id", "BIGINT"), column("parent_id", "BIGINT")),
                fk("fk_children_parent", "parent_id", "parents"));
        TableModel grandchild = table("grandchildren", List.of(column("id", "BIGINT"), column("child_id", "BIGINT")),
                fk("fk_grandchildren_child", "child_id", "children"));
        SchemaModel full = schema(grandchild, child, parent);
        assertThat(SchemaDiff.compare(full, SchemaModel.empty(), Set.of()).changes()).extracting(SchemaChange::describe)
                .containsExactly("create table parents", "create table children", "create table grandchildren");
        assertThat(SchemaDiff.compare(SchemaModel.empty(), full, Set.of()).changes()).extracting(SchemaChange::describe)
                .containsExactly("drop table grandchildren", "drop table children", "drop table parents");
    }

    @Test
    void aForeignKeyCycleBetweenNewTablesIsAddedOnceBothExistAndDroppedBeforeEither() {
        TableModel a = table("a", List.of(column("id", "BIGINT"), column("b_id", "BIGINT")), fk("fk_a_b", "b_id", "b"));
        TableModel b = table("b", List.of(column("id", "BIGINT"), column("a_id", "BIGINT")), fk("fk_b_a", "a_id", "a"));
        SchemaDiff.Result create = SchemaDiff.compare(schema(a, b), SchemaModel.empty(), Set.of());
        assertThat(create.changes()).extracting(SchemaChange::describe).hasSize(3).last().asString().startsWith("add foreign key");
        SchemaDiff.Result drop = SchemaDiff.compare(SchemaModel.empty(), schema(a, b), Set.of());
        assertThat(drop.changes()).extracting(SchemaChange::describe).hasSize(3).first().asString().startsWith("drop foreign key");
    }

    @Test
    void constraintsTheDatabaseNamedItselfMatchByShapeAndIgnoredTablesStayAlone() {
        TableModel declared = new TableModel(null, "t", List.of(column("id", "BIGINT"), column("code", "VARCHAR(3)")),
                new PrimaryKeyModel("pk_t", List.of("id")), List.of(), List.of(new UniqueModel("uq_t_code", List.of("code"))),
                List.of(), List.of(), null);
        TableModel reflected = new TableModel(null, "t", declared.columns(), new PrimaryKeyModel("t_pkey", List.of("id")),
                List.of(), List.of(new UniqueModel("t_code_key", List.of("code"))), List.of(), List.of(), null);
        TableModel versions = table("retort_version", List.of(column("id", "BIGINT")));
        assertThat(SchemaDiff.compare(schema(declared), schema(reflected, versions), Set.of("retort_version")).changes())
                .isEmpty();
    }

    @Test
    void enumLabelsAddedAreAddedInPlaceAndLabelsRemovedAreAskedAbout() {
        SchemaModel was = new SchemaModel(List.of(), List.of(), List.of(new EnumTypeModel("mood", List.of("HAPPY", "SAD"))));
        SchemaModel more = new SchemaModel(List.of(), List.of(),
                List.of(new EnumTypeModel("mood", List.of("HAPPY", "CALM", "SAD", "ANGRY"))));
        assertThat(SchemaDiff.compare(more, was, Set.of()).changes()).containsExactly(
                new SchemaChange.AddEnumValue("mood", "CALM", "SAD"), new SchemaChange.AddEnumValue("mood", "ANGRY", null));
        SchemaDiff.Result fewer = SchemaDiff.compare(new SchemaModel(List.of(), List.of(),
                List.of(new EnumTypeModel("mood", List.of("HAPPY")))), was, Set.of());
        assertThat(fewer.changes()).isEmpty();
        assertThat(fewer.questions()).singleElement().asString().contains("[SAD]");
    }

    @Test
    void everyChangeUndoesItsReverseExceptThoseTheDatabaseCannotUndo() {
        ColumnModel email = column("email", "VARCHAR(200)");
        SchemaChange add = new SchemaChange.AddColumn(null, "users", email);
        assertThat(add.reverse()).isEqualTo(new SchemaChange.DropColumn(null, "users", email));
        assertThat(add.reverse().reverse()).isEqualTo(add);
        assertThat(new SchemaChange.AddEnumValue("mood", "CALM", null).reverse()).isNull();
    }
}
