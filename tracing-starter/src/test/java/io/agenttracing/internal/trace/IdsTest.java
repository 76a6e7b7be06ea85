package io.agenttracing.internal.trace;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

	@Test
	void idsAreFixedWidthLowercaseHexWithLeadingZeros() {
		assertThat(Ids.hex(0xffL)).isEqualTo("00000000000000ff");
		assertThat(Ids.hex(-1L)).isEqualTo("ffffffffffffffff");
		assertThat(Ids.hex(0x0123456789abcdefL)).isEqualTo("0123456789abcdef");
		assertThat(Ids.hex(1L, 0xabcL)).isEqualTo("00000000000000010000000000000abc");
		for (int i = 0; i < 1000; i++) {
			String id = Ids.hex(Ids.randomNonZero());
			assertThat(Ids.isValidSpanId(id)).as(id).isTrue();
			assertThat(Ids.parseHex(id, 0, 16)).isEqualTo(Long.parseUnsignedLong(id, 16));
		}
	}

}
