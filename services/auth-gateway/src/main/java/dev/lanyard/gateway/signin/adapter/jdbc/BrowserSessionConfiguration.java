package dev.lanyard.gateway.signin.adapter.jdbc;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Schedulers;

import dev.lanyard.gateway.signin.adapter.oidc.SignInProperties;
import dev.lanyard.gateway.signin.adapter.web.SessionAttributes;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.web.server.session.SpringSessionWebSessionStore;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

/**
 * Browser sessions in the gateway's database instead of WebFlux's in-memory store: the
 * session manager's store is {@link JdbcSessionRepository}, and expired sessions are
 * deleted every purge interval.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BrowserSessionProperties.class)
public class BrowserSessionConfiguration {

	private static final Logger log = LoggerFactory.getLogger(BrowserSessionConfiguration.class);

	@Bean
	@DependsOnDatabaseInitialization
	JdbcSessionRepository browserSessions(JdbcClient jdbc, BrowserSessionProperties sessions, Clock clock) {
		return new JdbcSessionRepository(jdbc, Schedulers.boundedElastic(), sessions.idleTimeout(),
				sessions.absoluteTimeout(), SessionAttributes.USER_ID, SessionAttributes.NOT_STORED, clock);
	}

	@Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
	WebSessionManager webSessionManager(JdbcSessionRepository browserSessions, SignInProperties signIn) {
		DefaultWebSessionManager manager = new DefaultWebSessionManager();
		manager.setSessionStore(new SpringSessionWebSessionStore<>(browserSessions));
		manager.setSessionIdResolver(BrowserSessionCookies.resolver(signIn.publicUrl()));
		return manager;
	}

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService browserSessionPurge(JdbcSessionRepository browserSessions,
			BrowserSessionProperties sessions) {
		ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("session-purge").daemon().factory());
		long every = sessions.purgeInterval().toMillis();
		scheduler.scheduleWithFixedDelay(() -> purge(browserSessions), every, every, TimeUnit.MILLISECONDS);
		return scheduler;
	}

	private static void purge(JdbcSessionRepository browserSessions) {
		try {
			int purged = browserSessions.purgeExpired();
			if (purged > 0) {
				log.debug("Deleted {} expired browser session(s)", purged);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not delete expired browser sessions: {}", ex.toString());
		}
	}

}
