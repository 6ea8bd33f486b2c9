package dev.lanyard.provisioning.directory.domain;

/** What happens to a groups claim value that matches no group. */
public enum GroupProvisioning {

	/** Ignored: only groups an administrator created are tracked. */
	MANUAL,

	/** A group of that name is created; it stays after its last member leaves. */
	AUTO

}
