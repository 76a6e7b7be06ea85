package io.agenttracing.internal.export;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Helpers for exporters whose batch form is the real one. */
public final class ExportResults {

	private ExportResults() {
	}

	/**
	 * Waits for a batch export and rethrows its failure as it was raised, for a
	 * single-trace {@link TraceExporter#export(io.agenttracing.TraceData)} that delegates
	 * to the batch form.
	 */
	public static void await(CompletionStage<Void> export) {
		try {
			export.toCompletableFuture().join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException failure) ? failure : ex;
		}
	}

}
