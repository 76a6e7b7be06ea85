package io.agenttracing.export;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.agenttracing.TraceData;
import io.agenttracing.internal.export.console.ConsoleTraceExporter;

/**
 * Renders a trace through the console exporter's tree format, as a user's console shows
 * it.
 */
final class ConsoleTraceExporterAccess {

	private ConsoleTraceExporterAccess() {
	}

	static String tree(TraceData trace) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new ConsoleTraceExporter(new PrintStream(out, true, StandardCharsets.UTF_8), ConsoleTraceExporter.Format.TREE)
			.export(trace);
		return out.toString(StandardCharsets.UTF_8);
	}

}
