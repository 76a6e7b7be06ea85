/**
 * The recording behind the LangChain4j integration: AI service, tool and message mapping.
 * Internal: may change without notice.
 */
@NullMarked
package io.agenttracing.internal.langchain4j;

import org.jspecify.annotations.NullMarked;
