package dev.lanyard.audit.trail.adapter.web;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import dev.lanyard.audit.trail.TestEvents;
import dev.lanyard.audit.trail.application.AuditTrail;
import dev.lanyard.audit.trail.application.FakeAuditTrail;
import dev.lanyard.audit.trail.application.FindEvents;
import dev.lanyard.audit.trail.application.LookUpToken;
import dev.lanyard.audit.trail.application.TrailUnavailableException;
import dev.lanyard.audit.trail.domain.EventFilter;
import dev.lanyard.audit.trail.domain.IncomingEvent;
import dev.lanyard.audit.trail.domain.Position;
import dev.lanyard.audit.trail.domain.StoredEvent;
import dev.lanyard.audit.web.StreamProblems;
import dev.lanyard.audit.web.StreamSlots;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AuditEventControllerTest {

	private final FakeAuditTrail trail = new FakeAuditTrail();

	private final StreamSlots slots = new StreamSlots(1);

	private final MockMvc mvc = MockMvcBuilders
		.standaloneSetup(new AuditEventController(new FindEvents(this.trail), new LookUpToken(this.trail),
				new EventQueryParser(Set.of("TokenIssued")), this.slots))
		.setControllerAdvice(new StreamProblems(), new ProblemHandler())
		.setMessageConverters(new JacksonJsonHttpMessageConverter(JsonMapper.builder()))
		.build();

	@Test
	void exportWhenEverySlotTakenThenTooManyRequestsProblemAndAfterItEndsAnswered() throws Exception {
		StreamingResponseBody running = this.slots.stream((out) -> {
		});

		this.mvc.perform(get("/api/audit/export").param("format", "csv"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "10"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Too many long reads"));

		running.writeTo(new ByteArrayOutputStream());
		MvcResult started = this.mvc.perform(get("/api/audit/export").param("format", "csv"))
			.andExpect(request().asyncStarted())
			.andReturn();
		this.mvc.perform(asyncDispatch(started)).andExpect(status().isOk());
	}

	@Test
	void eventsWhenStoredThenNewestFirstWithEveryContractField() throws Exception {
		UUID older = UUID.randomUUID();
		UUID newer = UUID.randomUUID();
		this.trail.append(List.of(TestEvents.incoming(TestEvents.auditEvent(older, TestEvents.NOW), 0),
				TestEvents.incoming(TestEvents.auditEvent(newer, TestEvents.NOW.plusSeconds(1)), 1)));
		this.mvc.perform(get("/api/audit/events").param("limit", "1"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.events.length()").value(1))
			.andExpect(jsonPath("$.events[0].eventId").value(newer.toString()))
			.andExpect(jsonPath("$.events[0].eventType").value("TokenIssued"))
			.andExpect(jsonPath("$.events[0].occurredAt").value("2026-11-25T10:15:31.123Z"))
			.andExpect(jsonPath("$.events[0].recordedAt").value(TestEvents.NOW.toString()))
			.andExpect(jsonPath("$.events[0].correlationId").value("corr-1"))
			.andExpect(jsonPath("$.events[0].producer").value("token-broker"))
			.andExpect(jsonPath("$.events[0].actorId").value(nullValue()))
			.andExpect(jsonPath("$.events[0].subjectId").value("content-42"))
			.andExpect(jsonPath("$.events[0].subjectType").value("content"))
			.andExpect(jsonPath("$.events[0].contentId").value("content-42"))
			.andExpect(jsonPath("$.events[0].integrationId").value(nullValue()))
			.andExpect(jsonPath("$.events[0].tokenType").value("content-session"))
			.andExpect(jsonPath("$.events[0].tokenId").value("jti-1"))
			.andExpect(jsonPath("$.events[0].tokenSha256").value("a".repeat(64)))
			.andExpect(jsonPath("$.events[0].grantType").value("client_credentials"))
			.andExpect(jsonPath("$.events[0].scopes[0]").value("read"))
			.andExpect(jsonPath("$.events[0].audience[0]").value("content-42"))
			.andExpect(jsonPath("$.events[0].expiresAt").value("2026-11-25T10:15:31.123Z"))
			.andExpect(jsonPath("$.nextCursor")
				.value(CursorCodec.encode(TestEvents.auditEvent(newer, TestEvents.NOW.plusSeconds(1)).position())));
	}

	@Test
	void eventsWhenLastPageThenNextCursorNull() throws Exception {
		this.mvc.perform(get("/api/audit/events"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events.length()").value(0))
			.andExpect(jsonPath("$.nextCursor").value(nullValue()));
	}

	@Test
	void eventsWhenFromMalformedThenBadRequestProblemNamingFrom() throws Exception {
		this.mvc.perform(get("/api/audit/events").param("from", "yesterday"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.title").value("Invalid query parameter"))
			.andExpect(jsonPath("$.parameter").value("from"))
			.andExpect(jsonPath("$.detail").value("from must be an ISO-8601 instant such as 2026-11-25T10:15:30Z"))
			.andExpect(jsonPath("$.instance").value("/api/audit/events"));
	}

	@Test
	void eventsWhenStoreDownThenServiceUnavailableProblem() throws Exception {
		AuditTrail down = new AuditTrail() {

			@Override
			public void append(List<IncomingEvent> events) {
				throw new TrailUnavailableException("down", null);
			}

			@Override
			public List<StoredEvent> find(EventFilter filter, Position after, int limit) {
				throw new TrailUnavailableException("down", null);
			}

			@Override
			public long stream(EventFilter filter, Consumer<StoredEvent> sink) {
				throw new TrailUnavailableException("down", null);
			}

		};
		MockMvc mvc = MockMvcBuilders
			.standaloneSetup(new AuditEventController(new FindEvents(down), new LookUpToken(down),
					new EventQueryParser(Set.of("T")), new StreamSlots(1)))
			.setControllerAdvice(new ProblemHandler())
			.setMessageConverters(new JacksonJsonHttpMessageConverter(JsonMapper.builder()))
			.build();
		mvc.perform(get("/api/audit/events"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Audit store unavailable"))
			.andExpect(jsonPath("$.detail").value("The audit store is unavailable; try again shortly"));
	}

	@Test
	void eventsWhenPostedThenMethodNotAllowedProblem() throws Exception {
		this.mvc.perform(post("/api/audit/events"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void lookUpWhenTokenPostedThenItsSha256WithoutTheValue() throws Exception {
		this.mvc
			.perform(post("/api/audit/lookup").contentType(MediaType.APPLICATION_JSON).content("{\"token\":\"abc\"}"))
			.andExpect(status().isOk())
			.andExpect(
					jsonPath("$.tokenSha256").value("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
			.andExpect(jsonPath("$.events.length()").value(0));
	}

	@Test
	void lookUpWhenTokenMissingThenBadRequestProblemNamingToken() throws Exception {
		this.mvc.perform(post("/api/audit/lookup").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.parameter").value("token"));
	}

	@Test
	void exportWhenFormatUnknownThenBadRequestProblemNamingFormat() throws Exception {
		this.mvc.perform(get("/api/audit/export").param("format", "xml"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.parameter").value("format"));
	}

	@Test
	void exportWhenCsvThenAttachmentWithHeaderAndOneRecordPerEvent() throws Exception {
		this.trail.append(List.of(TestEvents.incoming(TestEvents.auditEvent(UUID.randomUUID(), TestEvents.NOW), 0),
				TestEvents.incoming(TestEvents.auditEvent(UUID.randomUUID(), TestEvents.NOW), 1)));
		MvcResult started = this.mvc.perform(get("/api/audit/export").param("format", "csv"))
			.andExpect(request().asyncStarted())
			.andReturn();
		String body = this.mvc.perform(asyncDispatch(started))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"audit-events.csv\""))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body.split("\r\n")).hasSize(3);
	}

}
