/**
 * Traces of LangChain4j applications: a
 * {@link dev.langchain4j.model.chat.listener.ChatModelListener} for model calls and
 * listeners for AI services and their tools. Use
 * {@link io.agenttracing.integration.langchain4j.LangChain4jTracing}; the other types are
 * internal and may change without notice.
 */
@NullMarked
package io.agenttracing.integration.langchain4j;

import org.jspecify.annotations.NullMarked;
