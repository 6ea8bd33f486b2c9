package dev.lanyard.tokenbroker.users.application;

/** Told when a user was deactivated, after the read model recorded it. */
@FunctionalInterface
public interface UserDeactivationListener {

	void userDeactivated(String userId);

}
