package io.retort.r2dbc;

import io.retort.architecture.ModuleDescriptorRules;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

/** The module exports its API and its driver-profile SPI, nothing else. */
class ModuleDescriptorTest {
    @Test
    void exportsTheApiOnly() throws Exception {
        ModuleDescriptorRules.check(Path.of("target/classes"), "io.retort.reactive", Set.of("io.retort.r2dbc", "io.retort.r2dbc.profile"));
    }
}
