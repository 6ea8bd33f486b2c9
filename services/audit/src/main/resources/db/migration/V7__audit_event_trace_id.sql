-- The W3C trace id (32 lower-case hex digits) that reached the event through its Kafka
-- record's traceparent header: joins an audit record to the request's trace. Null for
-- events published without trace context (and for every event stored before V7).
ALTER TABLE audit_event ADD COLUMN trace_id text
	CHECK (trace_id IS NULL OR trace_id ~ '^[0-9a-f]{32}$');
