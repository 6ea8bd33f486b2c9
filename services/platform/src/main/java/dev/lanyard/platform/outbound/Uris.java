package dev.lanyard.platform.outbound;

import java.net.URI;
import java.net.URISyntaxException;

/** Tests on URIs that callers of external services share. */
public final class Uris {

	private Uris() {
	}

	/**
	 * Whether {@code value} is an absolute URI: an audience that is one is sent as an RFC
	 * 8707 {@code resource} indicator.
	 * @param value any text, {@code null} included
	 * @return {@code true} only for a parsable URI with a scheme
	 */
	public static boolean isAbsolute(String value) {
		if (value == null) {
			return false;
		}
		try {
			return new URI(value).isAbsolute();
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
