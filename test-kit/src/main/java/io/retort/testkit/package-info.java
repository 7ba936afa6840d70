/**
 * Retort's test kit. {@link io.retort.testkit.RetortTest} / {@link io.retort.testkit.RetortExtension}: a JUnit 5
 * extension that gives each test a {@code Session} or {@code AsyncSession} inside a transaction rolled back at its
 * end, on embedded H2 or a database you name. {@link io.retort.testkit.SqlRecorder} with
 * {@link io.retort.testkit.SqlAssertions#assertThatSql(io.retort.testkit.CapturedSql)}: the statements a block
 * issued, their count (the N+1 guard) and their SQL. {@link io.retort.testkit.SqlAssertions#assertThatCompiled}
 * and {@link io.retort.testkit.GoldenSql}: golden SQL for your own DSL queries per dialect, without a database.
 */
package io.retort.testkit;
