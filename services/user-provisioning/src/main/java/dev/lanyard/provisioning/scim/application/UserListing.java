package dev.lanyard.provisioning.scim.application;

import java.util.List;

/**
 * A page of a user listing.
 *
 * @param users this page
 * @param total all matches
 * @param startIndex the 1-based index of the first
 */
public record UserListing(List<ProvisionedUser> users, long total, int startIndex) {

	public UserListing {
		users = List.copyOf(users);
	}

}
