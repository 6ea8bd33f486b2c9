package dev.lanyard.provisioning.scim.domain;

/** A parsed SCIM filter (RFC 7644 §3.4.2.2). */
public sealed interface Filter {

	/** Comparison operators. */
	enum Operator {

		EQ, NE, CO, SW, EW, GT, GE, LT, LE

	}

	/**
	 * {@code path op value}.
	 *
	 * @param value a {@link String}, {@link Boolean}, {@link java.math.BigDecimal} or
	 * {@code null}
	 */
	record Compare(AttributePath path, Operator operator, Object value) implements Filter {

		@Override
		public String toString() {
			return this.path + " " + this.operator.name().toLowerCase(java.util.Locale.ROOT) + " "
					+ ((this.value instanceof String text) ? "\"" + text + "\"" : String.valueOf(this.value));
		}

	}

	/** {@code path pr}. */
	record Present(AttributePath path) implements Filter {

		@Override
		public String toString() {
			return this.path + " pr";
		}

	}

	/** {@code attribute[filter]} alone: some value of the attribute matches. */
	record Has(AttributePath path) implements Filter {

		@Override
		public String toString() {
			return this.path.toString();
		}

	}

	record And(Filter left, Filter right) implements Filter {

		@Override
		public String toString() {
			return "(" + this.left + " and " + this.right + ")";
		}

	}

	record Or(Filter left, Filter right) implements Filter {

		@Override
		public String toString() {
			return "(" + this.left + " or " + this.right + ")";
		}

	}

	record Not(Filter filter) implements Filter {

		@Override
		public String toString() {
			return "not (" + this.filter + ")";
		}

	}

}
