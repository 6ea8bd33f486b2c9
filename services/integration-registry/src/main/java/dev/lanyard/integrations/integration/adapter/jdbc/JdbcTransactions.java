package dev.lanyard.integrations.integration.adapter.jdbc;

import java.util.function.Supplier;

import dev.lanyard.integrations.integration.application.Transactions;

import org.springframework.transaction.support.TransactionTemplate;

/** {@link Transactions} on Spring's transaction manager. */
public final class JdbcTransactions implements Transactions {

	private final TransactionTemplate template;

	public JdbcTransactions(TransactionTemplate template) {
		if (template == null) {
			throw new IllegalArgumentException("template cannot be null");
		}
		this.template = template;
	}

	@Override
	public <T> T inTransaction(Supplier<T> work) {
		return this.template.execute((status) -> work.get());
	}

}
