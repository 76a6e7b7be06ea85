package io.agenttracing.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when the exporter of this name is enabled:
 * {@code agent.tracing.exporters.<name>.enabled}, or, when the property is not set,
 * {@link #enabledByDefault()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnEnabledTraceExporterCondition.class)
public @interface ConditionalOnEnabledTraceExporter {

	/**
	 * The exporter's name, as in its properties: {@code memory}, {@code console},
	 * {@code otlp}...
	 */
	String value();

	/** Whether the exporter is on when its property is not set. */
	boolean enabledByDefault() default false;

}
