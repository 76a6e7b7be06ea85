package io.agenttracing.internal.capture;

import io.agenttracing.internal.trace.CapturedText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Decides what must never leave the process: values under keys that name a secret, and
 * secret-looking text (bearer tokens, API keys, JWTs, passwords in query strings)
 * wherever it appears. Built-in keys and patterns always apply; a user's keys and
 * patterns add to them, and a built-in key is removed only by naming it explicitly.
 */
public final class SecretRedactor {

	/** What a hidden value is replaced by. */
	public static final String REDACTED = CapturedText.REDACTED;

	/**
	 * Key fragments that name a secret. A key matches when, ignoring case, {@code -},
	 * {@code _} and {@code .}, it equals or ends with one of them: {@code accessToken}
	 * matches {@code token}, {@code maxTokens} does not.
	 */
	public static final List<String> BUILT_IN_KEYS = List.of("password", "passwd", "secret", "token", "api-key",
			"apikey", "authorization", "credential", "credentials", "private-key", "secret-key", "cookie", "bearer",
			"session-token");

	private static final String SECRET_GROUP = "secret";

	/**
	 * Built-in patterns of secret-looking text. Where a pattern has a group named
	 * {@code secret}, only that group is hidden, so that what kind of secret it was stays
	 * readable ({@code Bearer [REDACTED]}). Each comes with literal hints, one of which
	 * the text must contain for the pattern to be tried, so that ordinary text costs a
	 * few {@code indexOf} calls.
	 */
	private static final List<MaskRule> BUILT_IN_RULES = List.of(
			new MaskRule(Pattern.compile("(?i)\\b(?:bearer|basic)\\s+(?<secret>[A-Za-z0-9._~+/=-]{6,})"), "Bearer",
					"bearer", "BEARER", "Basic", "basic", "BASIC"),
			new MaskRule(Pattern.compile("\\bsk-[A-Za-z0-9_-]{16,}"), "sk-"),
			new MaskRule(Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), "AKIA", "ASIA"),
			new MaskRule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"), "eyJ"),
			new MaskRule(Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{30,}"), "ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
			new MaskRule(Pattern.compile("\\b(?:AIza[0-9A-Za-z_-]{35}|xox[abprs]-[A-Za-z0-9-]{10,})"), "AIza", "xox"));

	/**
	 * Names of query parameters that hold credentials though they are not secret keys as
	 * such.
	 */
	private static final Set<String> PAIR_KEYS = Set.of("key", "sig", "signature", "pwd");

	private static final SecretRedactor DEFAULTS = new SecretRedactor(List.of(), List.of(), List.of());

	/** The built-in rules' hints, found in one pass over a text. */
	private static final TextHints HINTS = new TextHints(BUILT_IN_RULES.stream().map(MaskRule::hints).toList());

	private final List<String> keys;

	private final List<MaskRule> rules;

	/**
	 * Keys already decided, bounded so that keys made of user data cannot grow it without
	 * limit.
	 */
	private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();

	private static final int MAX_REMEMBERED_KEYS = 4096;

	private SecretRedactor(Collection<String> extraKeys, Collection<String> excludedKeys,
			Collection<String> extraPatterns) {
		Set<String> normalizedExcluded = new LinkedHashSet<>();
		excludedKeys.forEach((key) -> normalizedExcluded.add(normalize(key)));
		Set<String> all = new LinkedHashSet<>();
		for (String key : BUILT_IN_KEYS) {
			String normalized = normalize(key);
			if (!normalizedExcluded.contains(normalized)) {
				all.add(normalized);
			}
		}
		for (String key : extraKeys) {
			String normalized = normalize(key);
			if (!normalized.isEmpty()) {
				all.add(normalized);
			}
		}
		this.keys = List.copyOf(all);
		List<MaskRule> rules = new ArrayList<>(BUILT_IN_RULES);
		for (String pattern : extraPatterns) {
			rules.add(new MaskRule(Pattern.compile(pattern)));
		}
		this.rules = List.copyOf(rules);
	}

	/** The built-in keys and patterns only. */
	public static SecretRedactor defaults() {
		return DEFAULTS;
	}

	/**
	 * The built-in keys and patterns, plus the given ones.
	 * @param extraKeys key fragments added to {@link #BUILT_IN_KEYS}
	 * @param excludedKeys built-in key fragments not to treat as secrets
	 * @param extraPatterns regular expressions of secret text; a match is hidden whole,
	 * or only its group named {@code secret} if it has one
	 * @throws java.util.regex.PatternSyntaxException if a pattern is not a valid regular
	 * expression
	 */
	public static SecretRedactor of(Collection<String> extraKeys, Collection<String> excludedKeys,
			Collection<String> extraPatterns) {
		return new SecretRedactor(extraKeys, excludedKeys, extraPatterns);
	}

	/** The key fragments in force, normalised. */
	public List<String> keys() {
		return this.keys;
	}

