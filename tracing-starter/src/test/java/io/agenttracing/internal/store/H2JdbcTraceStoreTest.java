package io.agenttracing.internal.store;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/** The JDBC trace store on H2, the embedded database of development and tests. */
class H2JdbcTraceStoreTest extends JdbcTraceStoreContract {

	private static final JdbcDataSource h2 = new JdbcDataSource();

	static {
		h2.setURL("jdbc:h2:mem:traces;DB_CLOSE_DELAY=-1");
	}

	@Override
	DataSource dataSource() {
		return h2;
	}

}
