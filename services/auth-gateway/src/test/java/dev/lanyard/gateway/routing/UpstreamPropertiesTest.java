package dev.lanyard.gateway.routing;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UpstreamPropertiesTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class)
		.withPropertyValues("lanyard.gateway.token-broker-url=http://token-broker:8081",
				"lanyard.gateway.audit-url=http://audit:8082",
				"lanyard.gateway.integration-registry-url=http://integration-registry:8083",
				"lanyard.gateway.user-provisioning-url=http://user-provisioning:8084");

	@Test
	void bindWhenAllUrlsSetThenUsesThem() {
		this.contexts.run((context) -> {
			UpstreamProperties upstreams = context.getBean(UpstreamProperties.class);
			assertThat(upstreams.tokenBrokerUrl()).isEqualTo(URI.create("http://token-broker:8081"));
			assertThat(upstreams.auditUrl()).isEqualTo(URI.create("http://audit:8082"));
			assertThat(upstreams.integrationRegistryUrl()).isEqualTo(URI.create("http://integration-registry:8083"));
			assertThat(upstreams.userProvisioningUrl()).isEqualTo(URI.create("http://user-provisioning:8084"));
		});
	}

	@Test
	void bindWhenTokenBrokerUrlListsInstancesThenEachInOrder() {
		this.contexts
			.withPropertyValues(
					"lanyard.gateway.token-broker-url=http://token-broker-1:8081,http://token-broker-2:8081")
			.run((context) -> {
				UpstreamProperties upstreams = context.getBean(UpstreamProperties.class);
				assertThat(upstreams.tokenBrokerUrls()).containsExactly(URI.create("http://token-broker-1:8081"),
						URI.create("http://token-broker-2:8081"));
				assertThat(upstreams.tokenBrokerUrl()).isEqualTo(URI.create("http://token-broker-1:8081"));
			});
	}

	@Test
	void bindWhenOneListedTokenBrokerUrlHasPathThenStartupFailsNamingTheKey() {
		this.contexts
			.withPropertyValues(
					"lanyard.gateway.token-broker-url=http://token-broker-1:8081,http://token-broker-2:8081/x")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageStartingWith("lanyard.gateway.token-broker-url must be a base URL"));
	}

	@Test
	void bindWhenUrlHasWrongSchemeThenStartupFailsNamingTheKey() {
		this.contexts.withPropertyValues("lanyard.gateway.audit-url=ftp://audit:8082")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("lanyard.gateway.audit-url"));
	}

	@Test
	void bindWhenUrlMissingThenStartupFailsNamingTheKey() {
		new ApplicationContextRunner().withUserConfiguration(PropertiesConfiguration.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("lanyard.gateway.token-broker-url must be set"));
	}

	@Test
	void constructWhenUrlNullThenNamesKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new UpstreamProperties(URI.create("http://a:1"), null, URI.create("http://c:3"),
					URI.create("http://d:4")))
			.withMessage("lanyard.gateway.audit-url must be set (base URL, e.g. http://127.0.0.1:8081)");
	}

	@Test
	void constructWhenUrlHasPathThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new UpstreamProperties(URI.create("http://a:1/broker"), URI.create("http://b:2"),
					URI.create("http://c:3"), URI.create("http://d:4")))
			.withMessageStartingWith("lanyard.gateway.token-broker-url must be a base URL");
	}

	@Test
	void constructWhenUrlHasNoHostThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new UpstreamProperties(URI.create("http://a:1"), URI.create("http://b:2"),
					URI.create("http:relative"), URI.create("http://d:4")))
			.withMessage("lanyard.gateway.integration-registry-url must name a host");
	}

	@Test
	void constructWhenUrlHasUserInfoThenRejectedWithoutEchoingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new UpstreamProperties(URI.create("http://a:1"), URI.create("http://b:2"),
					URI.create("http://c:3"), URI.create("http://user:s3cret@d:4")))
			.withMessage("lanyard.gateway.user-provisioning-url must not carry user info")
			.withMessageNotContaining("s3cret");
	}

	@Test
	void constructWhenUrlHasTrailingSlashThenAccepted() {
		UpstreamProperties upstreams = new UpstreamProperties(URI.create("https://a:1/"), URI.create("http://b:2"),
				URI.create("http://c:3"), URI.create("http://d:4"));
		assertThat(upstreams.tokenBrokerUrl()).hasHost("a");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(UpstreamProperties.class)
	static class PropertiesConfiguration {

	}

}
