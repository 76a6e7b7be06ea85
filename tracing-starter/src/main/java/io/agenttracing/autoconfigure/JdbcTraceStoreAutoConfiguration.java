package io.agenttracing.autoconfigure;

import javax.sql.DataSource;

import io.agenttracing.internal.store.JdbcTraceStore;
import io.agenttracing.internal.store.StoreRetention;
import io.agenttracing.internal.store.StoreSchema;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * The JDBC trace store, with {@code agent.tracing.store=jdbc}: finished traces in the
 * application's database (or the {@code DataSource} bean named
 * {@value #TRACE_STORE_DATA_SOURCE}), which the endpoint and viewer read, shared by every
 * instance writing to it.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		beforeName = "io.agenttracing.autoconfigure.TracesEndpointAutoConfiguration")
@ConditionalOnClass({ JdbcTemplate.class, EmbeddedDatabaseConnection.class })
@ConditionalOnProperty(name = "agent.tracing.store", havingValue = "jdbc")
@EnableConfigurationProperties(TracingProperties.JdbcStore.class)
final class JdbcTraceStoreAutoConfiguration {

	/**
	 * The name of a {@code DataSource} bean the store uses instead of the application's.
	 */
	static final String TRACE_STORE_DATA_SOURCE = "traceStoreDataSource";

	@Bean
	@ConditionalOnMissingBean
	StoreSchema agentTracingStoreSchema(@Qualifier(TRACE_STORE_DATA_SOURCE) ObjectProvider<DataSource> dedicated,
			ObjectProvider<DataSource> any, TracingProperties.JdbcStore properties) {
		DataSource dataSource = dataSource(dedicated, any);
		if (!StringUtils.hasText(properties.getTablePrefix())
				|| !properties.getTablePrefix().matches("[A-Za-z_][A-Za-z0-9_]*")) {
			throw new IllegalStateException("agent.tracing.store.jdbc.table-prefix must be letters, digits and "
					+ "underscores, starting with a letter or underscore; got '" + properties.getTablePrefix() + "'");
		}
		TracingProperties.JdbcStore.InitializeSchema initialize = properties.getInitializeSchema();
		boolean mayCreate = initialize == TracingProperties.JdbcStore.InitializeSchema.ALWAYS
				|| (initialize == TracingProperties.JdbcStore.InitializeSchema.EMBEDDED
						&& EmbeddedDatabaseConnection.isEmbedded(dataSource));
		StoreSchema schema = new StoreSchema(dataSource, properties.getTablePrefix(), mayCreate);
		schema.checkAtStartup();
		return schema;
	}

	@Bean
	@ConditionalOnMissingBean
	JdbcTraceStore agentTracingJdbcStore(StoreSchema schema,
			@Qualifier(TRACE_STORE_DATA_SOURCE) ObjectProvider<DataSource> dedicated, ObjectProvider<DataSource> any,
			TracingProperties tracing) {
		DataSource dataSource = dataSource(dedicated, any);
		return new JdbcTraceStore(new JdbcTemplate(dataSource),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)), schema,
				tracing.getLimits().getMaxSpansPerTrace());
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	StoreRetention agentTracingStoreRetention(StoreSchema schema,
			@Qualifier(TRACE_STORE_DATA_SOURCE) ObjectProvider<DataSource> dedicated, ObjectProvider<DataSource> any,
			TracingProperties.JdbcStore properties) {
		StoreRetention retention = new StoreRetention(new JdbcTemplate(dataSource(dedicated, any)), schema,
				properties.getRetention(), properties.getMaxTraces(), properties.getRetentionInterval());
		retention.start();
		return retention;
	}

	private static DataSource dataSource(ObjectProvider<DataSource> dedicated, ObjectProvider<DataSource> any) {
		DataSource chosen = dedicated.getIfAvailable();
		if (chosen == null) {
			chosen = any.getIfUnique();
		}
		if (chosen == null) {
			throw new IllegalStateException("agent.tracing.store=jdbc needs a DataSource: configure "
					+ "spring.datasource.url, or name one traceStoreDataSource when there are several");
		}
		return chosen;
	}

}
