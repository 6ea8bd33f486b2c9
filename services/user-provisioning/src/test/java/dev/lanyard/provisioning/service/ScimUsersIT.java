package dev.lanyard.provisioning.service;

import java.util.List;
import java.util.Map;

import dev.lanyard.events.UserChanged;
import dev.lanyard.events.UserLoggedIn;
import dev.lanyard.platform.kafka.Topics;
import dev.lanyard.provisioning.service.ScimSupport.ScimResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.lanyard.provisioning.service.ScimSupport.filter;
import static dev.lanyard.provisioning.service.ScimSupport.patch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /scim/v2/Users} and discovery as Okta and Entra ID call them (their request
 * sequences replayed), and hostile input refused with nothing changed.
 */
class ScimUsersIT extends ServiceTestSupport {

	@Autowired
	JdbcClient jdbc;

	private ScimSupport scim;

	private String client;

	@BeforeEach
	void client() {
		this.client = unique("idp-");
		Response created = admin("POST", "/api/admin/scim-clients", "{\"name\":\"" + this.client + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		this.scim = new ScimSupport(this.port, created.json().get("token").asString());
	}

	@Test
	void oktaSequenceWhenReplayedThenUserCreatedUpdatedBoundToSignInAndDeactivated() {
		// connection test
		ScimResponse probe = this.scim.get("/Users?startIndex=1&count=2").assertStatus(200);
		assertThat(probe.contentType()).startsWith(ScimSupport.SCIM_JSON);
		assertThat(probe.json().get("schemas").get(0).asString())
			.isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
		assertThat(probe.json().get("itemsPerPage").asInt()).isLessThanOrEqualTo(2);
		assertThat(probe.json().get("startIndex").asInt()).isEqualTo(1);

		String userName = unique("ada") + "@example.com";
		String externalId = unique("00u");
		ScimResponse missing = this.scim
			.get("/Users?filter=" + filter("userName eq \"" + userName + "\"") + "&startIndex=1&count=100");
		assertThat(missing.assertStatus(200).json().get("totalResults").asInt()).isZero();

		String createCorrelation = unique("okta-create-");
		ScimResponse created = this.scim.send("POST", "/Users", oktaUser(userName, externalId, "Ada", true),
				createCorrelation);
		created.assertStatus(201);
		JsonNode user = created.json();
		String id = user.get("id").asString();
		assertThat(created.location()).endsWith("/scim/v2/Users/" + id);
		assertThat(created.etag()).isEqualTo("W/\"1\"");
		assertThat(user.get("meta").get("version").asString()).isEqualTo("W/\"1\"");
		assertThat(user.get("meta").get("resourceType").asString()).isEqualTo("User");
		assertThat(user.get("meta").get("location").asString()).isEqualTo(created.location());
		assertThat(user.get("userName").asString()).isEqualTo(userName);
		assertThat(user.get("externalId").asString()).isEqualTo(externalId);
		assertThat(user.get("emails").get(0).get("value").asString()).isEqualTo(userName);
		assertThat(user.get("active").asBoolean()).isTrue();
		UserChanged createdEvent = kafka.awaitOne(UserChanged.class, createCorrelation, EVENTUALLY).value();
		assertThat(createdEvent.getUserId()).isEqualTo(id);
		assertThat(createdEvent.getActorId()).isEqualTo("scim-client:" + this.client);
		assertThat(createdEvent.getUsername()).isEqualTo(userName.substring(0, userName.indexOf('@')));

		ScimResponse found = this.scim.get("/Users?filter=" + filter("userName eq \"" + userName.toUpperCase() + "\""));
		assertThat(found.assertStatus(200).json().get("totalResults").asInt()).isEqualTo(1);
		assertThat(found.json().get("Resources").get(0).get("id").asString()).isEqualTo(id);

		String putCorrelation = unique("okta-put-");
		ScimResponse replaced = this.scim.send("PUT", "/Users/" + id,
				oktaUser(userName, externalId, "Augusta", true).replaceFirst("\\{", "{\"id\":\"" + id + "\","),
				putCorrelation);
		assertThat(replaced.assertStatus(200).json().get("name").get("givenName").asString()).isEqualTo("Augusta");
		assertThat(replaced.etag()).isEqualTo("W/\"2\"");
		assertThat(kafka.awaitOne(UserChanged.class, putCorrelation, EVENTUALLY).value().getFirstName())
			.isEqualTo("Augusta");

		// one person, one user: a sign-in from the provider with the externalId is this
		// user
		UserLoggedIn login = login(externalId, null, null).setEmail(userName).setClaimedFields(List.of()).build();
		kafka.send(Topics.USER_LOGGED_IN.name(), null, externalId, login);
		assertThat(kafka.awaitOne(UserChanged.class, login.getCorrelationId(), EVENTUALLY).value().getUserId())
			.isEqualTo(id);

		String deactivateCorrelation = unique("okta-deactivate-");
		ScimResponse deactivated = this.scim.send("PATCH", "/Users/" + id,
				patch("{\"op\":\"replace\",\"value\":{\"active\":false}}"), deactivateCorrelation);
		assertThat(deactivated.assertStatus(200).json().get("active").asBoolean()).isFalse();
		List<ConsumerRecord<String, UserChanged>> changes = kafka.await(UserChanged.class, deactivateCorrelation,
				(list) -> list.stream().anyMatch((record) -> !record.value().getActive()), EVENTUALLY);
		assertThat(changes).anySatisfy((record) -> {
			assertThat(record.value().getActive()).isFalse();
			assertThat(record.value().getActorId()).isEqualTo("scim-client:" + this.client);
		});
	}

	@Test
	void entraDefaultSequenceWhenReplayedThenCapitalisedOpsAndStringBooleansApplied() {
		ScimResponse probe = this.scim
			.get("/Users?filter=" + filter("userName eq \"" + java.util.UUID.randomUUID() + "\""));
		assertThat(probe.assertStatus(200).json().get("totalResults").asInt()).isZero();
		assertThat(probe.json().get("Resources").isEmpty()).isTrue();

		String userName = unique("grace") + "@contoso.example";
		String objectId = java.util.UUID.randomUUID().toString();
		String id = this.scim
			.send("POST", "/Users",
					"""
							{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
							  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
							 "externalId":"%s","userName":"%s","active":true,"displayName":"Grace Hopper",
							 "emails":[{"primary":true,"type":"work","value":"%s"}],
							 "meta":{"resourceType":"User"},
							 "name":{"formatted":"Grace Hopper","familyName":"Hopper","givenName":"Grace"},
							 "title":"Rear Admiral",
							 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Navy","employeeNumber":"1906"}}
							"""
						.formatted(objectId, userName, userName),
					null)
			.assertStatus(201)
			.json()
			.get("id")
			.asString();
		ScimResponse byExternalId = this.scim.get("/Users?filter=" + filter(
				"externalId eq \"" + objectId + "\" and emails[type eq \"work\"].value eq \"" + userName + "\""));
		assertThat(byExternalId.assertStatus(200).json().get("totalResults").asInt()).isEqualTo(1);

		String correlation = unique("entra-patch-");
		ScimResponse patched = this.scim.send("PATCH", "/Users/" + id, patch(
				"{\"op\":\"Replace\",\"path\":\"name.familyName\",\"value\":\"Murray Hopper\"}",
				"{\"op\":\"Add\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department\",\"value\":\"Computing\"}",
				"{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"), correlation);
		JsonNode user = patched.assertStatus(200).json();
		assertThat(user.get("name").get("familyName").asString()).isEqualTo("Murray Hopper");
		assertThat(user.get("active").asBoolean()).isFalse();
		assertThat(user.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").get("department").asString())
			.isEqualTo("Computing");
		assertThat(kafka.await(UserChanged.class, correlation,
				(list) -> list.stream().anyMatch((record) -> !record.value().getActive()), EVENTUALLY))
			.anySatisfy((record) -> assertThat(record.value().getLastName()).isEqualTo("Murray Hopper"));
	}

	@Test
	void entraNewStyleWhenPathlessReplaceWithDottedKeysThenApplied() {
		String id = createUser(unique("alan") + "@contoso.example");
		ScimResponse patched = this.scim.send("PATCH", "/Users/" + id, patch("""
				{"op":"replace","value":{"name.givenName":"Alan","name.familyName":"Turing",
				 "emails[type eq \\"work\\"].value":"alan@contoso.example","active":true}}"""), null);
		JsonNode user = patched.assertStatus(200).json();
		assertThat(user.get("name").get("givenName").asString()).isEqualTo("Alan");
		assertThat(user.get("emails").get(0).get("value").asString()).isEqualTo("alan@contoso.example");
		assertThat(user.get("meta").get("version").asString()).isEqualTo("W/\"2\"");
	}

	@Test
	void patchWhenIfMatchStaleThenPreconditionFailedAndNothingChanged() {
		String id = createUser(unique("kat") + "@example.com");
		this.scim
			.send("PATCH", "/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"K\"}"), null)
			.assertStatus(200);

		ScimResponse stale = this.scim.call("PATCH", "/Users/" + id,
				patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Stale\"}"), null,
				Map.of("If-Match", "W/\"1\""));

		stale.assertError(412, null);
		JsonNode now = this.scim.get("/Users/" + id).json();
		assertThat(now.get("displayName").asString()).isEqualTo("K");
		assertThat(now.get("meta").get("version").asString()).isEqualTo("W/\"2\"");
		ScimResponse current = this.scim.call("PATCH", "/Users/" + id,
				patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Fresh\"}"), null,
				Map.of("If-Match", "W/\"2\""));
		assertThat(current.assertStatus(200).etag()).isEqualTo("W/\"3\"");
	}

	@Test
	void getWhenAttributesAndExcludedAttributesThenProjected() {
		String id = createUser(unique("lin") + "@example.com");
		JsonNode only = this.scim.get("/Users/" + id + "?attributes=userName").assertStatus(200).json();
		assertThat(only.propertyNames()).containsExactlyInAnyOrder("schemas", "id", "userName");
		JsonNode without = this.scim.get("/Users/" + id + "?excludedAttributes=emails,groups,meta").json();
		assertThat(without.has("emails")).isFalse();
		assertThat(without.has("meta")).isFalse();
		assertThat(without.has("userName")).isTrue();
	}

	@Test
	void hostileInputWhenRefusedThenScimErrorAndNothingChanged() {
		String userName = unique("eve") + "@example.com";
		String id = createUser(userName);
		long before = userRows();

		this.scim.send("POST", "/Users", "{\"userName\":", null).assertError(400, "invalidSyntax");
		this.scim.send("POST", "/Users", "{\"userName\":\"x@example.com\",\"shoeSize\":42}", null)
			.assertError(400, "invalidPath");
		this.scim.call("POST", "/Users", "{\"userName\":\"y@example.com\"}", null, Map.of("Content-Type", "text/plain"))
			.assertError(415, null);
		this.scim
			.send("POST", "/Users",
					"{\"userName\":\"z@example.com\",\"displayName\":\"" + "a".repeat(1_100_000) + "\"}", null)
			.assertError(413, null);
		this.scim.send("POST", "/Users", "{\"userName\":\"" + userName.toUpperCase() + "\"}", null)
			.assertError(409, "uniqueness");
		this.scim
			.send("PUT", "/Users/" + id,
					"{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"userName\":\"" + userName
							+ "\",\"displayName\":\"Changed\"}",
					null)
			.assertError(400, "mutability");
		this.scim.send("PATCH", "/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"meta\",\"value\":{}}"), null)
			.assertError(400, "mutability");
		this.scim
			.send("PATCH", "/Users/" + id,
					patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Changed\"}",
							"{\"op\":\"replace\",\"path\":\"nickname.first\",\"value\":\"x\"}",
							"{\"op\":\"replace\",\"path\":\"bogus\",\"value\":\"x\"}"),
					null)
			.assertError(400, "invalidPath");
		this.scim.get("/Users?filter=" + filter("(".repeat(11) + "userName eq \"a\"" + ")".repeat(11)))
			.assertError(400, "invalidFilter");
		this.scim.get("/Users?filter=" + filter("title eq \"x\"")).assertError(400, "invalidFilter");
		ScimResponse injection = this.scim.get(
				"/Users?filter=" + filter("userName eq \"x' OR '1'='1\" or externalId eq \"'); DROP TABLE users;--\""));
		assertThat(injection.assertStatus(200).json().get("totalResults").asInt()).isZero();

		assertThat(userRows()).isEqualTo(before);
		JsonNode user = this.scim.get("/Users/" + id).assertStatus(200).json();
		assertThat(user.get("meta").get("version").asString()).isEqualTo("W/\"1\"");
		assertThat(user.has("displayName") && user.get("displayName").asString().equals("Changed")).isFalse();
	}

	@Test
	void adminEditWhenFieldManagedByScimThenConflict() {
		String id = createUser(unique("ida") + "@example.com");
		Response refused = admin("PATCH", "/api/admin/users/" + id, "{\"email\":\"other@example.com\"}");
		assertThat(refused.status()).isEqualTo(409);
	}

	@Test
	void adminEditWhenSignInClaimedFewerFieldsThanScimManagesThenScimFieldsStayLocked() {
		String userName = unique("lin") + "@example.com";
		String externalId = unique("00u");
		String id = this.scim.send("POST", "/Users", oktaUser(userName, externalId, "Lin", true), null)
			.assertStatus(201)
			.json()
			.get("id")
			.asString();
		// a provider whose sign-in claims only the email: SCIM still manages the names
		UserLoggedIn login = login(externalId, null, null).setEmail(userName)
			.setClaimedFields(List.of("email"))
			.build();
		kafka.send(Topics.USER_LOGGED_IN.name(), null, externalId, login);
		assertThat(kafka.awaitOne(UserChanged.class, login.getCorrelationId(), EVENTUALLY).value().getUserId())
			.isEqualTo(id);

		Response refused = admin("PATCH", "/api/admin/users/" + id, "{\"firstName\":\"Edited\"}");

		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.json().get("field").asString()).isEqualTo("firstName");
		JsonNode user = admin("GET", "/api/admin/users/" + id, null).json();
		assertThat(user.get("firstName").asString()).isEqualTo("Lin");
		assertThat(user.get("claimedFields").toString()).contains("\"email\"")
			.contains("\"firstName\"")
			.contains("\"lastName\"")
			.contains("\"username\"");
	}

	@Test
	void createWhenPersonSignedInFirstThenSameUserAndSecondClaimRefusedNotMerged() {
		String uniqueId = unique("00u");
		UserLoggedIn login = login(uniqueId, unique("signin"), null).build();
		kafka.send(Topics.USER_LOGGED_IN.name(), null, uniqueId, login);
		String signedIn = kafka.awaitOne(UserChanged.class, login.getCorrelationId(), EVENTUALLY).value().getUserId();

		ScimResponse pushed = this.scim.send("POST", "/Users",
				oktaUser(unique("first") + "@example.com", uniqueId, "First", true), null);
		assertThat(pushed.assertStatus(201).json().get("id").asString()).isEqualTo(signedIn);
		long before = userRows();

		this.scim.send("POST", "/Users", oktaUser(unique("dup") + "@example.com", uniqueId, "Dup", true), null)
			.assertError(409, "uniqueness");
		assertThat(userRows()).isEqualTo(before);
		assertThat(this.jdbc.sql("SELECT count(*) FROM users WHERE unique_id = ?")
			.param(uniqueId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void getWhenUnknownIdThenNotFoundScimError() {
		this.scim.get("/Users/" + java.util.UUID.randomUUID()).assertError(404, null);
		this.scim.get("/Users/not-a-uuid").assertError(404, null);
	}

	@Test
	void unknownEndpointWhenCalledThenScimErrorNotProblemDetails() {
		this.scim.get("/Widgets").assertError(404, null);
		this.scim.send("POST", "/Bulk", "{}", null).assertError(501, null);
	}

	@Test
	void listWhenPagedThenStartIndexHonouredAndCountCapped() {
		createUser(unique("p1") + "@example.com");
		createUser(unique("p2") + "@example.com");
		JsonNode second = this.scim.get("/Users?startIndex=2&count=1").assertStatus(200).json();
		assertThat(second.get("startIndex").asInt()).isEqualTo(2);
		assertThat(second.get("itemsPerPage").asInt()).isEqualTo(1);
		assertThat(second.get("totalResults").asInt()).isGreaterThanOrEqualTo(2);
		JsonNode capped = this.scim.get("/Users?count=100000&excludedAttributes=groups").assertStatus(200).json();
		assertThat(capped.get("itemsPerPage").asInt()).isLessThanOrEqualTo(200);
		this.scim.get("/Users?count=many").assertError(400, "invalidValue");
	}

	@Test
	void discoveryWhenAskedThenOnlyWhatIsSupported() {
		JsonNode config = this.scim.get("/ServiceProviderConfig").assertStatus(200).json();
		assertThat(config.get("patch").get("supported").asBoolean()).isTrue();
		assertThat(config.get("bulk").get("supported").asBoolean()).isFalse();
		assertThat(config.get("sort").get("supported").asBoolean()).isFalse();
		assertThat(config.get("etag").get("supported").asBoolean()).isTrue();
		assertThat(config.get("filter").get("maxResults").asInt()).isEqualTo(200);
		assertThat(config.get("authenticationSchemes").get(0).get("type").asString()).isEqualTo("oauthbearertoken");
		assertThat(this.scim.get("/ResourceTypes").assertStatus(200).json().get("totalResults").asInt()).isEqualTo(2);
		assertThat(this.scim.get("/Schemas").assertStatus(200).json().get("Resources").findValuesAsString("id"))
			.contains("urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:core:2.0:Group");
	}

	private String createUser(String userName) {
		return this.scim
			.send("POST", "/Users",
					"{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]," + "\"userName\":\"" + userName
							+ "\",\"emails\":[{\"value\":\"" + userName + "\",\"primary\":true}]}",
					null)
			.assertStatus(201)
			.json()
			.get("id")
			.asString();
	}

	/** Users written through SCIM (sign-ins, running concurrently, write none). */
	private long userRows() {
		return this.jdbc.sql("SELECT count(*) FROM scim_users").query(Long.class).single();
	}

	/** The body Okta sends on create and on update (PUT). */
	private static String oktaUser(String userName, String externalId, String givenName, boolean active) {
		return """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","externalId":"%s",
				 "name":{"givenName":"%s","familyName":"Lovelace"},
				 "emails":[{"primary":true,"value":"%s","type":"work"}],"displayName":"%s Lovelace",
				 "locale":"en-US","groups":[],"active":%s}""".formatted(userName, externalId, givenName, userName,
				givenName, active);
	}

}
