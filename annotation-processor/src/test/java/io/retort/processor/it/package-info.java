/**
 * Annotated entities compiled by this module's test build with {@link io.retort.processor.EntityProcessor} (see the
 * pom's {@code default-testCompile}), and tests that run the generated tables through the blocking session.
 */
package io.retort.processor.it;
