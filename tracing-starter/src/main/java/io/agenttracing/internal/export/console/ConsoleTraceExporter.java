package io.agenttracing.internal.export.console;

import java.io.PrintStream;
import java.util.Locale;

import io.agenttracing.SpanData;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;

import io.agenttracing.export.TraceExporter;

/**
 * Prints each trace, either as a readable tree with durations, status and a timeline bar
 * per span, or as one line of JSON (the shape the actuator endpoint serves).
 */
public final class ConsoleTraceExporter implements TraceExporter {

	/** How traces are printed. */
	public enum Format {

		/** An indented tree with a timeline bar per span. */
		TREE,

		/** One line of JSON per trace. */
		JSON

	}

	static final int BAR_WIDTH = 30;

	private final PrintStream out;

	private final Format format;

	public ConsoleTraceExporter(PrintStream out, Format format) {
		this.out = out;
		this.format = format;
	}

	@Override
	public void export(TraceData trace) {
		String text = (this.format == Format.JSON) ? trace.toJson() : tree(trace);
		synchronized (this.out) {
			this.out.println(text);
		}
	}

	@Override
	public void flush() {
		this.out.flush();
	}

	@Override
	public String name() {
		return "console";
	}

	/** The tree rendering of a trace. */
	static String tree(TraceData trace) {
		StringBuilder text = new StringBuilder();
		text.append(trace.fragment() ? "Trace fragment " : "Trace ").append(trace.traceId());
		text.append("  ").append(trace.name()).append("  ").append(trace.status());
		text.append("  ").append(millis(trace.durationNanos()));
		text.append("  ").append(trace.spanCount()).append(trace.spanCount() == 1 ? " span" : " spans");
		if (trace.sessionId() != null) {
			text.append("  session=").append(trace.sessionId());
		}
		if (trace.droppedSpans() > 0) {
			text.append("  dropped=")
				.append(trace.droppedSpans())
				.append(trace.droppedSpans() == 1 ? " span" : " spans");
		}
		if (trace.incomplete()) {
			text.append("  INCOMPLETE (root still running at max-trace-duration)");
		}
		text.append('\n');
		long traceStart = trace.startEpochNanos();
		for (SpanData root : trace.roots()) {
			appendSpan(text, trace, root, "", true, traceStart);
		}
		return text.toString().stripTrailing();
	}

	private static void appendSpan(StringBuilder text, TraceData trace, SpanData span, String indent, boolean last,
			long traceStart) {
		String label = indent + (last ? "└─ " : "├─ ") + span.name() + " [" + span.kind() + "]";
		text.append(pad(label, 56)).append(' ');
		text.append(pad(statusMark(span), 6)).append(' ');
		text.append(pad(span.isEnded() ? millis(span.durationNanos()) : "running", 11)).append(' ');
		text.append(bar(trace, span, traceStart));
		if (span.error() != null) {
			text.append("  ").append(span.error().type());
			if (span.error().message() != null) {
				text.append(": ").append(span.error().message());
			}
		}
		text.append('\n');
		var children = trace.childrenOf(span.spanId());
		for (int i = 0; i < children.size(); i++) {
			appendSpan(text, trace, children.get(i), indent + (last ? "   " : "│  "), i == children.size() - 1,
					traceStart);
		}
	}

	private static String statusMark(SpanData span) {
		return (span.status() == SpanStatus.ERROR) ? "ERROR" : (span.status() == SpanStatus.OK) ? "OK" : "-";
	}

	/** A bar that shows where in the trace's time the span ran. */
	static String bar(TraceData trace, SpanData span, long traceStartNanos) {
		long total = Math.max(1, trace.durationNanos());
		long start = span.startEpochNanos() - traceStartNanos;
		long duration = Math.max(0, span.durationNanos());
		int from = (int) Math.min(BAR_WIDTH - 1, Math.max(0, start * BAR_WIDTH / total));
		int to = (int) Math.min(BAR_WIDTH, Math.max(from + 1, (start + duration) * BAR_WIDTH / total));
		StringBuilder bar = new StringBuilder(BAR_WIDTH + 2).append('|');
		for (int i = 0; i < BAR_WIDTH; i++) {
			bar.append((i >= from && i < to) ? '█' : ' ');
		}
		return bar.append('|').toString();
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%.1f ms", nanos / 1_000_000.0);
	}

	private static String pad(String text, int width) {
		if (text.length() >= width) {
			return text;
		}
		return text + " ".repeat(width - text.length());
	}

}
