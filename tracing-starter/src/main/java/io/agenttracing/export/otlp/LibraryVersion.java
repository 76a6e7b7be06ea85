package io.agenttracing.export.otlp;

/** The version of this library, from its jar manifest. */
final class LibraryVersion {

	private static final String VERSION = find();

	private LibraryVersion() {
	}

	static String get() {
		return VERSION;
	}

	private static String find() {
		String version = LibraryVersion.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "development";
	}

}
