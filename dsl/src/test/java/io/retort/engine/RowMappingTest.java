package io.retort.engine;

import io.retort.engine.internal.ResultShape;
import io.retort.exception.TypeMismatchException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rows to objects without a database: records, constructors, setters and fields by label. */
class RowMappingTest {
    record NameAndAge(String name, Long age) {
    }

    /** A bean with setters. */
    public static final class Person {
        private String firstName;
        private long age;

        public void setFirstName(String firstName) {
            this.firstName = firstName;
        }

        public void setAge(long age) {
            this.age = age;
        }
    }

    /** Fields only, no setters. */
    static final class Plain {
        String name;
        BigDecimal total;
    }

    /** A constructor taking the columns. */
    static final class Pair {
        final String left;
        final int right;

        Pair(String left, int right) {
            this.left = left;
            this.right = right;
        }
    }

    private static Row row(List<String> labels, Object... values) {
        return Row.of(ResultShape.of(List.of(), labels), values);
    }

    @Test
    void recordsByPositionWithExactNumberConversion() {
        Row r = row(List.of("NAME", "AGE"), "ada", 36);
        assertThat(RowMapping.of(NameAndAge.class, r.labels()).apply(r)).isEqualTo(new NameAndAge("ada", 36L));
    }

    @Test
    void beansBySetterWhateverTheLabelsCase() {
        Row r = row(List.of("FIRST_NAME", "age"), "ada", 36);
        Person p = RowMapping.of(Person.class, r.labels()).apply(r);
        assertThat(p.firstName).isEqualTo("ada");
        assertThat(p.age).isEqualTo(36L);
    }

    @Test
    void plainClassesByFieldAndByConstructor() {
        Row r = row(List.of("name", "total"), "ada", 12);
        Plain p = RowMapping.of(Plain.class, r.labels()).apply(r);
        assertThat(p.name).isEqualTo("ada");
        assertThat(p.total).isEqualByComparingTo("12");
        Row q = row(List.of("a", "b"), "x", 7L);
        Pair pair = RowMapping.of(Pair.class, q.labels()).apply(q);
        assertThat(pair.left).isEqualTo("x");
        assertThat(pair.right).isEqualTo(7);
    }

    @Test
    void aStreamMappingWorksItselfOutFromTheFirstRow() {
        Function<Row, NameAndAge> into = RowMapping.into(NameAndAge.class);
        assertThat(into.apply(row(List.of("n", "a"), "ada", 1L))).isEqualTo(new NameAndAge("ada", 1L));
        assertThat(into.apply(row(List.of("n", "a"), "bob", 2L))).isEqualTo(new NameAndAge("bob", 2L));
    }

    @Test
    void whatDoesNotFitIsNamed() {
        assertThatThrownBy(() -> RowMapping.of(Person.class, List.of("first_name", "email")))
                .isInstanceOf(TypeMismatchException.class).hasMessageContaining("[email]");
        Row lossy = row(List.of("a", "b"), "x", 7_000_000_000L);
        assertThatThrownBy(() -> RowMapping.of(Pair.class, lossy.labels()).apply(lossy))
                .isInstanceOf(TypeMismatchException.class).hasMessageContaining("[b]").hasMessageContaining("java.lang.Long");
        Row nullAge = row(List.of("first_name", "age"), "ada", null);
        assertThatThrownBy(() -> RowMapping.of(Person.class, nullAge.labels()).apply(nullAge))
                .isInstanceOf(TypeMismatchException.class).hasMessageContaining("NULL").hasMessageContaining("wrapper");
        assertThatThrownBy(() -> RowMapping.of(NameAndAge.class, List.of("only")))
                .isInstanceOf(TypeMismatchException.class).hasMessageContaining("2 values").hasMessageContaining("1 columns");
    }
}
