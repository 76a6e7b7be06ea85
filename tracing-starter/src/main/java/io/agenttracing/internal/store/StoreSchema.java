package io.agenttracing.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The trace store's tables: created from the versioned script for the database
 * (PostgreSQL or H2, {@code classpath:io/agenttracing/store/schema-<platform>.sql},
 * {@code %PREFIX%} replaced by the table prefix) when {@code initialize-schema} allows,
 * checked against the version this release reads otherwise. A database that is down is
 * not an error here: the check runs again on the next use, so the application starts and
 * the store catches up once the database answers.
 */
public final class StoreSchema {

	/** The schema version this release reads and writes. */
	static final int VERSION = 1;

	private static final Log logger = LogFactory.getLog(StoreSchema.class);

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final String prefix;

	private final boolean mayCreate;

	private volatile boolean ready;

	/**
	 * @param dataSource the store's database
	 * @param prefix the table prefix
	 * @param mayCreate whether missing tables are created (the {@code initialize-schema}
	 * mode allows it for this database)
	 */
	public StoreSchema(DataSource dataSource, String prefix, boolean mayCreate) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.prefix = prefix;
		this.mayCreate = mayCreate;
	}

	String table() {
		return this.prefix + "TRACE";
	}

	String lockTable() {
		return this.prefix + "LOCK";
	}

	/**
	 * Checks the schema at startup: a wrong or missing schema fails startup naming the
	 * script to apply; a database that does not answer is logged and checked again later.
	 */
	public void checkAtStartup() {
		try {
			ensureReady();
		}
		catch (DataAccessException ex) {
			logger.warn("The trace store's database does not answer at startup (" + ex.getMessage()
					+ "); traces are stored once it does");
		}
	}

	/**
	 * Makes sure the tables are there; throws what the database throws while it is down.
	 */
	void ensureReady() {
		if (this.ready) {
			return;
		}
		synchronized (this) {
			if (this.ready) {
				return;
			}
			Integer version = version();
			if (version == null) {
				create();
				version = version();
			}
			if (version == null || version != VERSION) {
				throw new IllegalStateException("The trace store's tables " + table() + " are at schema version "
						+ version + ", this release needs version " + VERSION + ": apply " + script()
						+ " (with %PREFIX% replaced by " + this.prefix + ")");
			}
			this.ready = true;
		}
	}

	private Integer version() {
		try {
			return this.jdbc.queryForObject("SELECT MAX(VERSION) FROM " + this.prefix + "SCHEMA", Integer.class);
		}
		catch (org.springframework.jdbc.BadSqlGrammarException ex) {
			// The table is not there.
			return null;
		}
	}

	private void create() {
		if (!this.mayCreate) {
			throw new IllegalStateException("The trace store's tables " + table() + " do not exist: apply " + script()
					+ " (with %PREFIX% replaced by " + this.prefix
					+ "), or set agent.tracing.store.jdbc.initialize-schema=always");
		}
		String sql = new String(readScript(), java.nio.charset.StandardCharsets.UTF_8).replace("%PREFIX%", this.prefix);
		try {
			new ResourceDatabasePopulator(new ByteArrayResource(sql.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.execute(this.dataSource);
			logger.info("Created the trace store's tables " + table() + " (schema version " + VERSION + ")");
		}
		catch (DataAccessException ex) {
			// Another instance may have created them meanwhile: the version check says.
			if (version() == null) {
				throw ex;
			}
		}
	}

	private byte[] readScript() {
		try {
			return new ClassPathResource(scriptPath()).getContentAsByteArray();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Cannot read " + script(), ex);
		}
	}

	private String script() {
		return "classpath:" + scriptPath();
	}

	private String scriptPath() {
		return "io/agenttracing/store/schema-" + platform() + ".sql";
	}

	private String platform() {
		try (Connection connection = this.dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			if (product.contains("h2")) {
				return "h2";
			}
			if (product.contains("postgres")) {
				return "postgresql";
			}
			throw new IllegalStateException("The trace store supports PostgreSQL and H2, not " + product);
		}
		catch (SQLException ex) {
			throw new org.springframework.dao.DataAccessResourceFailureException(ex.getMessage(), ex);
		}
	}

}
