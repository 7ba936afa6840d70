package io.retort.badinput;

import io.retort.compile.Compiler;
import io.retort.compile.PlaceholderStyle;
import io.retort.dialect.Dialects;
import org.junit.jupiter.api.Test;

import static io.retort.Sql.select;
import static io.retort.badinput.Rejections.assertRejected;
import static io.retort.badinput.Things.THINGS;
import static org.assertj.core.api.Assertions.assertThat;

/** Plan item 10, first half: LIMIT and OFFSET. Non-integers do not compile ({@code limit(long)}). */
class LimitOffsetTest {

    @Test
    void negativeLimitAndOffsetAreRejected() {
        assertRejected(() -> select(THINGS.ID).from(THINGS).limit(-1), IllegalArgumentException.class,
                "limit cannot be negative", "[-1]");
        assertRejected(() -> select(THINGS.ID).from(THINGS).offset(Long.MIN_VALUE), IllegalArgumentException.class,
                "offset cannot be negative", "[" + Long.MIN_VALUE + "]");
    }

    @Test
    void zeroIsAllowedAndBound() {
        var s = select(THINGS.ID).from(THINGS).limit(0).offset(0);
        var compiler = Compiler.of(Dialects.POSTGRES, PlaceholderStyle.NUMBERED);
        assertThat(compiler.compile(s).sql()).isEqualTo("SELECT things.id FROM things LIMIT $1 OFFSET $2");
        assertThat(compiler.bind(compiler.compile(s), s)).extracting(v -> v.value()).containsExactly(0L, 0L);
    }
}
