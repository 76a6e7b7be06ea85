package io.agenttracing.sample.web;

import io.agenttracing.Score;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Thumbs up or down on an answer, as a chat UI sends them after the answer was shown: a
 * {@code helpful} score from the user, on the answer's trace.
 */
@RestController
@RequestMapping("/api/agent")
public class FeedbackController {

	private final Score.Recorder scores;

	public FeedbackController(Score.Recorder scores) {
		this.scores = scores;
	}

	@PostMapping("/feedback")
	public ResponseEntity<FeedbackResponse> feedback(@RequestBody FeedbackRequest request) {
		if (request == null || request.traceId() == null || request.helpful() == null) {
			return ResponseEntity.badRequest()
				.body(new FeedbackResponse("REFUSED", "Feedback needs a traceId and helpful: true or false"));
		}
		Score score = Score.bool("helpful", request.helpful())
			.withSource(Score.USER_FEEDBACK)
			.withComment(request.comment());
		Score.Recorder.Result result = this.scores.add(request.traceId(), null, score);
		HttpStatus status = switch (result.outcome()) {
			case ADDED, EXPORTED -> HttpStatus.OK;
			case UNKNOWN_TRACE -> HttpStatus.NOT_FOUND;
			case REFUSED -> HttpStatus.BAD_REQUEST;
		};
		return ResponseEntity.status(status).body(new FeedbackResponse(result.outcome().name(), result.message()));
	}

	/** Whether the answer of a trace helped, and why not. */
	public record FeedbackRequest(String traceId, Boolean helpful, String comment) {
	}

	public record FeedbackResponse(String outcome, String message) {
	}

}
