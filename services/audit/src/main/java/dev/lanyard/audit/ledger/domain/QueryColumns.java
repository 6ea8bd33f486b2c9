package dev.lanyard.audit.ledger.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a stored event that the auditors' filters read (who, what, which token),
 * derived from its payload when it was stored. A leaf of format 2 covers them besides the
 * payload: altering one in the database, so that a credential drops out of "everything
 * this person received" while its payload stays intact, is then found by the full check
 * at that record.
 *
 * @param subjectId the subject's id, or null
 * @param subjectType the subject's kind, or null
 * @param contentId the content item, or null
 * @param integrationId the integration, or null
 * @param tokenType the credential's type, or null
 * @param tokenId the credential's id, or null
 * @param tokenSha256 the credential's SHA-256, or null
 * @param grantType the grant, or null
 * @param scopes the scopes, or null
 * @param audience the audience, or null
 * @param expiresAt when the credential expires, or null
 * @param userId the person, or null
 * @param groupId the group, or null
 * @param outcome success or failure
 */
public record QueryColumns(String subjectId, String subjectType, String contentId, String integrationId,
		String tokenType, String tokenId, String tokenSha256, String grantType, List<String> scopes,
		List<String> audience, Instant expiresAt, String userId, String groupId, String outcome) {

	/** The leaf member, every column named even when null. */
	Map<String, Object> asLeafMember() {
		Map<String, Object> member = new LinkedHashMap<>();
		member.put("subjectId", this.subjectId);
		member.put("subjectType", this.subjectType);
		member.put("contentId", this.contentId);
		member.put("integrationId", this.integrationId);
		member.put("tokenType", this.tokenType);
		member.put("tokenId", this.tokenId);
		member.put("tokenSha256", this.tokenSha256);
		member.put("grantType", this.grantType);
		member.put("scopes", this.scopes);
		member.put("audience", this.audience);
		member.put("expiresAt", (this.expiresAt != null) ? this.expiresAt.toString() : null);
		member.put("userId", this.userId);
		member.put("groupId", this.groupId);
		member.put("outcome", this.outcome);
		return member;
	}

}
