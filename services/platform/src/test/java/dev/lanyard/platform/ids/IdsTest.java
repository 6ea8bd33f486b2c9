package dev.lanyard.platform.ids;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

	@Test
	void uuidThenVersion4WithTheIetfVariant() {
		for (int i = 0; i < 1_000; i++) {
			UUID id = Ids.uuid();
			assertThat(id.version()).isEqualTo(4);
			assertThat(id.variant()).isEqualTo(2);
			assertThat(UUID.fromString(id.toString())).isEqualTo(id);
		}
	}

	@Test
	void uuidWhenManyFromManyThreadsThenAllDistinct() throws Exception {
		Set<UUID> seen = ConcurrentHashMap.newKeySet();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int t = 0; t < 32; t++) {
				executor.submit(() -> {
					Set<UUID> mine = new HashSet<>();
					for (int i = 0; i < 10_000; i++) {
						mine.add(Ids.uuid());
					}
					seen.addAll(mine);
				});
			}
		}
		assertThat(seen).hasSize(320_000);
	}

	@Test
	void uuidStringThenCanonicalForm() {
		assertThat(Ids.uuidString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
	}

}
