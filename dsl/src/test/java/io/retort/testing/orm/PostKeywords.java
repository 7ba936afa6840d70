package io.retort.testing.orm;

import io.retort.schema.Column;
import io.retort.schema.Table;

import static io.retort.type.SqlTypes.BIGINT;

/** The association table between posts and keywords. */
public final class PostKeywords extends Table {
    public static final PostKeywords POST_KEYWORDS = new PostKeywords();

    public final Column<Long> POST_ID = column("post_id", BIGINT, notNull(), references(() -> PostTable.POSTS.ID));
    public final Column<Long> KEYWORD_ID = column("keyword_id", BIGINT, notNull(), references(() -> KeywordTable.KEYWORDS.ID));

    private PostKeywords() {
        super("orm_post_keywords");
        primaryKeyConstraint(POST_ID, KEYWORD_ID);
    }
}
