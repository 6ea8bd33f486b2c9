package dev.lanyard.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.avro.Schema;

/**
 * The committed Avro schemas of every Lanyard event, read from the classpath
 * ({@code /avro/<Name>.avsc}).
 */
public final class EventSchemas {

	/** Every event record, by its schema file name. */
	public static final List<String> NAMES = List.of("TokenIssued", "TokenRevoked", "UserLoggedIn", "UserChanged",
			"GroupMembershipChanged", "UserDeactivated", "IntegrationChanged", "UserLoginRefused", "CredentialDenied",
			"UserSignedOut", "ScimClientChanged");

	private EventSchemas() {
	}

	/** The schema's JSON text, as committed. */
	public static String text(String name) {
		try (InputStream in = EventSchemas.class.getResourceAsStream("/avro/" + name + ".avsc")) {
			if (in == null) {
				throw new IllegalArgumentException("No schema named " + name);
			}
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Schema parse(String name) {
		return new Schema.Parser().parse(text(name));
	}

}
