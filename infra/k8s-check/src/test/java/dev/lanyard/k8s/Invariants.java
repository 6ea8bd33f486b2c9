package dev.lanyard.k8s;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

final class Invariants {

	private Invariants() {
	}

	static List<String> check(List<ObjectNode> objects) {
		return new ArrayList<>();
	}

}
