package io.retort.jdbc;

import io.retort.architecture.ModuleDescriptorRules;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

/** The module exports its API and its driver-profile SPI, nothing else. */
class ModuleDescriptorTest {
    @Test
    void exportsTheApiOnly() throws Exception {
        ModuleDescriptorRules.check(Path.of("target/classes"), "io.retort.jdbc", Set.of("io.retort.jdbc", "io.retort.jdbc.profile"));
    }
}
