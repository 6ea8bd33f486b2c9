package dev.lanyard.launcher;

import java.io.PrintStream;
import java.util.Properties;

import dev.lanyard.launcher.postgres.PostgresCredentials;
import dev.lanyard.launcher.service.LanyardService;
import dev.lanyard.launcher.settings.Endpoints;
import dev.lanyard.launcher.settings.StateDirectory;

/** What {@code bin/lanyard up} prints once everything is healthy. */
final class ReadySummary {

	static final String CLIENTS_FILE = "clients.properties";

	private final Ensemble ensemble;

	private final StateDirectory state;

	ReadySummary(Ensemble ensemble, StateDirectory state) {
		this.ensemble = ensemble;
		this.state = state;
	}

	void print(PrintStream out, String took) {
		Endpoints endpoints = this.ensemble.endpoints();
		out.println();
		out.println("Lanyard is up (" + took + ").");
		for (LanyardService service : this.ensemble.settings().services()) {
			String note = (service == LanyardService.AUTH_GATEWAY) ? "  (public address and issuer)" : "";
			out.printf("  %-22s %s%s%n", service.serviceName(), endpoints.serviceUrl(service), note);
			if (service == LanyardService.TOKEN_BROKER) {
				var urls = endpoints.tokenBrokerUrls();
				for (int i = 1; i < urls.size(); i++) {
					out.printf("  %-22s %s%n", service.instanceName(i + 1), urls.get(i));
				}
			}
		}
		out.printf("  %-22s %s  (Confluent-compatible API: /apis/ccompat/v7; writes need the launcher's key)%n",
				"Apicurio Registry", endpoints.registryUrl());
		out.printf("  %-22s %s  (issuer of the development IdP)%n", "OIDC provider", endpoints.oidcIssuer());
		out.printf("  %-22s %s%n", "Kafka", endpoints.kafkaBootstrapServers());
		out.printf("  %-22s %s/<service database>  (%s)%n", "PostgreSQL",
				endpoints.databases().serverUrl().replaceAll("\\?.*$", ""),
				this.ensemble.settings().externalDatabase() ? "user " + this.ensemble.settings().databaseUsername()
						: "a role per database, passwords in " + this.state.file(PostgresCredentials.FILE));
		printClients(out, endpoints);
		out.println("State, data and logs: " + this.state.root() + "  (bin/lanyard status | logs <component> | down)");
		out.println("ready");
	}

	private void printClients(PrintStream out, Endpoints endpoints) {
		ClientCredentials content = this.ensemble.demoContent();
		ClientCredentials auditor = this.ensemble.demoAuditor();
		if (content == null || auditor == null) {
			out.println("No demo clients: token-broker was not started.");
			return;
		}
		out.println("Clients (client_credentials at " + endpoints.gatewayUrl() + "/oauth2/token):");
		out.printf("  %-16s kind content        secret %s%n", content.clientId(), content.clientSecret());
		out.printf("  %-16s kind auditor        secret %s%n", auditor.clientId(), auditor.clientSecret());
		out.printf("  %-16s kind administrator  secret in %s%n", this.ensemble.administrator().clientId(),
				this.state.file("settings.properties"));
		Properties clients = new Properties();
		clients.setProperty(content.clientId() + ".client-secret", content.clientSecret());
		clients.setProperty(auditor.clientId() + ".client-secret", auditor.clientSecret());
		this.state.writePrivate(CLIENTS_FILE, clients, "demo clients of the running ensemble; keep private");
	}

}
