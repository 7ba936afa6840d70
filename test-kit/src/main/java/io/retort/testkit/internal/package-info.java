/**
 * Not API. The connections of a test's transaction: a JDBC data source and an R2DBC connection factory whose
 * connections share one transaction, turning the transactions of the code under test into savepoints; the
 * statements that make and drop a test class's database.
 */
package io.retort.testkit.internal;
