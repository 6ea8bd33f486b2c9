package dev.lanyard.platform.outbound;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.lanyard.platform.outbound.AddressPolicy.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AddressPolicyTest {

	private final AddressPolicy production = new AddressPolicy(false);

	private final AddressPolicy development = new AddressPolicy(true);

	@ParameterizedTest
	@ValueSource(strings = {
			// cloud metadata services
			"169.254.169.254", "169.254.170.2", "169.254.170.23", "100.100.100.200", "168.63.129.16", "fd00:ec2::254",
			"fd00:ec2::23", "::ffff:169.254.169.254",
			// unspecified, "this network"
			"0.0.0.0", "0.1.2.3", "::",
			// multicast, broadcast, reserved
			"224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1", "254.1.2.3", "ff02::1", "ff0e::1",
			// IETF protocol assignments (incl. Oracle's metadata 192.0.0.192), 6to4 relay
			"192.0.0.1", "192.0.0.192", "192.88.99.1", "2001::1", "2001:1::1", "2001:2::1",
			// benchmarking
			"198.18.0.1", "198.19.255.254",
			// documentation
			"192.0.2.1", "198.51.100.7", "203.0.113.9", "2001:db8::1", "3fff::1",
			// discard-only, outside global unicast
			"100::1", "4000::1", "e000::1",
			// IPv4-compatible IPv6, of a private and of a public address
			"::127.0.0.1", "::10.0.0.1", "::8.8.8.8",
			// NAT64 (well-known and local-use) of refused IPv4
			"64:ff9b::127.0.0.1", "64:ff9b::10.0.0.1", "64:ff9b::169.254.169.254", "64:ff9b::192.168.1.1",
			"64:ff9b:1::a00:1",
			// 6to4 of refused IPv4
			"2002:7f00:1::", "2002:a00:1::1", "2002:a9fe:a9fe::", "2002:c0a8:101::", "2002:6440:1::" })
	void allowsWhenAlwaysRefusedAddressThenRefusedEvenWithPrivateAllowed(String literal) {
		InetAddress address = InetAddress.ofLiteral(literal);
		assertThat(AddressPolicy.classify(address)).as(literal).isEqualTo(Verdict.FORBIDDEN);
		assertThat(this.production.allows(address)).as(literal).isFalse();
		assertThat(this.development.allows(address)).as(literal).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// loopback
			"127.0.0.1", "127.255.0.9", "::1", "::ffff:127.0.0.1",
			// link-local (other than metadata)
			"169.254.1.1", "fe80::1", "febf::1",
			// RFC 1918
			"10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.0.1", "::ffff:10.1.2.3",
			// carrier-grade NAT
			"100.64.0.1", "100.127.255.254",
			// unique local, old site local
			"fc00::1", "fd12:3456::1", "fec0::1" })
	void allowsWhenPrivateAddressThenOnlyWhenPrivateAllowed(String literal) {
		InetAddress address = InetAddress.ofLiteral(literal);
		assertThat(AddressPolicy.classify(address)).as(literal).isEqualTo(Verdict.PRIVATE);
		assertThat(this.production.allows(address)).as(literal).isFalse();
		assertThat(this.development.allows(address)).as(literal).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "93.184.216.34", "100.63.255.255", "100.128.0.1", "172.15.255.255",
			"172.32.0.1", "192.0.1.1", "192.169.0.1", "198.17.255.255", "198.20.0.1", "223.255.255.255",
			"169.253.169.254", "2606:4700::1111", "2a00:1450:4001::200e", "64:ff9b::8.8.8.8", "2002:808:808::",
			"::ffff:8.8.8.8", "2001:200::1" })
	void allowsWhenPublicAddressThenAllowed(String literal) {
		InetAddress address = InetAddress.ofLiteral(literal);
		assertThat(AddressPolicy.classify(address)).as(literal).isEqualTo(Verdict.PUBLIC);
		assertThat(this.production.allows(address)).as(literal).isTrue();
		assertThat(this.development.allows(address)).as(literal).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "metadata.google.internal", "METADATA.GOOGLE.INTERNAL.", "metadata.goog", "metadata",
			"instance-data", "instance-data.ec2.internal" })
	void allowsHostNameWhenMetadataNameThenRefusedEvenWithPrivateAllowed(String host) {
		assertThat(this.development.allowsHostName(host)).as(host).isFalse();
		assertThat(this.production.allowsHostName(host)).as(host).isFalse();
	}

	@Test
	void allowsHostNameWhenOrdinaryNameThenAllowed() {
		assertThat(this.production.allowsHostName("login.microsoftonline.com")).isTrue();
		assertThat(this.production.allowsHostName("metadata.example.com")).isTrue();
	}

	@Test
	void allowsWhenAddressNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.production.allows(null))
			.withMessage("address cannot be null");
	}

	@Test
	void allowsHostNameWhenNullThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.production.allowsHostName(null))
			.withMessage("host cannot be null");
	}

}
