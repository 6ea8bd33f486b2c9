package dev.lanyard.testing.infrastructure;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SharedInfrastructureTest {

	private final DynamicPropertyRegistry registry = (name, value) -> {
	};

	@Test
	void registerWhenRegistryNullThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> SharedInfrastructure.register(null, "audit"))
			.withMessage("registry cannot be null");
	}

	@Test
	void registerWhenDatabaseBlankThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> SharedInfrastructure.register(this.registry, ""))
			.withMessage("database cannot be blank");
	}

}
