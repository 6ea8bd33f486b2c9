package dev.lanyard.auditverifier;

/** The bundle does not hold what the log signed: the first thing found, named. */
final class Tampered extends Exception {

	Tampered(String message) {
		super(message, null, false, false);
	}

	static Tampered at(String kind, long leafIndex, Object eventId, String detail) {
		return new Tampered(
				kind + " at leaf " + leafIndex + ((eventId != null) ? " (event " + eventId + ")" : "") + ": " + detail);
	}

}
