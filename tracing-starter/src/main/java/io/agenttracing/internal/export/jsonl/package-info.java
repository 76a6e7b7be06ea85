/**
 * Export to a file of JSON lines, one trace per line.
 */
@NullMarked
package io.agenttracing.internal.export.jsonl;

import org.jspecify.annotations.NullMarked;
