package dev.lanyard.provisioning.shared.application;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction: committed when it returns, rolled back when it
 * throws.
 */
public interface Transactions {

	<T> T inTransaction(Supplier<T> work);

}
