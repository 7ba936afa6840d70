package io.retort.migrate;

import io.retort.architecture.ModuleDescriptorRules;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

/** The migrations module exports its one package. */
class ModuleDescriptorTest {
    @Test
    void exportsTheApi() throws Exception {
        ModuleDescriptorRules.check(Path.of("target/classes"), "io.retort.migrate", Set.of("io.retort.migrate"));
    }
}
