package io.agenttracing.export.otlp;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Silences the log lines the OpenTelemetry exporter writes itself on every failed request
 * (through java.util.logging). Failures are counted by the pipeline and logged by it at
 * most once a minute; the exporter's own lines would repeat that several times a minute
 * against a collector that is down.
 */
final class OpenTelemetryExporterLogging {

	/**
	 * Held, because java.util.logging keeps loggers only weakly and would forget the
	 * level.
	 */
	private static final List<Logger> SILENCED = List.of(Logger.getLogger("io.opentelemetry.exporter.internal"),
			Logger.getLogger("io.opentelemetry.exporter.sender"));

	private OpenTelemetryExporterLogging() {
	}

	static void silence() {
		for (Logger logger : SILENCED) {
			logger.setLevel(Level.OFF);
		}
	}

}
