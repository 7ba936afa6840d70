package io.retort.architecture;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

/** The DSL module exports its API and keeps its internals to Retort's engines. */
class ModuleDescriptorTest {
    @Test
    void exportsTheApiAndHidesTheInternals() throws Exception {
        ModuleDescriptorRules.check(Path.of("target/classes"), "io.retort.dsl", Set.of("io.retort", "io.retort.type",
                "io.retort.expression", "io.retort.schema", "io.retort.schema.model", "io.retort.schema.change", "io.retort.statement", "io.retort.compile", "io.retort.dialect",
                "io.retort.ddl", "io.retort.engine", "io.retort.orm", "io.retort.orm.annotation", "io.retort.exception"));
    }
}
