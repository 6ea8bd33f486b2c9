package dev.lanyard.tokenbroker.sessions;

import java.time.Clock;

import dev.lanyard.tokenbroker.jwt.TokenSigning;

import dev.lanyard.tokenbroker.issuance.application.IssuanceAuditTrail;
import dev.lanyard.tokenbroker.sessions.adapter.jdbc.JdbcEndedSessions;
import dev.lanyard.tokenbroker.sessions.adapter.jdbc.JdbcSignIns;
import dev.lanyard.tokenbroker.sessions.adapter.oauth.JwtUserSessionTokenSigner;
import dev.lanyard.tokenbroker.sessions.application.EndedSessions;
import dev.lanyard.tokenbroker.sessions.application.IssueUserSessionToken;
import dev.lanyard.tokenbroker.sessions.application.SignIns;
import dev.lanyard.tokenbroker.users.application.AwaitUser;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** User session tokens: the signer and the use case behind the user-session grant. */
@Configuration(proxyBeanMethods = false)
class SessionsConfiguration {

	@Bean
	@DependsOnDatabaseInitialization
	EndedSessions endedSessions(JdbcClient jdbc) {
		return new JdbcEndedSessions(jdbc);
	}

	@Bean
	@DependsOnDatabaseInitialization
	SignIns signIns(JdbcClient jdbc, UserSessionProperties sessions) {
		return new JdbcSignIns(jdbc, sessions.browserSessionMaxAge().plusHours(1));
	}

	@Bean
	IssueUserSessionToken issueUserSessionToken(AwaitUser users, TokenSigning signing, UserSessionProperties sessions,
			IssuanceAuditTrail auditTrail, Clock clock, SignIns signIns, EndedSessions endedSessions) {
		JwtUserSessionTokenSigner signer = new JwtUserSessionTokenSigner(signing);
		return new IssueUserSessionToken(users, signer, auditTrail, sessions.userSessionTokenTimeToLive(),
				sessions.userWaitTimeout(), clock, signIns, endedSessions, sessions.browserSessionMaxAge());
	}

}
