/**
 * The declarative form of the ORM mapping (SQLAlchemy's {@code class User(Base)}): annotations on an entity class
 * from which the optional annotation processor ({@code retort-processor}) writes the {@link io.retort.orm.EntityTable}
 * a user would otherwise write by hand.
 *
 * <p>The annotations are kept in class files ({@code CLASS} retention) so that entities compiled earlier, such as
 * those of another module, can still be referred to; nothing reads them at run time.
 */
package io.retort.orm.annotation;
