package dev.lanyard.integrations.templates.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An endpoint URL with placeholders such as {@code {tenant}} or {@code {workspace}}, e.g.
 * {@code https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token}. A pattern that is
 * a single placeholder alone (the Custom template's {@code {tokenEndpoint}}) stands for
 * any URL the administrator gives.
 *
 * @param value the pattern
 */
public record EndpointPattern(String value) {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

	/** What a placeholder may stand for: a host name, a host label, a tenant id. */
	private static final String PARAMETER_VALUE = "[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?";

	private static final Pattern PARAMETER = Pattern.compile(PARAMETER_VALUE);

	public EndpointPattern {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("value cannot be blank");
		}
	}

	/** Whether the pattern stands for any URL. */
	public boolean isFreeForm() {
		return PLACEHOLDER.matcher(this.value).matches();
	}

	/** Names of its placeholders, in order, none for a free-form pattern. */
	public List<String> placeholders() {
		if (isFreeForm()) {
			return List.of();
		}
		List<String> names = new ArrayList<>();
		Matcher matcher = PLACEHOLDER.matcher(this.value);
		while (matcher.find()) {
			if (!names.contains(matcher.group(1))) {
				names.add(matcher.group(1));
			}
		}
		return List.copyOf(names);
	}

	/** Whether the URL is this pattern with each placeholder filled in. */
	public boolean matches(String url) {
		if (url == null) {
			return false;
		}
		if (isFreeForm()) {
			return true;
		}
		StringBuilder regex = new StringBuilder();
		Matcher matcher = PLACEHOLDER.matcher(this.value);
		int last = 0;
		while (matcher.find()) {
			regex.append(Pattern.quote(this.value.substring(last, matcher.start()))).append(PARAMETER_VALUE);
			last = matcher.end();
		}
		regex.append(Pattern.quote(this.value.substring(last)));
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(url).matches();
	}

	/**
	 * The URL with the placeholders filled in from {@code parameters}; empty when the
	 * pattern is free-form or a parameter is missing or not a plain name.
	 */
	public Optional<String> expand(Map<String, String> parameters) {
		if (isFreeForm()) {
			return Optional.empty();
		}
		StringBuilder url = new StringBuilder();
		Matcher matcher = PLACEHOLDER.matcher(this.value);
		int last = 0;
		while (matcher.find()) {
			String parameter = (parameters != null) ? parameters.get(matcher.group(1)) : null;
			if (!isParameterValue(parameter)) {
				return Optional.empty();
			}
			url.append(this.value, last, matcher.start()).append(parameter);
			last = matcher.end();
		}
		return Optional.of(url.append(this.value.substring(last)).toString());
	}

	/** Whether a value may fill a placeholder (a host name, label or tenant id). */
	public static boolean isParameterValue(String value) {
		return value != null && PARAMETER.matcher(value).matches();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
