package dev.lanyard.tokenbroker.connections.application;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConnectionLinksTest {

	private final ConnectionLinks links = new ConnectionLinks("https://lanyard.example/");

	@Test
	void connectWhenIdHasSpaceThenEncodedUnderBase() {
		assertThat(this.links.connect("my id")).hasToString("https://lanyard.example/api/connections/my%20id/connect");
		assertThat(this.links.callback()).hasToString("https://lanyard.example/api/connections/callback");
	}

	@Test
	void isSafeRedirectPathWhenLocalPathThenTrue() {
		assertThat(ConnectionLinks.isSafeRedirectPath("/apps/report?tab=1")).isTrue();
	}

	@Test
	void isSafeRedirectPathWhenElsewhereThenFalse() {
		assertThat(ConnectionLinks.isSafeRedirectPath("https://evil.example/")).isFalse();
		assertThat(ConnectionLinks.isSafeRedirectPath("//evil.example/")).isFalse();
		assertThat(ConnectionLinks.isSafeRedirectPath("/\\evil.example/")).isFalse();
		assertThat(ConnectionLinks.isSafeRedirectPath("apps")).isFalse();
		assertThat(ConnectionLinks.isSafeRedirectPath("/a\r\nLocation: x")).isFalse();
		assertThat(ConnectionLinks.isSafeRedirectPath("")).isFalse();
	}

	@Test
	void constructorWhenBaseUrlBlankThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ConnectionLinks(" "))
			.withMessage("baseUrl cannot be blank");
	}

}
