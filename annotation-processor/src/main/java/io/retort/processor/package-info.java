/**
 * The annotation processor of the declarative form: for each {@link io.retort.orm.annotation.Entity} class it writes
 * the {@link io.retort.orm.EntityTable} a user would otherwise write by hand. Only {@link EntityProcessor} is API;
 * it runs inside {@code javac} and leaves nothing behind at run time.
 */
package io.retort.processor;
