package dev.lanyard.platform.outbound;

import java.net.InetAddress;

/** An address range, {@code 198.18.0.0/15} or {@code 64:ff9b::/96}. */
record Cidr(byte[] prefix, int bits) {

	static Cidr of(String notation) {
		int slash = notation.indexOf('/');
		String literal = notation.substring(0, slash);
		byte[] prefix = InetAddress.ofLiteral(literal).getAddress();
		if (literal.contains(":") && prefix.length == 4) {
			// the JDK turns ::ffff:a.b.c.d into IPv4; a range of IPv6 keeps 16 bytes
			byte[] mapped = new byte[16];
			mapped[10] = (byte) 0xff;
			mapped[11] = (byte) 0xff;
			System.arraycopy(prefix, 0, mapped, 12, 4);
			prefix = mapped;
		}
		int bits = Integer.parseInt(notation.substring(slash + 1));
		if (bits < 0 || bits > prefix.length * 8) {
			throw new IllegalArgumentException("prefix length out of range: " + notation);
		}
		return new Cidr(prefix, bits);
	}

	/** Whether the address (4 or 16 bytes, the same family as the range) is inside. */
	boolean contains(byte[] address) {
		if (address.length != this.prefix.length) {
			return false;
		}
		int whole = this.bits / 8;
		for (int i = 0; i < whole; i++) {
			if (address[i] != this.prefix[i]) {
				return false;
			}
		}
		int rest = this.bits % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xff << (8 - rest)) & 0xff;
		return (address[whole] & mask) == (this.prefix[whole] & mask);
	}

}
