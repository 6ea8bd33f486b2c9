package dev.lanyard.tokenbroker.clients.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a registered client is; also the single role its tokens carry. */
public enum ClientKind {

	CONTENT("content"), AUDITOR("auditor"), ADMINISTRATOR("administrator"),

	/** auth-gateway: the only kind that may ask for user session tokens. */
	GATEWAY("gateway");

	private final String value;

	ClientKind(String value) {
		this.value = value;
	}

	/** The wire name, as in the admin API and the {@code roles} claim. */
	public String value() {
		return this.value;
	}

	public static ClientKind fromValue(String value) {
		for (ClientKind kind : values()) {
			if (kind.value.equals(value)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("kind must be one of "
				+ Arrays.stream(values()).map(ClientKind::value).collect(Collectors.joining(", ")));
	}

}
