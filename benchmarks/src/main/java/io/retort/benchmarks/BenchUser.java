package io.retort.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * The object every library's workload produces from a row of {@code bench_users}, so results can be compared.
 *
 * @param id    the key
 * @param name  the name
 * @param age   the age, or {@code null}
 * @param email the address, or {@code null}
 */
public record BenchUser(long id, String name, @Nullable Integer age, @Nullable String email) {
}
