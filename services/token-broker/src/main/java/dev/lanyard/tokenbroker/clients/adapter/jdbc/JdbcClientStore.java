package dev.lanyard.tokenbroker.clients.adapter.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.lanyard.tokenbroker.clients.application.ClientStore;
import dev.lanyard.tokenbroker.clients.domain.Client;
import dev.lanyard.tokenbroker.clients.domain.ClientKind;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Clients in token-broker's PostgreSQL table {@code client}. */
public final class JdbcClientStore implements ClientStore {

	private static final String COLUMNS = "client_id, name, kind, scopes, created_at, secret_hash";

	private final JdbcClient jdbc;

	public JdbcClientStore(JdbcClient jdbc) {
		if (jdbc == null) {
			throw new IllegalArgumentException("jdbc cannot be null");
		}
		this.jdbc = jdbc;
	}

	@Override
	public boolean insert(Client client, String secretHash) {
		return this.jdbc.sql("""
				insert into client (client_id, name, kind, scopes, created_at, secret_hash, secret_updated_at)
				values (:clientId, :name, :kind, :scopes, :createdAt, :secretHash, :createdAt)
				on conflict (client_id) do nothing""")
			.param("clientId", client.clientId())
			.param("name", client.name())
			.param("kind", client.kind().value())
			.param("scopes", String.join(" ", client.scopes()))
			.param("createdAt", Timestamp.from(client.createdAt()))
			.param("secretHash", secretHash)
			.update() == 1;
	}

	@Override
	public List<Client> findAll() {
		return this.jdbc.sql("select " + COLUMNS + " from client order by created_at, client_id")
			.query((rs, row) -> client(rs))
			.list();
	}

	@Override
	public Optional<StoredClient> find(String clientId) {
		return this.jdbc.sql("select " + COLUMNS + " from client where client_id = :clientId")
			.param("clientId", clientId)
			.query((rs, row) -> new StoredClient(client(rs), rs.getString("secret_hash")))
			.optional();
	}

	@Override
	public boolean delete(String clientId) {
		return this.jdbc.sql("delete from client where client_id = :clientId")
			.param("clientId", clientId)
			.update() == 1;
	}

	@Override
	public boolean replaceSecretHash(String clientId, String secretHash) {
		return this.jdbc
			.sql("update client set secret_hash = :secretHash, secret_updated_at = now() where client_id = :clientId")
			.param("clientId", clientId)
			.param("secretHash", secretHash)
			.update() == 1;
	}

	@Override
	public boolean changeKind(String clientId, ClientKind kind) {
		return this.jdbc.sql("update client set kind = :kind where client_id = :clientId")
			.param("clientId", clientId)
			.param("kind", kind.value())
			.update() == 1;
	}

	private static Client client(ResultSet rs) throws SQLException {
		String scopes = rs.getString("scopes");
		Set<String> scopeSet = scopes.isEmpty() ? Set.of()
				: Arrays.stream(scopes.split(" ")).collect(Collectors.toUnmodifiableSet());
		return new Client(rs.getString("client_id"), rs.getString("name"), ClientKind.fromValue(rs.getString("kind")),
				scopeSet, rs.getTimestamp("created_at").toInstant());
	}

}
