package dev.lanyard.auditverifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The bundle's lines, each ended by a newline and strictly UTF-8. */
final class Lines {

	private final InputStream in;

	private int number;

	Lines(InputStream in) {
		this.in = in;
	}

	/** The number of the line last read, from 1. */
	int number() {
		return this.number;
	}

	/**
	 * @return the next line without its newline, or null at the end
	 * @throws IllegalArgumentException when the line is cut short or not UTF-8
	 */
	String next() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b = this.in.read();
		if (b < 0) {
			return null;
		}
		this.number++;
		while (b >= 0 && b != '\n') {
			line.write(b);
			b = this.in.read();
		}
		if (b < 0) {
			throw new IllegalArgumentException("line " + this.number + " does not end with a newline");
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(line.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("line " + this.number + " is not UTF-8");
		}
	}

}
