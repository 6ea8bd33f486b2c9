package dev.lanyard.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import dev.lanyard.testing.infrastructure.ServiceUnderTest;
import dev.lanyard.testing.infrastructure.SharedInfrastructure;
import dev.lanyard.testing.monitoring.MonitoredMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's metrics are scraped on its management port only: its public port answers
 * no actuator endpoint but health, whatever the exposure settings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "management.server.address=127.0.0.1" })
class ManagementPortIT extends ServiceUnderTest {

	private static final UpstreamStub tokenBroker = UpstreamStub.start("token-broker");

	private static final UpstreamStub audit = UpstreamStub.start("audit");

	private static final UpstreamStub userProvisioning = UpstreamStub.start("user-provisioning");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		SharedInfrastructure.register(registry, "auth_gateway");
		registry.add("lanyard.gateway.token-broker-url", tokenBroker::url);
		registry.add("lanyard.gateway.audit-url", audit::url);
		registry.add("lanyard.gateway.user-provisioning-url", userProvisioning::url);
	}

	@AfterAll
	static void stopStubs() {
		tokenBroker.close();
		audit.close();
		userProvisioning.close();
	}

	@Test
	void prometheusWhenAskedOnPublicPortThen404AndOnManagementPortServesTheGatewaysMonitoredMetrics() throws Exception {
		assertThat(get(this.port, "/actuator/prometheus").statusCode()).isEqualTo(404);
		assertThat(get(this.port, "/actuator/env").statusCode()).isEqualTo(404);

		HttpResponse<String> scrape = get(this.managementPort, "/actuator/prometheus");

		assertThat(scrape.statusCode()).isEqualTo(200);
		Set<String> gatewayOwn = MonitoredMetrics.referenced(MonitoredMetrics.folder())
			.stream()
			.filter((name) -> name.startsWith("lanyard_signins"))
			.collect(Collectors.toSet());
		assertThat(gatewayOwn).contains("lanyard_signins_total");
		assertThat(MonitoredMetrics.exposed(scrape.body())).containsAll(gatewayOwn);
		assertThat(get(this.managementPort, "/actuator/health").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
