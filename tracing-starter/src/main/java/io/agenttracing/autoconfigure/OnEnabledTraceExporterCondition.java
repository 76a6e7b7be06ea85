package io.agenttracing.autoconfigure;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The condition of {@link ConditionalOnEnabledTraceExporter}. */
class OnEnabledTraceExporterCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, @Nullable Object> attributes = metadata
			.getAnnotationAttributes(ConditionalOnEnabledTraceExporter.class.getName());
		if (attributes == null) {
			return ConditionOutcome.noMatch("no @ConditionalOnEnabledTraceExporter");
		}
		String name = String.valueOf(attributes.get("value"));
		boolean byDefault = Boolean.TRUE.equals(attributes.get("enabledByDefault"));
		String property = "agent.tracing.exporters." + name + ".enabled";
		boolean enabled = Boolean.TRUE.equals(context.getEnvironment().getProperty(property, Boolean.class, byDefault));
		return enabled ? ConditionOutcome.match(property + " is " + enabled)
				: ConditionOutcome.noMatch(property + " is " + enabled);
	}

}
