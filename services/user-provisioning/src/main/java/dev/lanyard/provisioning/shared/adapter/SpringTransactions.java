package dev.lanyard.provisioning.shared.adapter;

import java.util.function.Supplier;

import dev.lanyard.provisioning.shared.application.Transactions;

import org.springframework.transaction.support.TransactionOperations;

/** {@link Transactions} on Spring's transaction management of the data source. */
public final class SpringTransactions implements Transactions {

	private final TransactionOperations transactions;

	public SpringTransactions(TransactionOperations transactions) {
		if (transactions == null) {
			throw new IllegalArgumentException("transactions cannot be null");
		}
		this.transactions = transactions;
	}

	@Override
	public <T> T inTransaction(Supplier<T> work) {
		if (work == null) {
			throw new IllegalArgumentException("work cannot be null");
		}
		return this.transactions.execute((status) -> work.get());
	}

}
