package io.agenttracing.internal.trace;

import io.agenttracing.TraceData;

/**
 * A finished trace, or a fragment of one, waiting to be exported. The snapshot is taken
 * on the export thread, so the traced thread does no copying.
 */
public interface PendingExport {

	String traceId();

	/** An immutable snapshot to hand to exporters. */
	TraceData snapshot();

}
