package io.agenttracing.internal.capture;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.channels.Channel;
import java.nio.charset.Charset;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.Currency;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Spliterator;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.stream.BaseStream;

/**
 * What capture knows about types it must not read field by field: JDK classes (their
 * fields are encapsulated, and many are written as text), and one-shot types that reading
 * would consume or block.
 */
final class JdkTypes {

	private static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

	/**
	 * Containers whose iteration runs no user code and has no side effect. A collection
	 * of another library (a lazily loaded persistent collection, say) is read by its
	 * fields instead.
	 */
	private static final List<String> TRUSTED_CONTAINER_PACKAGES = List.of("java.", "org.springframework.util.",
			"org.springframework.core.", "com.google.common.collect.", "kotlin.collections.");

	/**
	 * Types that reading would consume, block on or hold open: never touched, at any
	 * depth.
	 */
	private static final List<Class<?>> ONE_SHOT = List.of(BaseStream.class, Iterator.class, Spliterator.class,
			Enumeration.class, DirectoryStream.class, InputStream.class, OutputStream.class, Reader.class, Writer.class,
			Channel.class, Future.class, CompletionStage.class, Thread.class, ClassLoader.class, AutoCloseable.class);

	private static final List<String> ONE_SHOT_PACKAGES = List.of("jakarta.servlet.", "javax.servlet.",
			"reactor.core.publisher.", "org.springframework.http.server.", "org.springframework.web.context.request.",
			"org.springframework.context.", "org.springframework.beans.factory.");

	/** JDK value types written as their text. */
	private static final List<Class<?>> TEXT_VALUES = List.of(TemporalAccessor.class, TemporalAmount.class, UUID.class,
			URI.class, URL.class, Path.class, File.class, Locale.class, Currency.class, Charset.class, ZoneId.class,
			InetAddress.class, InetSocketAddress.class, Number.class, Class.class);

	/** How capture treats a type, decided once per class. */
	enum Kind {

		/** A lambda or proxy: written as a placeholder. */
		GENERATED,
		/** Reading would consume or block it: a placeholder, never touched. */
		ONE_SHOT,
		/** HTTP headers: only allowed names. */
		HEADERS, ARRAY,
		/** A map whose iteration runs no user code. */
		TRUSTED_MAP,
		/** A collection whose iteration runs no user code. */
		TRUSTED_COLLECTION,
		/** Another JDK type: its text if it is a value type, else a placeholder. */
		JDK,
		/** A type of the application or a library: read through its fields. */
		OBJECT

	}

	private static final ClassValue<Kind> KINDS = new ClassValue<>() {

		@Override
		protected Kind computeValue(Class<?> type) {
			return classify(type);
		}

	};

	private JdkTypes() {
	}

	static Kind kind(Class<?> type) {
		return KINDS.get(type);
	}

	private static Kind classify(Class<?> type) {
		if (isGenerated(type)) {
			return Kind.GENERATED;
		}
		if (isOneShot(type)) {
			return Kind.ONE_SHOT;
		}
		String name = type.getName();
		if (name.equals("org.springframework.http.HttpHeaders")
				|| name.equals("org.springframework.http.ReadOnlyHttpHeaders")
				|| java.net.http.HttpHeaders.class.isAssignableFrom(type)) {
			return Kind.HEADERS;
		}
		if (type.isArray()) {
			return Kind.ARRAY;
		}
		if (isTrustedContainer(type)) {
			return Map.class.isAssignableFrom(type) ? Kind.TRUSTED_MAP : Kind.TRUSTED_COLLECTION;
		}
		return isJdk(type) ? Kind.JDK : Kind.OBJECT;
	}

	static boolean isJdk(Class<?> type) {
		return startsWithAny(type.getName(), JDK_PACKAGES);
	}

	static boolean isTrustedContainer(Class<?> type) {
		return (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type))
				&& startsWithAny(type.getName(), TRUSTED_CONTAINER_PACKAGES);
	}

	static boolean isTextValue(Class<?> type) {
		return isAny(type, TEXT_VALUES);
	}

	/**
	 * Whether reading a value of this type could consume or block it: streams, iterators,
	 * I/O, futures, servlet and reactive types, and any {@code Iterable} that is not a
	 * collection.
	 */
	static boolean isOneShot(Class<?> type) {
		if (isAny(type, ONE_SHOT)) {
			// A closeable collection or map is still just a container.
			return !(AutoCloseable.class.isAssignableFrom(type) && isTrustedContainer(type));
		}
		if (Iterable.class.isAssignableFrom(type) && !Collection.class.isAssignableFrom(type)) {
			return true;
		}
		if (startsWithAny(type.getName(), ONE_SHOT_PACKAGES)) {
			return true;
		}
		for (Class<?> itf : type.getInterfaces()) {
			String name = itf.getName();
			if (name.equals("org.reactivestreams.Publisher") || startsWithAny(name, ONE_SHOT_PACKAGES)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the type is generated: a lambda, a JDK proxy or a CGLIB proxy. */
	static boolean isGenerated(Class<?> type) {
		String name = type.getName();
		return type.isSynthetic() || name.contains("$$Lambda") || name.contains("$$SpringCGLIB$$")
				|| name.contains("$$EnhancerBy") || java.lang.reflect.Proxy.isProxyClass(type);
	}

	private static boolean isAny(Class<?> type, List<Class<?>> supertypes) {
		for (Class<?> supertype : supertypes) {
			if (supertype.isAssignableFrom(type)) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWithAny(String name, List<String> prefixes) {
		for (String prefix : prefixes) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
