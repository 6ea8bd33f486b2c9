package dev.lanyard.tokenbroker.clients.application;

import java.util.Set;

/**
 * Command to register a client.
 *
 * @param clientId the wanted client id, or {@code null} to have one generated
 * @param name a human-readable name
 * @param kind {@code content}, {@code auditor}, {@code administrator} or {@code gateway}
 * @param scopes the scopes it may request, or {@code null} for none
 */
public record RegisterClient(String clientId, String name, String kind, Set<String> scopes) {

}
