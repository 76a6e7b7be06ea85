package io.agenttracing.internal.export.jsonl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import io.agenttracing.TraceData;

import io.agenttracing.export.TraceExporter;
import org.jspecify.annotations.Nullable;

/**
 * Appends each trace as one line of JSON (the shape the actuator endpoint serves) to a
 * file. When the file would grow past its size limit it is rotated: {@code traces.jsonl}
 * becomes {@code traces.jsonl.1}, older files shift up, and the oldest beyond the limit
 * is deleted. Writes are serialised, so concurrent exports never interleave lines. A
 * fragment of a trace (spans that ended after it was written) is a line of its own with
 * the same trace id.
 */
public final class JsonLinesTraceExporter implements TraceExporter {

	/** The file traces go to, relative to the working directory. */
	public static final String DEFAULT_PATH = "traces.jsonl";

	/** Size at which the file is rotated. */
	public static final long DEFAULT_MAX_FILE_SIZE = 100L * 1024 * 1024;

	/** Rotated files kept. */
	public static final int DEFAULT_MAX_FILES = 5;

	private final Path path;

	private final long maxFileSize;

	private final int maxFiles;

	private @Nullable FileChannel channel;

	public JsonLinesTraceExporter(Path path, long maxFileSize, int maxFiles) {
		requireValid(maxFileSize, maxFiles);
		this.path = path.toAbsolutePath();
		this.maxFileSize = maxFileSize;
		this.maxFiles = maxFiles;
	}

	/** Checks the rotation settings; throws {@link IllegalArgumentException} if wrong. */
	public static void requireValid(long maxFileSize, int maxFiles) {
		if (maxFileSize <= 0) {
			throw new IllegalArgumentException("maxFileSize must be positive, got " + maxFileSize);
		}
		if (maxFiles <= 0) {
			throw new IllegalArgumentException("maxFiles must be positive, got " + maxFiles);
		}
	}

	@Override
	public synchronized void export(TraceData trace) {
		byte[] line = (trace.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
		try {
			FileChannel file = open();
			if (file.size() > 0 && file.size() + line.length > this.maxFileSize) {
				rotate();
				file = open();
			}
			ByteBuffer buffer = ByteBuffer.wrap(line);
			while (buffer.hasRemaining()) {
				file.write(buffer);
			}
		}
		catch (IOException ex) {
			closeQuietly();
			throw new UncheckedIOException("Could not append trace " + trace.traceId() + " to " + this.path, ex);
		}
	}

	private FileChannel open() throws IOException {
		if (this.channel == null) {
			Path parent = this.path.getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			this.channel = FileChannel.open(this.path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND);
		}
		return this.channel;
	}

	private void rotate() throws IOException {
		closeQuietly();
		Files.deleteIfExists(rotated(this.maxFiles));
		for (int i = this.maxFiles - 1; i >= 1; i--) {
			if (Files.exists(rotated(i))) {
				Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		Files.move(this.path, rotated(1), StandardCopyOption.REPLACE_EXISTING);
	}

	private Path rotated(int index) {
		return this.path.resolveSibling(this.path.getFileName() + "." + index);
	}

	@Override
	public synchronized void flush() {
		try {
			if (this.channel != null) {
				this.channel.force(false);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public synchronized void shutdown() {
		closeQuietly();
	}

	private void closeQuietly() {
		if (this.channel != null) {
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				// Nothing more can be done with a channel that fails to close.
			}
			this.channel = null;
		}
	}

	@Override
	public String name() {
		return "jsonl";
	}

}
