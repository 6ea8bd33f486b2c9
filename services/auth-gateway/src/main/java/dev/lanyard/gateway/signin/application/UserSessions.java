package dev.lanyard.gateway.signin.application;

/** The browser sessions the gateway keeps, as a deactivation ends them. */
@FunctionalInterface
public interface UserSessions {

	/** Ends every browser session of the user; how many there were. */
	int endAll(String userId);

}
