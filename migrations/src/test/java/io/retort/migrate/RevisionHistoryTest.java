package io.retort.migrate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The revision graph without a database: paths, heads, and broken histories reported clearly. */
class RevisionHistoryTest {
    private static Revision rev(String id, String... parents) {
        return new Revision(id, "step " + id, parents) {
            @Override
            public void upgrade(Operations op) {
            }

            @Override
            public void downgrade(Operations op) {
            }
        };
    }

    @Test
    void pathsFollowTheGraphThroughABranchAndItsMerge() {
        RevisionHistory h = new RevisionHistory(List.of(rev("d", "b", "c"), rev("b", "a"), rev("c", "a"), rev("a")));
        assertThat(h.head().id()).isEqualTo("d");
        assertThat(h.upgradePath(List.of(), "d")).extracting(Revision::id).startsWith("a").endsWith("d").hasSize(4);
        assertThat(h.upgradePath(List.of("b"), "d")).extracting(Revision::id).containsExactly("c", "d");
        assertThat(h.downgradePath(List.of("d"), "a")).extracting(Revision::id).startsWith("d").doesNotContain("a").hasSize(3);
        assertThat(h.get("d").id()).isEqualTo("d");
    }

    @Test
    void twoHeadsAreNamedWithTheMergeToWrite() {
        RevisionHistory h = new RevisionHistory(List.of(rev("a"), rev("b", "a"), rev("c", "a")));
        assertThat(h.heads()).extracting(Revision::id).containsExactlyInAnyOrder("b", "c");
        assertThatThrownBy(h::head).isInstanceOf(MigrationException.class).hasMessageContaining("2 heads")
                .hasMessageContaining("merge");
    }

    @Test
    void brokenHistoriesAreClearErrors() {
        assertThatThrownBy(() -> new RevisionHistory(List.of(rev("a"), rev("b", "gone"))))
                .isInstanceOf(MigrationException.class).hasMessageContaining("follows gone");
        assertThatThrownBy(() -> new RevisionHistory(List.of(rev("a", "c"), rev("b", "a"), rev("c", "b"))))
                .isInstanceOf(MigrationException.class).hasMessageContaining("cycle");
        assertThatThrownBy(() -> new RevisionHistory(List.of(rev("a"), rev("a"))))
                .isInstanceOf(MigrationException.class).hasMessageContaining("Two revisions have the id a");
        assertThatThrownBy(() -> rev("no spaces")).isInstanceOf(MigrationException.class);
        assertThatThrownBy(() -> new RevisionHistory(List.of(rev("abc1"), rev("abc2", "abc1"))).get("abc"))
                .hasMessageContaining("matches");
    }
}
