package dev.lanyard.audit.ledger.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MerkleTreeTest {

	private static final HexFormat HEX = HexFormat.of();

	/** The eight leaves of the certificate-transparency reference tests. */
	private static final String[] CT_LEAVES = { "", "00", "10", "2021", "3031", "40414243", "5051525354555657",
			"606162636465666768696a6b6c6d6e6f" };

	private static final String[] CT_ROOTS = { "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
			"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
			"aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
			"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
			"4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
			"76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
			"ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
			"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328" };

	@Test
	void rootWhenReferenceLeavesThenReferenceRoots() {
		List<byte[]> leaves = new ArrayList<>();
		for (String leaf : CT_LEAVES) {
			leaves.add(MerkleHashes.leaf(HEX.parseHex(leaf)));
		}
		MerkleTree tree = new MerkleTree(stored(leaves));
		for (int size = 1; size <= 8; size++) {
			assertThat(HEX.formatHex(tree.root(size))).as("size %d", size).isEqualTo(CT_ROOTS[size - 1]);
		}
	}

	@Test
	void rootWhenEmptyThenHashOfNothing() {
		assertThat(HEX.formatHex(new MerkleTree(stored(List.of())).root(0)))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void proofsWhenSizesUpTo33ThenEqualNaiveAndVerify() {
		List<byte[]> leaves = leaves(33);
		MerkleTree tree = new MerkleTree(stored(leaves));
		for (int n = 1; n <= 33; n++) {
			List<byte[]> prefix = leaves.subList(0, n);
			byte[] root = Naive.mth(prefix);
			assertThat(tree.root(n)).isEqualTo(root);
			for (int m = 0; m < n; m++) {
				List<byte[]> path = tree.inclusionProof(m, n);
				assertThat(path).usingElementComparator(MerkleTreeTest::compare)
					.containsExactlyElementsOf(Naive.path(m, prefix));
				assertThat(MerkleProofs.verifyInclusion(m, n, leaves.get(m), path, root)).isTrue();
				assertThat(MerkleProofs.verifyInclusion(m, n, leaves.get((m + 1) % n), path, root)).isEqualTo(n == 1);
			}
			for (int m = 0; m <= n; m++) {
				List<byte[]> proof = tree.consistencyProof(m, n);
				List<byte[]> naive = (m == 0 || m == n) ? List.of() : Naive.proof(m, prefix);
				assertThat(proof).usingElementComparator(MerkleTreeTest::compare).containsExactlyElementsOf(naive);
				byte[] firstRoot = Naive.mth(leaves.subList(0, m));
				assertThat(MerkleProofs.verifyConsistency(m, n, firstRoot, root, proof)).as("%d -> %d", m, n).isTrue();
				if (m > 0 && m < n) {
					assertThat(MerkleProofs.verifyConsistency(m, n, root, root, proof)).isFalse();
				}
			}
		}
	}

	@Test
	void rangeProofWhenAnyRangeThenRebuildsRoot() {
		List<byte[]> leaves = leaves(33);
		MerkleTree tree = new MerkleTree(stored(leaves));
		for (int n = 1; n <= 33; n++) {
			for (int from = 0; from <= n; from++) {
				for (int to = from; to <= n; to++) {
					List<byte[]> proof = tree.rangeProof(from, to, n);
					byte[] root = MerkleProofs.rangeRoot(from, to, n, proof.iterator(),
							leaves.subList(from, to).iterator());
					assertThat(root).as("[%d, %d) of %d", from, to, n).isEqualTo(tree.root(n));
				}
			}
		}
	}

	@Test
	void compactRangeWhenAppendedThenRootsAndNodesMatch() {
		List<byte[]> leaves = leaves(33);
		Map<String, byte[]> nodes = new HashMap<>();
		CompactRange range = CompactRange.empty();
		for (int i = 0; i < leaves.size(); i++) {
			nodes.put("0/" + i, leaves.get(i));
			for (CompactRange.Node node : range.append(leaves.get(i))) {
				nodes.put(node.level() + "/" + node.index(), node.hash());
			}
			assertThat(range.root()).isEqualTo(Naive.mth(leaves.subList(0, i + 1)));
			CompactRange reread = CompactRange.of(i + 1, (level, index) -> nodes.get(level + "/" + index));
			assertThat(reread.root()).isEqualTo(range.root());
		}
		assertThat(new MerkleTree((level, index) -> nodes.get(level + "/" + index)).root(33))
			.isEqualTo(Naive.mth(leaves));
	}

	@Test
	void inclusionProofWhenIndexOutsideTreeThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MerkleTree(stored(leaves(2))).inclusionProof(2, 2))
			.withMessage("index must lie in [0, size)");
	}

	@Test
	void constructorWhenNodesNullThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MerkleTree(null)).withMessage("nodes cannot be null");
	}

	static List<byte[]> leaves(int count) {
		List<byte[]> leaves = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			leaves.add(MerkleHashes.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
		}
		return leaves;
	}

	/** Complete subtrees computed naively from the leaves. */
	static NodeSource stored(List<byte[]> leaves) {
		return (level, index) -> {
			int width = 1 << level;
			return Naive.mth(leaves.subList((int) index * width, (int) (index + 1) * width));
		};
	}

	private static int compare(byte[] a, byte[] b) {
		return java.util.Arrays.compare(a, b);
	}

	/** RFC 9162 §2.1 written as literally as possible over lists. */
	static final class Naive {

		static byte[] mth(List<byte[]> d) {
			if (d.isEmpty()) {
				return MerkleHashes.EMPTY_ROOT;
			}
			if (d.size() == 1) {
				return d.get(0);
			}
			int k = Integer.highestOneBit(d.size() - 1);
			return MerkleHashes.node(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
		}

		static List<byte[]> path(int m, List<byte[]> d) {
			List<byte[]> path = new ArrayList<>();
			if (d.size() <= 1) {
				return path;
			}
			int k = Integer.highestOneBit(d.size() - 1);
			if (m < k) {
				path.addAll(path(m, d.subList(0, k)));
				path.add(mth(d.subList(k, d.size())));
			}
			else {
				path.addAll(path(m - k, d.subList(k, d.size())));
				path.add(mth(d.subList(0, k)));
			}
			return path;
		}

		static List<byte[]> proof(int m, List<byte[]> d) {
			return subproof(m, d, true);
		}

		private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
			List<byte[]> proof = new ArrayList<>();
			int n = d.size();
			if (m == n) {
				if (!b) {
					proof.add(mth(d));
				}
				return proof;
			}
			int k = Integer.highestOneBit(n - 1);
			if (m <= k) {
				proof.addAll(subproof(m, d.subList(0, k), b));
				proof.add(mth(d.subList(k, n)));
			}
			else {
				proof.addAll(subproof(m - k, d.subList(k, n), false));
				proof.add(mth(d.subList(0, k)));
			}
			return proof;
		}

	}

}
