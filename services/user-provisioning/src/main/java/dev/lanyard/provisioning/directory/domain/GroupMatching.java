package dev.lanyard.provisioning.directory.domain;

/** What the values of a groups claim are compared with. */
public enum GroupMatching {

	/** The group's name, case-sensitively. */
	NAME,

	/** The group's unique id, given when the group was created through the API. */
	UNIQUE_ID

}
