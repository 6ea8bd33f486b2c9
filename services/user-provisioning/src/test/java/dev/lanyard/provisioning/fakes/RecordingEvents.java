package dev.lanyard.provisioning.fakes;

import java.util.ArrayList;
import java.util.List;

import dev.lanyard.provisioning.directory.application.EventPublisher;
import dev.lanyard.provisioning.directory.application.EventsUnavailableException;
import dev.lanyard.provisioning.directory.domain.ProvisioningEvent;

/** Keeps what was published; fails every publish while {@link #down()} is set. */
public final class RecordingEvents implements EventPublisher {

	private final List<ProvisioningEvent> published = new ArrayList<>();

	private boolean down;

	@Override
	public void publish(List<? extends ProvisioningEvent> events) {
		if (this.down) {
			throw new EventsUnavailableException("Kafka is down (test)", null);
		}
		this.published.addAll(events);
	}

	public void down(boolean down) {
		this.down = down;
	}

	public List<ProvisioningEvent> published() {
		return List.copyOf(this.published);
	}

	public <T extends ProvisioningEvent> List<T> published(Class<T> type) {
		return this.published.stream().filter(type::isInstance).map(type::cast).toList();
	}

	public void clear() {
		this.published.clear();
	}

}
