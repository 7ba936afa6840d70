package io.retort.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a module's compiled descriptor against its classes: it exports exactly the API packages it names, every
 * {@code internal} package only to Retort's engines, and every package that holds a public type is one of the two.
 */
public final class ModuleDescriptorRules {
    private static final Set<String> ENGINES = Set.of("io.retort.jdbc", "io.retort.reactive");

    private ModuleDescriptorRules() {
    }

    /**
     * @param classes the module's compiled classes ({@code target/classes})
     * @param name    the module's name
     * @param api     the packages it must export to everyone
     */
    public static void check(Path classes, String name, Set<String> api) throws IOException {
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertThat(descriptor.name()).isEqualTo(name);
        Set<String> open = new TreeSet<>();
        for (ModuleDescriptor.Exports e : descriptor.exports()) {
            if (e.isQualified()) {
                assertThat(e.source()).as("only internal packages are exported to named modules").contains(".internal");
                assertThat(e.targets()).as("internal packages go only to Retort's engines").isSubsetOf(ENGINES);
            } else {
                assertThat(e.source()).as("an internal package exported to everyone").doesNotContain("internal");
                open.add(e.source());
            }
        }
        assertThat(open).as("packages exported to everyone").containsExactlyInAnyOrderElementsOf(api);
        Set<String> packages;
        try (Stream<Path> files = Files.walk(classes)) {
            packages = files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().equals("module-info.class"))
                    .map(p -> classes.relativize(p.getParent()).toString().replace('/', '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(descriptor.packages()).as("the descriptor knows every package of the module").containsAll(packages);
    }
}
