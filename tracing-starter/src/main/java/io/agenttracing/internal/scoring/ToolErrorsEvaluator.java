package io.agenttracing.internal.scoring;

import java.util.List;

import io.agenttracing.Score;
import io.agenttracing.SpanData;
import io.agenttracing.SpanKind;
import io.agenttracing.SpanStatus;
import io.agenttracing.TraceData;

/**
 * {@code tool_success}: whether every tool the agent called succeeded, with the failed
 * ones named in the comment. A trace that called no tool is not judged. The question a
 * team asks first of a bad answer: did a tool fail under it?
 */
public final class ToolErrorsEvaluator implements Score.Evaluator {

	public static final String SCORE = "tool_success";

	@Override
	public List<Score> evaluate(TraceData trace) {
		List<SpanData> tools = trace.spans().stream().filter((span) -> span.kind() == SpanKind.TOOL).toList();
		if (tools.isEmpty()) {
			return List.of();
		}
		List<String> failed = tools.stream()
			.filter((span) -> span.status() == SpanStatus.ERROR)
			.map((span) -> span.name()
					+ ((span.error() != null && span.error().message() != null) ? ": " + span.error().message() : ""))
			.toList();
		Score score = Score.bool(SCORE, failed.isEmpty());
		return List.of(failed.isEmpty() ? score.withComment(tools.size() + " tool calls, none failed") : score
			.withComment(failed.size() + " of " + tools.size() + " tool calls failed: " + String.join("; ", failed)));
	}

	@Override
	public String name() {
		return "tool-errors";
	}

}
