package dev.lanyard.audit.trail;

import dev.lanyard.audit.web.StreamSlots;

import dev.lanyard.audit.trail.adapter.jdbc.JdbcAccessReports;
import dev.lanyard.audit.trail.adapter.jdbc.JdbcAuditTrail;
import dev.lanyard.audit.trail.application.AccessReports;
import dev.lanyard.audit.trail.application.AnswerAccessQuestions;
import dev.lanyard.audit.trail.application.AuditTrail;
import dev.lanyard.audit.trail.application.FindEvents;
import dev.lanyard.audit.trail.application.LookUpToken;
import dev.lanyard.audit.trail.application.RecordEvents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the trail's use cases to its PostgreSQL store. */
@Configuration(proxyBeanMethods = false)
class AuditTrailConfiguration {

	@Bean
	JdbcAuditTrail auditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			ExportProperties export) {
		return new JdbcAuditTrail(jdbc, new TransactionTemplate(transactionManager), export.fetchSize());
	}

	@Bean
	StreamSlots streamSlots(ExportProperties export) {
		return new StreamSlots(export.maxConcurrent());
	}

	@Bean
	JdbcAccessReports accessReports(JdbcTemplate jdbc) {
		return new JdbcAccessReports(jdbc);
	}

	@Bean
	RecordEvents recordEvents(AuditTrail auditTrail) {
		return new RecordEvents(auditTrail);
	}

	@Bean
	FindEvents findEvents(AuditTrail auditTrail) {
		return new FindEvents(auditTrail);
	}

	@Bean
	LookUpToken lookUpToken(AuditTrail auditTrail) {
		return new LookUpToken(auditTrail);
	}

	@Bean
	AnswerAccessQuestions answerAccessQuestions(AccessReports accessReports) {
		return new AnswerAccessQuestions(accessReports);
	}

}
