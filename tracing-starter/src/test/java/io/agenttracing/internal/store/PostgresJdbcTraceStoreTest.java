package io.agenttracing.internal.store;

import java.io.IOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The JDBC trace store on a real PostgreSQL server, started by the test from the binaries
 * on Maven Central.
 */
class PostgresJdbcTraceStoreTest extends JdbcTraceStoreContract {

	private static EmbeddedPostgres postgres;

	@BeforeAll
	static void startPostgres() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		postgres.close();
	}

	@Override
	DataSource dataSource() {
		return postgres.getPostgresDatabase();
	}

}
