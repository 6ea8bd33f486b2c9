package dev.lanyard.tokenbroker.delegation.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 8693 §4.1 {@code act} claim: the party acting, and whoever acted before it
 * (nested). The outermost actor is the current one; the chain reads nearest first.
 *
 * @param subject the acting party's {@code sub}
 * @param prior the {@code act} the acting party itself carried, or {@code null}
 */
public record Actor(String subject, Actor prior) {

	/** RFC 8693's claim name. */
	public static final String CLAIM = "act";

	private static final String SUB = "sub";

	/** Deeper chains are refused: no legitimate delegation is that long. */
	private static final int MAX_DEPTH = 8;

	public Actor {
		if (subject == null || subject.isBlank()) {
			throw new IllegalArgumentException("subject cannot be blank");
		}
		if (prior != null && prior.chain().size() >= MAX_DEPTH) {
			throw new IllegalArgumentException("prior cannot nest more than " + MAX_DEPTH + " actors");
		}
	}

	/**
	 * The actor a claim value describes, or {@code null} when there is none.
	 * @throws IllegalArgumentException when the value is not an {@code act} claim
	 */
	public static Actor fromClaim(Object claim) {
		if (claim == null) {
			return null;
		}
		if (!(claim instanceof Map<?, ?> map) || !(map.get(SUB) instanceof String sub)) {
			throw new IllegalArgumentException("act must be an object with a sub");
		}
		return new Actor(sub, fromClaim(map.get(CLAIM)));
	}

	/** The claim value: {@code {"sub": ..., "act": {...}}}. */
	public Map<String, Object> toClaim() {
		Map<String, Object> claim = new LinkedHashMap<>();
		claim.put(SUB, this.subject);
		if (this.prior != null) {
			claim.put(CLAIM, this.prior.toClaim());
		}
		return claim;
	}

	/** Every actor's {@code sub}, this one first. */
	public List<String> chain() {
		List<String> chain = new ArrayList<>();
		for (Actor actor = this; actor != null; actor = actor.prior) {
			chain.add(actor.subject);
		}
		return List.copyOf(chain);
	}

}
