package dev.lanyard.gateway.signin.adapter.jdbc;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * A browser session's attributes as stored: JSON of the few kinds a session holds, never
 * Java serialization, so a stored row can name no class to instantiate. Text attributes
 * (the user id, the session's event id) are kept as they are; the pending authorization
 * request of a sign-in in progress is kept field by field. Any other attribute is not
 * stored (a warning names it), so the session only ever reads back what it can trust.
 */
final class SessionAttributesJson {

	private static final Logger log = LoggerFactory.getLogger(SessionAttributesJson.class);

	private static final int VERSION = 1;

	private final JsonMapper json = JsonMapper.builder().build();

	byte[] write(Map<String, Object> attributes) {
		ObjectNode root = this.json.createObjectNode();
		root.put("v", VERSION);
		ObjectNode text = root.putObject("text");
		ObjectNode requests = root.putObject("authorizationRequests");
		attributes.forEach((name, value) -> {
			if (value instanceof String string) {
				text.put(name, string);
			}
			else if (value instanceof OAuth2AuthorizationRequest request) {
				requests.set(name, authorizationRequest(request));
			}
			else if (value != null) {
				log.warn("Session attribute {} ({}) is not stored", name, value.getClass().getSimpleName());
			}
		});
		return this.json.writeValueAsBytes(root);
	}

	/**
	 * The attributes, or an exception when the bytes are not this format (e.g. a row
	 * written by an older release): the person then signs in again.
	 */
	Map<String, Object> read(byte[] bytes) {
		JsonNode root;
		try {
			root = this.json.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The stored session attributes are not JSON");
		}
		if (root == null || root.path("v").asInt(0) != VERSION) {
			throw new IllegalArgumentException("The stored session attributes have an unknown format");
		}
		Map<String, Object> attributes = new LinkedHashMap<>();
		root.path("text").properties().forEach((entry) -> attributes.put(entry.getKey(), entry.getValue().asString()));
		root.path("authorizationRequests")
			.properties()
			.forEach((entry) -> attributes.put(entry.getKey(), authorizationRequest(entry.getValue())));
		return attributes;
	}

	private ObjectNode authorizationRequest(OAuth2AuthorizationRequest request) {
		ObjectNode node = this.json.createObjectNode();
		node.put("authorizationUri", request.getAuthorizationUri());
		node.put("clientId", request.getClientId());
		node.put("redirectUri", request.getRedirectUri());
		node.put("state", request.getState());
		node.put("authorizationRequestUri", request.getAuthorizationRequestUri());
		request.getScopes().forEach(node.putArray("scopes")::add);
		node.set("additionalParameters", texts(request.getAdditionalParameters()));
		node.set("attributes", texts(request.getAttributes()));
		return node;
	}

	private OAuth2AuthorizationRequest authorizationRequest(JsonNode node) {
		Set<String> scopes = new LinkedHashSet<>();
		node.path("scopes").forEach((scope) -> scopes.add(scope.asString()));
		return OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(node.path("authorizationUri").asString())
			.clientId(node.path("clientId").asString())
			.redirectUri(node.path("redirectUri").isNull() ? null : node.path("redirectUri").asString())
			.state(node.path("state").asString())
			.scopes(scopes)
			.additionalParameters(map(node.path("additionalParameters")))
			.attributes(map(node.path("attributes")))
			.authorizationRequestUri(node.path("authorizationRequestUri").asString())
			.build();
	}

	/** A request's parameters and attributes are text; anything else is left out. */
	private ObjectNode texts(Map<String, Object> values) {
		ObjectNode node = this.json.createObjectNode();
		values.forEach((name, value) -> {
			if (value instanceof String string) {
				node.put(name, string);
			}
		});
		return node;
	}

	private static Map<String, Object> map(JsonNode node) {
		Map<String, Object> values = new LinkedHashMap<>();
		node.properties().forEach((entry) -> values.put(entry.getKey(), entry.getValue().asString()));
		return values;
	}

}
