package dev.lanyard.launcher.settings;

import java.util.Map;

/** Reads and checks one setting at a time; errors name the variable. */
final class SettingReader {

	private final Map<String, String> environment;

	SettingReader(Map<String, String> environment) {
		if (environment == null) {
			throw new IllegalArgumentException("environment cannot be null");
		}
		this.environment = environment;
	}

	/** The value, else the default. */
	String value(Setting setting) {
		String value = optional(setting);
		return (value != null) ? value : setting.defaultValue();
	}

	/** The value, or null when unset or blank. */
	String optional(Setting setting) {
		String value = this.environment.get(setting.variable());
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	int port(Setting setting) {
		return integer(setting, 1, 65535);
	}

	int integer(Setting setting, int min, int max) {
		String value = value(setting);
		try {
			int number = Integer.parseInt(value);
			if (number < min || number > max) {
				throw new IllegalArgumentException(
						setting.variable() + " must be between " + min + " and " + max + ": " + value);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(setting.variable() + " must be a whole number: " + value, ex);
		}
	}

	/** The first {@code count} ports of a comma-separated list. */
	java.util.List<Integer> ports(Setting setting, int count) {
		String[] values = value(setting).split(",");
		if (values.length < count) {
			throw new IllegalArgumentException(
					setting.variable() + " must list at least " + count + " ports: " + value(setting));
		}
		java.util.List<Integer> ports = new java.util.ArrayList<>();
		for (int i = 0; i < count; i++) {
			String value = values[i].strip();
			try {
				int port = Integer.parseInt(value);
				if (port < 1 || port > 65535) {
					throw new IllegalArgumentException(
							setting.variable() + " ports must be between 1 and 65535: " + value);
				}
				ports.add(port);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(setting.variable() + " must be ports separated by commas: " + value,
						ex);
			}
		}
		return ports;
	}

	String httpUrl(Setting setting) {
		String value = optional(setting);
		if (value != null && !value.matches("https?://[^\\s/]+(/\\S*)?")) {
			throw new IllegalArgumentException(setting.variable() + " must be an http(s) URL");
		}
		return (value != null) ? value.replaceAll("/+$", "") : null;
	}

	String jdbcUrl(Setting setting) {
		String value = optional(setting);
		if (value != null && !value.startsWith("jdbc:postgresql://")) {
			throw new IllegalArgumentException(
					setting.variable() + " must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port)");
		}
		return value;
	}

	String bootstrapServers(Setting setting) {
		String value = optional(setting);
		if (value != null && !value.matches("[^\\s,:]+:\\d+(,[^\\s,:]+:\\d+)*")) {
			throw new IllegalArgumentException(setting.variable() + " must be host:port[,host:port...]: " + value);
		}
		return value;
	}

}
