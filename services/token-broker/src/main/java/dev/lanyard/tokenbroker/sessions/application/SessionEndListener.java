package dev.lanyard.tokenbroker.sessions.application;

/** Told when a browser session was signed out of, after it was recorded as ended. */
@FunctionalInterface
public interface SessionEndListener {

	void sessionEnded(String sessionId, String userId);

}
