package dev.lanyard.launcher.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Date;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lanyard.launcher.settings.StateDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RegistryWriteAccessTest {

	@TempDir
	Path folder;

	@Test
	void constructorWhenKeyNullThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RegistryWriteAccess(null))
			.withMessage("key cannot be null");
	}

	@Test
	void constructorWhenOnlyPublicHalfThenIllegalArgument() {
		RegistryWriteAccess access = RegistryWriteAccess.generate();
		assertThatIllegalArgumentException().isThrownBy(() -> new RegistryWriteAccess(access.key().toPublicJWK()))
			.withMessage("key must hold its private half");
	}

	@Test
	void loadOrCreateWhenStateNullThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> RegistryWriteAccess.loadOrCreate(null))
			.withMessage("state cannot be null");
	}

	@Test
	void loadOrCreateWhenFirstCalledThenKeyInPrivateFileAndSameKeyAfterwards() throws Exception {
		StateDirectory state = new StateDirectory(this.folder.resolve("state"));

		RegistryWriteAccess first = RegistryWriteAccess.loadOrCreate(state);

		Path file = state.file(RegistryWriteAccess.FILE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(RegistryWriteAccess.loadOrCreate(state).key()).isEqualTo(first.key());
	}

	@Test
	void bearerTokenWhenVerifiedWithThePublicKeyTheRegistryGetsThenValidWithIssuerAudienceAndRole() throws Exception {
		RegistryWriteAccess access = RegistryWriteAccess.generate();
		RSAPublicKey published = (RSAPublicKey) KeyFactory.getInstance("RSA")
			.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(access.publicKey())));

		SignedJWT token = SignedJWT.parse(access.bearerToken());

		assertThat(token.verify(new RSASSAVerifier(published))).isTrue();
		assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(RegistryWriteAccess.ISSUER);
		assertThat(token.getJWTClaimsSet().getAudience()).containsExactly(RegistryWriteAccess.AUDIENCE);
		assertThat(token.getJWTClaimsSet().getStringListClaim("groups"))
			.containsExactly(RegistryWriteAccess.ADMIN_ROLE);
		assertThat(token.getJWTClaimsSet().getExpirationTime())
			.isBefore(new Date(System.currentTimeMillis() + 301_000));
	}

	@Test
	void registrySettingsWhenBuiltThenReadsAnonymousAndOnlyThePublicKey() {
		RegistryWriteAccess access = RegistryWriteAccess.generate();

		var settings = access.registrySettings();

		assertThat(settings).containsEntry("quarkus.oidc.tenant-enabled", "true")
			.containsEntry("apicurio.auth.anonymous-read-access.enabled", "true")
			.containsEntry("apicurio.auth.role-based-authorization", "true")
			.containsValue(access.publicKey());
		assertThat(String.join(" ", settings.values())).doesNotContain(access.key().getPrivateExponent().toString());
	}

	@Test
	void toStringWhenPrintedThenHidesTheKey() {
		RegistryWriteAccess access = RegistryWriteAccess.generate();

		assertThat(access.toString()).contains("(hidden)").doesNotContain(access.key().getPrivateExponent().toString());
	}

}
