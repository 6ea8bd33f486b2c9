package dev.lanyard.gateway.signin.application;

/**
 * The sign-in could not be completed now (Kafka or user-provisioning did not answer in
 * time); trying again later can help.
 */
public final class SignInUnavailableException extends RuntimeException {

	public SignInUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
