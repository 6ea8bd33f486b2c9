package dev.lanyard.gateway.routing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.web.reactive.function.client.WebClientRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UpstreamInstancesTest {

	private static final List<URI> THREE = List.of(URI.create("http://127.0.0.1:8081"),
			URI.create("http://127.0.0.1:8086/"), URI.create("http://127.0.0.1:8087"));

	private final AtomicLong now = new AtomicLong(1_000);

	private final UpstreamInstances instances = new UpstreamInstances(THREE, Duration.ofNanos(500), this.now::get);

	@Test
	void pickWhenAllUpThenTakesThemInTurn() {
		assertThat(picks(6)).containsExactly(0, 1, 2, 0, 1, 2);
	}

	@Test
	void pickWhenOneMarkedDownThenPassedOverUntilItsTimeIsUp() {
		this.instances.markDown(1);

		assertThat(picks(6)).doesNotContain(1).containsOnly(0, 2);
		this.now.addAndGet(500);
		assertThat(picks(3)).contains(1);
	}

	@Test
	void pickWhenAllMarkedDownThenStillTakesThemInTurn() {
		this.instances.markDown(0);
		this.instances.markDown(1);
		this.instances.markDown(2);

		assertThat(picks(3)).containsExactly(0, 1, 2);
	}

	@Test
	void pickWhenOneInstanceThenAlwaysIt() {
		UpstreamInstances one = new UpstreamInstances(List.of(URI.create("http://a:1")), Duration.ofSeconds(5));
		one.markDown(0);

		assertThat(one.pick()).isZero();
		assertThat(one.pick()).isZero();
	}

	@Test
	void nextWhenSomeTriedThenAnUntriedUpOneFirst() {
		this.instances.markDown(1);

		assertThat(this.instances.next(0b001)).isEqualTo(2);
	}

	@Test
	void nextWhenOnlyDownOnesLeftThenTriesThemAnyway() {
		this.instances.markDown(2);

		assertThat(this.instances.next(0b011)).isEqualTo(2);
	}

	@Test
	void nextWhenAllTriedThenNone() {
		assertThat(this.instances.next(0b111)).isEqualTo(-1);
	}

	@Test
	void baseUrlWhenTrailingSlashThenWithout() {
		assertThat(this.instances.baseUrl(1)).isEqualTo("http://127.0.0.1:8086");
		assertThat(this.instances.baseUrl(0)).isEqualTo("http://127.0.0.1:8081");
	}

	@Test
	void connectFailureWhenRefusedOrTimedOutThenTrueAlsoWrapped() {
		assertThat(UpstreamInstances.connectFailure(new ConnectException("Connection refused"))).isTrue();
		assertThat(UpstreamInstances.connectFailure(new ConnectTimeoutException("connection timed out"))).isTrue();
		assertThat(UpstreamInstances.connectFailure(new WebClientRequestException(
				new ConnectException("Connection refused"), org.springframework.http.HttpMethod.POST,
				URI.create("http://a:1/oauth2/token"), new org.springframework.http.HttpHeaders())))
			.isTrue();
	}

	@Test
	void connectFailureWhenFailedAfterConnectingThenFalse() {
		assertThat(UpstreamInstances.connectFailure(new IOException("Connection reset by peer"))).isFalse();
		assertThat(UpstreamInstances.connectFailure(new IllegalStateException("x"))).isFalse();
	}

	@Test
	void constructWhenNoUrlsThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new UpstreamInstances(List.of(), Duration.ZERO))
			.withMessage("urls cannot be empty or hold null");
	}

	@Test
	void constructWhenMoreThan32ThenRejected() {
		List<URI> many = new ArrayList<>(Collections.nCopies(33, URI.create("http://a:1")));
		assertThatIllegalArgumentException().isThrownBy(() -> new UpstreamInstances(many, Duration.ZERO))
			.withMessage("urls cannot name more than 32 instances");
	}

	@Test
	void constructWhenDownForNegativeThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new UpstreamInstances(THREE, Duration.ofSeconds(-1)))
			.withMessage("downFor cannot be null or negative");
	}

	private List<Integer> picks(int count) {
		List<Integer> picks = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			picks.add(this.instances.pick());
		}
		return picks;
	}

}
