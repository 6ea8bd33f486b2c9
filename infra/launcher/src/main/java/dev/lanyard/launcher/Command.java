package dev.lanyard.launcher;

import java.util.List;

/**
 * A parsed command line of {@code bin/lanyard}.
 *
 * @param verb up, down, status, logs or help
 * @param component the component of {@code logs}, or null for all
 * @param lines how many lines {@code logs} prints
 */
record Command(String verb, String component, int lines) {

	static final List<String> VERBS = List.of("up", "down", "status", "logs", "help");

	static final String USAGE = """
			Usage: bin/lanyard <command>
			  up                  start everything as local processes and wait until it is healthy
			  down                stop everything bin/lanyard up started
			  status              each component's pid, address and health
			  logs [component] [-n lines]
			                      the tail of a component's log (all components without one)
			  test                run every test (./mvnw -B -ntp verify; handled by bin/lanyard)
			  bench [issuance|sign-in|exchange|deprovisioning|scim|audit|all]
			                      start a separate ensemble and print benchmark figures (bin/lanyard)
			  help                this text and every setting""";

	Command {
		if (!VERBS.contains(verb)) {
			throw new IllegalArgumentException("Unknown command: " + verb);
		}
		if (lines < 1) {
			throw new IllegalArgumentException("lines must be at least 1");
		}
	}

	static Command parse(String... args) {
		if (args.length == 0) {
			throw new IllegalArgumentException("No command given");
		}
		String verb = args[0];
		if (!VERBS.contains(verb) && !"-h".equals(verb) && !"--help".equals(verb)) {
			throw new IllegalArgumentException("Unknown command: " + verb);
		}
		if (!verb.equals("logs")) {
			if (args.length > 1) {
				throw new IllegalArgumentException(verb + " takes no arguments");
			}
			return new Command(verb.startsWith("-") ? "help" : verb, null, 100);
		}
		String component = null;
		int lines = 100;
		for (int i = 1; i < args.length; i++) {
			if ("-n".equals(args[i]) && i + 1 < args.length) {
				lines = parseLines(args[++i]);
			}
			else if (component == null && args[i].matches("[a-z0-9-]+")) {
				component = args[i];
			}
			else {
				throw new IllegalArgumentException("Unexpected argument to logs: " + args[i]);
			}
		}
		return new Command(verb, component, lines);
	}

	private static int parseLines(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("-n must be a number of lines: " + value, ex);
		}
	}

}
