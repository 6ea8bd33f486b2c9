package dev.lanyard.e2e.integrations;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.e2e.support.Browser;
import dev.lanyard.e2e.support.Lanyard;
import dev.lanyard.e2e.support.SharedEnsemble;
import dev.lanyard.e2e.support.Viewers;
import dev.lanyard.launcher.Ensemble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Viewer credentials end to end: a person signs in, connects a viewer integration once
 * (authorization code with PKCE at the development OIDC provider, which stands in for the
 * external service), and content exchanges that person's user session token for their
 * external access token; when it is due, the next exchange refreshes it.
 */
class ViewerExchangeIT {

	private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

	private static Ensemble ensemble;

	private static Lanyard lanyard;

	private static Viewers viewers;

	@BeforeAll
	static void ensemble() throws Exception {
		ensemble = SharedEnsemble.get();
		lanyard = new Lanyard(ensemble.endpoints().gatewayUrl());
		viewers = new Viewers(ensemble, lanyard, lanyard.token(ensemble.administrator()));
	}

	@Test
	void exchangeWhenViewerConnectedThenTheirExternalTokenAndRefreshedWhenDue() throws Exception {
		String integrationId = viewers.integration("crm-" + SUFFIX, List.of());
		Browser browser = new Browser(lanyard.gateway());
		browser.signIn("dev", "viewer-" + SUFFIX, Map.of("preferred_username", "viewer" + SUFFIX));
		String userId = browser.me().get("id").asString();
		String userToken = viewers.userSessionToken(browser);

		HttpResponse<String> notConnected = viewers.exchangeUntil(userToken, integrationId, "\"invalid_grant\"");
		assertThat(Lanyard.JSON.readTree(notConnected.body()).get("error_description").asString())
			.contains("/api/connections/" + integrationId + "/connect");

		viewers.connect(browser, integrationId, "viewer-at-crm-" + SUFFIX);

		HttpResponse<String> first = viewers.exchange(userToken, integrationId);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		String firstToken = Lanyard.JSON.readTree(first.body()).get("access_token").asString();
		JsonNode record = viewers.auditRecord(Lanyard.sha256(firstToken));
		assertThat(record.get("tokenType").asString()).isEqualTo("external-access");
		assertThat(record.get("subjectId").asString()).isEqualTo(userId);
		assertThat(record.get("integrationId").asString()).isEqualTo(integrationId);

		Thread.sleep(11_000);
		HttpResponse<String> second = viewers.exchange(userToken, integrationId);
		assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
		String secondToken = Lanyard.JSON.readTree(second.body()).get("access_token").asString();
		assertThat(secondToken).as("refreshed").isNotEqualTo(firstToken);
		assertThat(viewers.auditRecord(Lanyard.sha256(secondToken)).get("subjectId").asString()).isEqualTo(userId);

		HttpResponse<String> connections = browser.get("/api/connections");
		assertThat(connections.statusCode()).as(connections.body()).isEqualTo(200);
		assertThat(connections.body()).contains(integrationId);
	}

	@Test
	void connectWhenUserNotInAllowedGroupThenRefusedAndExchangeDenied() throws Exception {
		String integrationId = viewers.integration("hr-" + SUFFIX, List.of(UUID.randomUUID().toString()));
		Browser browser = new Browser(lanyard.gateway());
		browser.signIn("dev", "outsider-" + SUFFIX, Map.of("preferred_username", "outsider" + SUFFIX));
		String userToken = viewers.userSessionToken(browser);

		HttpResponse<String> exchanged = viewers.exchangeUntil(userToken, integrationId, "\"access_denied\"");
		HttpResponse<String> connect = browser.get("/api/connections/" + integrationId + "/connect");

		assertThat(exchanged.statusCode()).isBetween(400, 403);
		assertThat(Lanyard.JSON.readTree(exchanged.body()).get("error").asString()).isEqualTo("access_denied");
		assertThat(connect.statusCode()).isEqualTo(403);
	}

}