	/** Whether a key (a parameter, field, map key or attribute name) names a secret. */
	public boolean isSecretKey(String key) {
		if (this.keys.isEmpty()) {
			return false;
		}
		// The same few keys (field names, parameter names) come back on every call.
		Boolean known = this.verdicts.get(key);
		if (known != null) {
			return known;
		}
		boolean secret = matches(key);
		if (this.verdicts.size() < MAX_REMEMBERED_KEYS) {
			this.verdicts.put(key, secret);
		}
		return secret;
	}

	private boolean matches(String key) {
		String normalized = normalize(key);
		for (String redact : this.keys) {
			if (normalized.endsWith(redact)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Text with every secret-looking part hidden: matches of the patterns, and the values
	 * of secret keys in JSON held as text ({@code {"api_key":"..."}}, as LLM tool-call
	 * arguments are).
	 */
	public String redactText(String text) {
		return redact(text, HINTS.scan(text));
	}

	/**
	 * Text as {@link #redactText} masks it, or {@code null} when the masked text holds a
	 * character that a JSON string escapes: ordinary text is then written between quotes
	 * as it is, having been read once.
	 */
	public @Nullable String redactPlainText(String text) {
		long found = HINTS.scan(text);
		String masked = redact(text, found);
		if (masked == text) {
			return ((found & TextHints.NEEDS_JSON_ESCAPE) == 0) ? masked : null;
		}
		return CapturedText.needsJsonEscape(masked) ? null : masked;
	}

	private String redact(String text, long found) {
		// One pass found what the text holds; a pattern whose hints are absent is not
		// tried. Ordinary text (prose, a question, an answer) is read once.
		String masked = text;
		if ((found & TextHints.QUOTE_AND_COLON) == TextHints.QUOTE_AND_COLON) {
			masked = JsonKeyRedaction.redact(masked, this);
		}
		if ((found & TextHints.EQUALS) != 0) {
			masked = redactPairs(masked);
		}
		for (int i = 0; i < this.rules.size(); i++) {
			MaskRule rule = this.rules.get(i);
			if (masked == text && i < BUILT_IN_RULES.size() && (found & (1L << i)) == 0) {
				continue;
			}
			masked = rule.apply(masked);
		}
		return masked;
	}

	/**
	 * Hides the values of {@code name=value} pairs (query strings, form bodies,
	 * connection strings) whose name is a secret key ({@code password=},
	 * {@code api_key=}, {@code access_token=}) or a credential parameter ({@code key=},
	 * {@code sig=}). Scans from each {@code =}, without a regular expression, since prose
	 * and code are full of them.
	 */
	private String redactPairs(String text) {
		StringBuilder out = null;
		int copied = 0;
		for (int equals = text.indexOf('='); equals >= 0; equals = text.indexOf('=', equals + 1)) {
			int start = equals;
			while (start > 0 && isNameChar(text.charAt(start - 1))) {
				start--;
			}
			int end = equals + 1;
			while (end < text.length() && !isValueEnd(text.charAt(end))) {
				end++;
			}
			if (start == equals || end == equals + 1) {
				continue;
			}
			String name = text.substring(start, equals);
			if (!isSecretKey(name) && !PAIR_KEYS.contains(name.toLowerCase(Locale.ROOT))) {
				continue;
			}
			if (out == null) {
				out = new StringBuilder(text.length());
			}
			out.append(text, copied, equals + 1).append(REDACTED);
			copied = end;
			equals = end - 1;
		}
		return (out != null) ? out.append(text, copied, text.length()).toString() : text;
	}

	private static boolean isNameChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
	}

	private static boolean isValueEnd(char c) {
		return c == '&' || c == '"' || c == '\'' || c == '#' || c == ',' || c == ';' || Character.isWhitespace(c);
	}

	static String normalize(String key) {
		StringBuilder normalized = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c != '-' && c != '_' && c != '.' && c != ' ') {
				normalized.append(Character.toLowerCase(c));
			}
		}
		return normalized.toString();
	}

	/**
	 * One pattern of secret text, tried only when the text holds one of its hints (if it
	 * has any).
	 */
	private record MaskRule(Pattern pattern, String... hints) {

		String apply(String text) {
			if (!mayMatch(text)) {
				return text;
			}
			Matcher matcher = this.pattern.matcher(text);
			if (!matcher.find()) {
				return text;
			}
			boolean hasGroup = this.pattern.pattern().contains("?<" + SECRET_GROUP + ">");
			StringBuilder out = new StringBuilder(text.length());
			int last = 0;
			do {
				int start = hasGroup && matcher.start(SECRET_GROUP) >= 0 ? matcher.start(SECRET_GROUP)
						: matcher.start();
				int end = hasGroup && matcher.end(SECRET_GROUP) >= 0 ? matcher.end(SECRET_GROUP) : matcher.end();
				out.append(text, last, start).append(REDACTED);
				last = end;
			}
			while (matcher.find());
			return out.append(text, last, text.length()).toString();
		}

		private boolean mayMatch(String text) {
			if (this.hints.length == 0) {
				return true;
			}
			for (String hint : this.hints) {
				if (text.contains(hint)) {
					return true;
				}
			}
			return false;
		}

	}

}
