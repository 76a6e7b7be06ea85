package io.agenttracing.autoconfigure;

import io.agenttracing.Score;
import io.agenttracing.Span;
import io.agenttracing.internal.trace.RecordingTracer;
import io.agenttracing.Tracing;
import io.agenttracing.internal.trace.ValueCapturer;
import io.agenttracing.internal.annotation.TracedAdvisor;
import io.agenttracing.internal.scoring.EvaluatorLane;
import io.agenttracing.internal.scoring.ScoreRecorder;
import io.agenttracing.internal.annotation.TracedMethodInterceptor;
import io.agenttracing.internal.annotation.UninterceptableTracedMethods;
import io.agenttracing.internal.capture.JsonValueCapturer;
import io.agenttracing.internal.capture.SecretRedactor;
import io.agenttracing.internal.context.MicrometerTracingParent;
import io.agenttracing.internal.context.TracingFilter;
import io.agenttracing.internal.export.ExportListener;
import io.agenttracing.internal.export.ExportPipeline;
import io.agenttracing.export.TraceExporter;
import io.agenttracing.internal.export.metrics.MicrometerExportListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.Filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Auto-configuration of agent tracing: the tracer, the {@code @Traced} advisor, the
 * export pipeline with the built-in exporters, and the per-request trace filter.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "agent.tracing.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TracingProperties.class)
@Import({ TraceExportersConfiguration.class, PropagationConfiguration.class, ScoringConfiguration.class })
public final class AgentTracingAutoConfiguration {

	/** Order of the request filter: early, so the whole request is inside the trace. */
	static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	@Bean
	@ConditionalOnMissingBean(ValueCapturer.class)
	JsonValueCapturer agentTracingValueCapturer(TracingProperties properties) {
		TracingProperties.Capture capture = properties.getCapture();
		SecretRedactor redactor = SecretRedactor.of(capture.getRedactKeys(), capture.getUnredactedKeys(),
				capture.getRedactPatterns());
		return new JsonValueCapturer(capture.getMaxValueLength(), redactor, capture.getAllowedHeaders());
	}

