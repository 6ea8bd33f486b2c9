package dev.lanyard.integrations.integration.application;

import java.util.function.Supplier;

/** Runs work in one database transaction: all of it is committed, or none. */
@FunctionalInterface
public interface Transactions {

	<T> T inTransaction(Supplier<T> work);

}
