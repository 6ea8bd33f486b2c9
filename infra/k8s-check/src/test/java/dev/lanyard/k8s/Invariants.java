package dev.lanyard.k8s;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Every deployment rule infra/k8s keeps, as one list of violations (empty: all kept). */
final class Invariants {

	private Invariants() {
	}

	static List<String> check(List<ObjectNode> objects) {
		if (objects == null) {
			throw new IllegalArgumentException("objects cannot be null");
		}
		List<String> violations = new ArrayList<>();
		violations.addAll(WorkloadChecks.check(objects));
		violations.addAll(SecretChecks.check(objects));
		violations.addAll(NetworkChecks.check(objects));
		violations.addAll(ManagementChecks.check(objects));
		violations.addAll(KafkaChecks.check(objects));
		violations.addAll(RegistryChecks.check(objects));
		return violations;
	}

}