	@Bean
	@ConditionalOnMissingBean
	ExportPipeline agentTracingExportPipeline(TracingProperties properties, ListableBeanFactory beanFactory,
			ObjectProvider<ExportListener> listeners, ObjectProvider<Score.Evaluator> evaluators,
			ObjectProvider<ScoreRecorder> scores) {
		TracingProperties.Export export = properties.getExport();
		ExportListener listener = ExportListener.composite(listeners.orderedStream().toList());
		ExportPipeline.Builder pipeline = ExportPipeline.builder();
		namedExporters(beanFactory).forEach(pipeline::exporter);
		// Each evaluator in a lane of its own; its scores reach the pipeline once it
		// runs.
		Supplier<ScoreRecorder> recorder = SingletonSupplier.of(scores::getObject);
		TracingProperties.Evaluation evaluation = properties.getEvaluation();
		evaluators.orderedStream().forEach((evaluator) -> {
			EvaluatorLane lane = new EvaluatorLane(evaluator, evaluation.samplingProbabilityOf(evaluator.name()),
					recorder);
			pipeline.exporter(lane.name(), lane, evaluation.queueCapacityOf(evaluator.name()));
		});
		return pipeline.queueCapacity(export.getQueueCapacity())
			.maxBatchSpans(export.getMaxBatchSpans())
			.maxConcurrentRequests(export.getMaxConcurrentRequests())
			.scheduleDelay(export.getScheduleDelay())
			.shutdownTimeout(export.getTimeout())
			.listener(listener)
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	RecordingTracer agentTracer(TracingProperties properties, ExportPipeline pipeline, ValueCapturer capturer,
			ObjectProvider<MicrometerTracingParent> micrometerParent) {
		TracingProperties.Limits limits = properties.getLimits();
		MicrometerTracingParent external = micrometerParent.getIfAvailable();
		return RecordingTracer.builder()
			.externalParent((external != null) ? external : () -> null)
			.sink(pipeline)
			.capturer(capturer)
			.samplingProbability(properties.getSampling().getProbability())
			.keepTraces(properties.getSampling().isKeepErrors(), properties.getSampling().getKeepSlowerThan())
			.capture(properties.getCapture().isInput(), properties.getCapture().isOutput())
			.maxSpansPerTrace(limits.getMaxSpansPerTrace())
			.maxAttributesPerSpan(limits.getMaxAttributesPerSpan())
			.maxEventsPerSpan(limits.getMaxEventsPerSpan())
			.maxStackFrames(limits.getMaxStackFrames())
			.maxSignalsPerSpan(limits.getMaxSignalsPerSpan())
			.maxTagsPerSpan(limits.getMaxTagsPerSpan())
			.maxNameLength(limits.getMaxNameLength())
			.maxValueLength(properties.getCapture().getMaxValueLength())
			.maxTraceDuration(limits.getMaxTraceDuration())
			.pricing(properties.getPricing().toPricing())
			.minimumLevel(properties.getLevel())
			.build();
	}

	/**
	 * Every {@link TraceExporter} bean in order, each under a stable name: its own
	 * {@link TraceExporter#name()} where it defines one, else its bean name (a lambda's
	 * class name changes from run to run).
	 */
	static Map<String, TraceExporter> namedExporters(ListableBeanFactory beanFactory) {
		List<Map.Entry<String, TraceExporter>> beans = new ArrayList<>(
				beanFactory.getBeansOfType(TraceExporter.class).entrySet());
		beans.sort((a, b) -> AnnotationAwareOrderComparator.INSTANCE.compare(a.getValue(), b.getValue()));
		Map<String, TraceExporter> named = new java.util.LinkedHashMap<>();
		for (Map.Entry<String, TraceExporter> bean : beans) {
			named.put(definesName(bean.getValue()) ? bean.getValue().name() : bean.getKey(), bean.getValue());
		}
		return named;
	}

	private static boolean definesName(TraceExporter exporter) {
		try {
			return exporter.getClass().getMethod("name").getDeclaringClass() != TraceExporter.class;
		}
		catch (NoSuchMethodException | RuntimeException ex) {
			return false;
		}
	}

	@Bean
	TracingStartupReport agentTracingStartupReport(ExportPipeline pipeline,
			ObjectProvider<TracingStartupReport.TracesEndpointPath> endpointPath, Environment environment) {
		return new TracingStartupReport(pipeline, endpointPath, environment);
	}

	@Bean
	GlobalTracerInstaller agentTracingGlobalTracer(RecordingTracer tracer) {
		return new GlobalTracerInstaller(tracer);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static TracedAdvisor tracedAdvisor(ObjectProvider<RecordingTracer> tracer, Environment environment) {
		// Bound from the environment, not the properties bean: a bean that an advisor
		// needs is made before the post-processors that should process it, and Boot warns
		// about it.
		Binder binder = Binder.get(environment);
		boolean input = !Boolean.FALSE.equals(binder.bind("agent.tracing.capture.input", Boolean.class).orElse(true));
		boolean output = !Boolean.FALSE.equals(binder.bind("agent.tracing.capture.output", Boolean.class).orElse(true));
		Integer aspectOrder = binder.bind("agent.tracing.aspect-order", Integer.class).orElse(null);
		int order = (aspectOrder != null) ? aspectOrder : Ordered.LOWEST_PRECEDENCE;
		Span.Level level = binder.bind("agent.tracing.level", Span.Level.class).orElseGet(() -> Span.Level.INFO);
		TracedMethodInterceptor interceptor = TracedMethodInterceptor.create(SingletonSupplier.of(tracer::getObject),
				input, output, level);
		return new TracedAdvisor(interceptor, order);
	}

	@Bean
	static UninterceptableTracedMethods agentTracingUninterceptableMethods(
			ConfigurableListableBeanFactory beanFactory) {
		return new UninterceptableTracedMethods(beanFactory);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MicrometerExportListener agentTracingMetrics(MeterRegistry registry, ListableBeanFactory beanFactory,
				TracingProperties properties) {
			// Counters of every exporter exist at 0 from startup, so a dashboard can read
			// them.
			List<String> exporters = new ArrayList<>(namedExporters(beanFactory).keySet());
			exporters.add(ExportPipeline.QUEUE);
			TracingProperties.Metrics metrics = properties.getMetrics();
			return new MicrometerExportListener(registry, exporters,
					metrics.isSpanNames() ? metrics.getMaxSpanNames() : 0);
		}

		@Bean
		MeterBinder agentTracingQueueMetrics(ObjectProvider<ExportPipeline> pipeline,
				ObjectProvider<RecordingTracer> tracer) {
			return (registry) -> {
				Gauge.builder("agent.tracing.traces.open", tracer, (t) -> t.getObject().openTraceCount())
					.description("Traces recorded whose root has not ended yet")
					.register(registry);
				Gauge.builder("agent.tracing.queue.size", pipeline, (p) -> p.getObject().queueSize())
					.description("Finished traces waiting in the fullest exporter queue")
					.register(registry);
				for (String exporter : pipeline.getObject().exporterNames()) {
					Gauge
						.builder("agent.tracing.exporter.queue.size", pipeline,
								(p) -> p.getObject().queueSize(exporter))
						.description("Traces waiting for one exporter")
						.tag("exporter", exporter)
						.register(registry);
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass({ Filter.class, OncePerRequestFilter.class })
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "agentTracingFilter")
		FilterRegistrationBean<TracingFilter> agentTracingFilter(RecordingTracer tracer) {
			FilterRegistrationBean<TracingFilter> registration = new FilterRegistrationBean<>(
					new TracingFilter(tracer));
			registration.setOrder(FILTER_ORDER);
			registration.setName("agentTracingFilter");
			return registration;
		}

	}

	/**
	 * Makes the application's tracer the one {@link Tracing} uses, for as long as the
	 * context runs.
	 */
	static final class GlobalTracerInstaller implements DisposableBean {

		private final RecordingTracer tracer;

		GlobalTracerInstaller(RecordingTracer tracer) {
			this.tracer = tracer;
			Tracing.install(tracer);
		}

		@Override
		public void destroy() {
			Tracing.uninstall(this.tracer);
		}

	}

}
