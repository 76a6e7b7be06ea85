package io.agenttracing.internal.actuate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.HttpRequestHandler;

/**
 * Serves the trace viewer: one page and its script and style, read from the class path
 * once. The page reads the {@code traces} endpoint it sits under; it loads nothing from
 * any other host, and every response forbids anything else through its
 * Content-Security-Policy.
 */
public final class TraceViewer implements HttpRequestHandler {

	/** Allows the page's own script, style and calls, and nothing else. */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
			+ "style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
			+ "frame-ancestors 'none'";

	private static final Map<String, String> CONTENT_TYPES = Map.of("index.html", "text/html;charset=UTF-8",
			"viewer.js", "text/javascript;charset=UTF-8", "viewer.css", "text/css;charset=UTF-8");

	private final Map<String, byte[]> files;

	public TraceViewer() {
		this(false);
	}

	/**
	 * @param scoresWritable whether the endpoint takes scores, so the page offers to add
	 * them
	 */
	public TraceViewer(boolean scoresWritable) {
		byte[] page = read("index.html");
		if (scoresWritable) {
			page = new String(page, java.nio.charset.StandardCharsets.UTF_8)
				.replace("data-scores-writable=\"false\"", "data-scores-writable=\"true\"")
				.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}
		this.files = Map.of("index.html", page, "viewer.js", read("viewer.js"), "viewer.css", read("viewer.css"));
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getRequestURI();
		if (path.endsWith("/ui")) {
			response.sendRedirect(path + "/");
			return;
		}
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			response.setHeader("Allow", "GET, HEAD");
			response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
			return;
		}
		String name = fileName(path);
		byte[] body = (name != null) ? this.files.get(name) : null;
		if (name == null || body == null) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Cache-Control", "no-cache");
		response.setContentType(CONTENT_TYPES.get(name));
		response.setContentLength(body.length);
		if ("GET".equals(request.getMethod())) {
			response.getOutputStream().write(body);
		}
	}

	private static @Nullable String fileName(String path) {
		int slash = path.lastIndexOf('/');
		String name = path.substring(slash + 1);
		return name.isEmpty() ? "index.html" : (CONTENT_TYPES.containsKey(name) ? name : null);
	}

	private static byte[] read(String name) {
		try (InputStream in = TraceViewer.class.getResourceAsStream("viewer/" + name)) {
			if (in == null) {
				throw new IllegalStateException("Trace viewer file " + name + " is missing from the class path");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
