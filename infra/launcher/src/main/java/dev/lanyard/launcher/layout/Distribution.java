package dev.lanyard.launcher.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the build put what the launcher runs: the classpaths of the Kafka broker, the
 * OIDC provider and the launcher itself, the unpacked Apicurio Registry, and the
 * services' Spring Boot jars.
 */
public final class Distribution {

	private static final String BUILD_HINT = "build it first: ./mvnw -q -pl infra/launcher -am package -DskipTests";

	private final Path root;

	private final String version;

	private final String apicurioVersion;

	public Distribution(Path root) {
		if (root == null) {
			throw new IllegalArgumentException("root cannot be null");
		}
		this.root = root;
		Properties build = buildProperties();
		this.version = build.getProperty("version");
		this.apicurioVersion = build.getProperty("apicurio-registry-app.version");
	}

	public Path root() {
		return this.root;
	}

	/** The project version, which the services' jar names carry. */
	public String version() {
		return this.version;
	}

	public Path kafkaClasspath() {
		return requireDirectory(this.root.resolve("infra/launcher/kafka-broker/target/dist/kafka"), "Kafka broker");
	}

	public Path oidcProviderClasspath() {
		return requireDirectory(this.root.resolve("infra/launcher/oidc-provider/target/dist/oidc"), "OIDC provider");
	}

	public Path launcherClasspath() {
		return requireDirectory(this.root.resolve("infra/launcher/target/dist/launcher"), "launcher");
	}

	public Path apicurioRunner() {
		Path jar = this.root.resolve(
				"infra/launcher/target/dist/apicurio/apicurio-registry-app-" + this.apicurioVersion + "-runner.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Apicurio Registry is not unpacked at " + jar + "; " + BUILD_HINT);
		}
		return jar;
	}

	/** Where a service's jar is; it may not exist. */
	public Path serviceJar(String service) {
		return this.root.resolve("services")
			.resolve(service)
			.resolve("target")
			.resolve(service + "-" + this.version + ".jar");
	}

	private static Path requireDirectory(Path dir, String what) {
		if (!Files.isDirectory(dir)) {
			throw new IllegalStateException("The " + what + " classpath is missing at " + dir + "; " + BUILD_HINT);
		}
		return dir;
	}

	private static Properties buildProperties() {
		Properties properties = new Properties();
		try (InputStream in = Distribution.class.getResourceAsStream("/dev/lanyard/launcher/build.properties")) {
			if (in == null) {
				throw new IllegalStateException("build.properties missing from the launcher jar");
			}
			properties.load(in);
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
