package dev.lanyard.provisioning.scim.domain;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.lanyard.provisioning.scim.domain.PatchRequestTest.assertScimType;
import static dev.lanyard.provisioning.scim.domain.PatchRequestTest.body;
import static dev.lanyard.provisioning.scim.domain.PatchRequestTest.op;
import static org.assertj.core.api.Assertions.assertThat;

class GroupChangesTest {

	private static final String ID = "2819c223-7f76-453a-919d-413861904646";

	@Test
	void fromPatchWhenOktaAddsMembersThenAdd() {
		GroupChanges changes = GroupChanges.fromPatch(PatchRequest.parse(
				body(op("add", "members", List.of(Map.of("value", "u1", "display", "a"), Map.of("value", "u2"))))), ID);
		assertThat(changes.add()).containsExactlyInAnyOrder("u1", "u2");
		assertThat(changes.replaceMembers()).isNull();
	}

	@Test
	void fromPatchWhenEntraDefaultRemovesByValueListThenRemove() {
		GroupChanges changes = GroupChanges
			.fromPatch(PatchRequest.parse(body(op("Remove", "members", List.of(Map.of("value", "u1"))))), ID);
		assertThat(changes.remove()).containsExactly("u1");
	}

	@Test
	void fromPatchWhenRemoveByValueFilterThenRemove() {
		GroupChanges changes = GroupChanges
			.fromPatch(PatchRequest.parse(body(op("remove", "members[value eq \"u1\"]", null))), ID);
		assertThat(changes.remove()).containsExactly("u1");
	}

	@Test
	void fromPatchWhenRemoveWithoutValueThenEveryMemberGoes() {
		GroupChanges changes = GroupChanges.fromPatch(PatchRequest.parse(body(op("remove", "members", null))), ID);
		assertThat(changes.replaceMembers()).isEmpty();
	}

	@Test
	void fromPatchWhenReplaceMembersThenWholeList() {
		GroupChanges changes = GroupChanges
			.fromPatch(PatchRequest.parse(body(op("replace", "members", List.of(Map.of("value", "u3"))))), ID);
		assertThat(changes.replaceMembers()).containsExactly("u3");
	}

	@Test
	void fromPatchWhenEntraNewStyleRenameWithIdThenRenamed() {
		GroupChanges changes = GroupChanges
			.fromPatch(PatchRequest.parse(body(op("replace", null, Map.of("id", ID, "displayName", "Renamed")))), ID);
		assertThat(changes.displayName()).isEqualTo("Renamed");
	}

	@Test
	void fromPatchWhenOtherIdThenMutability() {
		assertScimType(
				() -> GroupChanges.fromPatch(
						PatchRequest.parse(body(op("replace", null, Map.of("id", "other", "displayName", "x")))), ID),
				"mutability");
	}

	@Test
	void fromPatchWhenTooManyMembersThenTooMany() {
		List<Map<String, String>> members = java.util.stream.IntStream.rangeClosed(0, GroupChanges.MAX_MEMBERS)
			.mapToObj((i) -> Map.of("value", "u" + i))
			.toList();
		assertScimType(() -> GroupChanges.fromPatch(PatchRequest.parse(body(op("add", "members", members))), ID),
				"tooMany");
	}

	@Test
	void fromPatchWhenMemberFilterNotByValueThenInvalidFilter() {
		assertScimType(() -> GroupChanges
			.fromPatch(PatchRequest.parse(body(op("remove", "members[display eq \"x\"]", null))), ID), "invalidFilter");
	}

	@Test
	void fromResourceWhenNoDisplayNameThenInvalidValue() {
		assertScimType(() -> GroupChanges.fromResource(Map.of("externalId", "x"), null), "invalidValue");
	}

	@Test
	void fromResourceWhenUnknownAttributeThenInvalidPath() {
		assertScimType(() -> GroupChanges.fromResource(Map.of("displayName", "x", "colour", "red"), null),
				"invalidPath");
	}

}
