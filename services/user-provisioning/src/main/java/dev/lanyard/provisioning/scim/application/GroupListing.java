package dev.lanyard.provisioning.scim.application;

import java.util.List;

/**
 * A page of a group listing.
 *
 * @param groups this page
 * @param total all matches
 * @param startIndex the 1-based index of the first
 */
public record GroupListing(List<ProvisionedGroup> groups, long total, int startIndex) {

	public GroupListing {
		groups = List.copyOf(groups);
	}

}
