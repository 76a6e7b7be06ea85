package io.agenttracing.store;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the {@code DataSource} the JDBC trace store ({@code agent.tracing.store=jdbc})
 * writes to, when it should not be the application's own: <pre>{@code
 * &#64;Bean
 *

&#64;TraceStoreDataSource
 * DataSource tracesDataSource() { ... }
 * }</pre>
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface TraceStoreDataSource {

}
