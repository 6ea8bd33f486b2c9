package dev.lanyard.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class VettedResolverTest {

	private static final HostResolver TABLE = (host) -> switch (host) {
		case "idp.example.com" ->
			List.of(InetAddress.ofLiteral("93.184.216.34"), InetAddress.ofLiteral("2606:2800::1"));
		case "mixed.example.com" -> List.of(InetAddress.ofLiteral("93.184.216.34"), InetAddress.ofLiteral("10.0.0.5"));
		case "dev.example.com" -> List.of(InetAddress.ofLiteral("127.0.0.1"));
		case "aws.example.com" -> List.of(InetAddress.ofLiteral("169.254.169.254"));
		case "empty.example.com" -> List.of();
		default -> throw new UnknownHostException(host);
	};

	private final VettedResolver production = new VettedResolver(new AddressPolicy(false), TABLE);

	private final VettedResolver development = new VettedResolver(new AddressPolicy(true), TABLE);

	@Test
	void resolveWhenEveryAddressPublicThenAll() throws UnknownHostException {
		assertThat(this.production.resolve("idp.example.com")).hasSize(2);
	}

	@Test
	void resolveWhenOneAddressPrivateThenHostRefused() {
		assertThatExceptionOfType(RefusedAddressException.class)
			.isThrownBy(() -> this.production.resolve("mixed.example.com"))
			.withMessage("host mixed.example.com is not an allowed endpoint address")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("10.0.0.5"));
	}

	@Test
	void resolveWhenLoopbackThenOnlyWithPrivateAllowed() throws UnknownHostException {
		assertThatExceptionOfType(RefusedAddressException.class)
			.isThrownBy(() -> this.production.resolve("dev.example.com"));
		assertThat(this.development.resolve("dev.example.com")).containsExactly(InetAddress.ofLiteral("127.0.0.1"));
	}

	@Test
	void resolveWhenNameLeadsToMetadataThenRefusedEvenWithPrivateAllowed() {
		assertThatExceptionOfType(RefusedAddressException.class)
			.isThrownBy(() -> this.development.resolve("aws.example.com"));
		assertThatExceptionOfType(RefusedAddressException.class)
			.isThrownBy(() -> this.development.resolve("metadata.google.internal"));
	}

	@Test
	void resolveWhenBracketedLiteralThenUnbracketed() {
		VettedResolver literals = new VettedResolver(new AddressPolicy(true), HostResolver.system());
		assertThatExceptionOfType(RefusedAddressException.class).isThrownBy(() -> literals.resolve("[fd00:ec2::254]"));
	}

	@Test
	void resolveWhenNoAddressThenUnknownHost() {
		assertThatExceptionOfType(UnknownHostException.class)
			.isThrownBy(() -> this.production.resolve("empty.example.com"))
			.isNotInstanceOf(RefusedAddressException.class);
	}

	@Test
	void resolveWhenHostEmptyThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.production.resolve(" "))
			.withMessage("host cannot be empty");
	}

	@Test
	void constructorWhenPolicyNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new VettedResolver(null, TABLE))
			.withMessage("policy cannot be null");
	}

	@Test
	void constructorWhenResolverNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new VettedResolver(new AddressPolicy(false), null))
			.withMessage("resolver cannot be null");
	}

}
