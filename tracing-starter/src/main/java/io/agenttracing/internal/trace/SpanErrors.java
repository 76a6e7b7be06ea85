package io.agenttracing.internal.trace;

import io.agenttracing.SpanError;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.jspecify.annotations.Nullable;

/**
 * How a failure is recorded on a span: the real cause (not the wrapper a proxy or a
 * future put around it), its type, its message masked and bounded, and a stack trace cut
 * to the frame limit. Rendering never throws, whatever the exception's own methods do.
 */
final class SpanErrors {

	private SpanErrors() {
	}

	/** The recorded error, and whether its message was cut. */
	record Rendered(SpanError error, boolean messageCut) {
	}

	static Rendered render(Throwable error, SpanSettings settings) {
		Throwable cause = unwrap(error);
		String type = cause.getClass().getName();
		String rawMessage = safeMessage(cause);
		String message = (rawMessage != null) ? settings.text(rawMessage, settings.maxValueLength()) : null;
		String stackTrace = settings.text(boundedStackTrace(cause, settings.maxStackFrames()),
				settings.maxValueLength());
		return new Rendered(new SpanError(type, message, stackTrace),
				rawMessage != null && rawMessage.length() > settings.maxValueLength());
	}

	private static @Nullable String safeMessage(Throwable error) {
		try {
			return error.getMessage();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	static Throwable unwrap(Throwable error) {
		Throwable current = error;
		for (int depth = 0; depth < 8; depth++) {
			Throwable cause = null;
			if (current instanceof CompletionException || current instanceof ExecutionException) {
				cause = current.getCause();
			}
			else if (current instanceof InvocationTargetException ite) {
				cause = ite.getTargetException();
			}
			else if (current instanceof UndeclaredThrowableException ute) {
				cause = ute.getUndeclaredThrowable();
			}
			if (cause == null) {
				return current;
			}
			current = cause;
		}
		return current;
	}

	static String boundedStackTrace(Throwable error, int maxFrames) {
		StringWriter out = new StringWriter();
		try {
			appendTrace(error, maxFrames, new PrintWriter(out), 0);
		}
		catch (RuntimeException ex) {
			// toString() of a user exception may throw; the type alone still helps.
			return error.getClass().getName();
		}
		return out.toString();
	}

	private static void appendTrace(Throwable error, int maxFrames, PrintWriter out, int depth) {
		out.print((depth == 0) ? "" : "Caused by: ");
		out.println(error);
		StackTraceElement[] frames = error.getStackTrace();
		int shown = Math.min(frames.length, maxFrames);
		for (int i = 0; i < shown; i++) {
			out.print("\tat ");
			out.println(frames[i]);
		}
		if (frames.length > shown) {
			out.println("\t... " + (frames.length - shown) + " more");
		}
		Throwable cause = error.getCause();
		if (cause != null && cause != error && depth < 4) {
			appendTrace(cause, Math.max(3, maxFrames / 4), out, depth + 1);
		}
		out.flush();
	}

}
