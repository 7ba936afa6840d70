package io.retort.testing.orm;

import io.retort.orm.Cascade;
import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;
import io.retort.orm.LoadStrategy;
import io.retort.orm.ManyToMany;
import io.retort.orm.OneToMany;

import static io.retort.type.SqlTypes.varchar;

/** Maps {@link Post}. */
public final class PostTable extends EntityTable<Post> {
    public static final PostTable POSTS = new PostTable();

    public final EntityColumn<Post, Long> ID = id("id", Post::getId, Post::setId);
    public final EntityColumn<Post, String> TITLE = column("title", varchar(100), Post::getTitle, Post::setTitle, notNull());
    public final ManyToMany<Post, Keyword> KEYWORDS = manyToMany("keywords", PostKeywords.POST_KEYWORDS,
            PostKeywords.POST_KEYWORDS.POST_ID, PostKeywords.POST_KEYWORDS.KEYWORD_ID, () -> KeywordTable.KEYWORDS,
            Post::getKeywords, Post::setKeywords, LoadStrategy.LAZY);
    public final OneToMany<Post, PostDetail> DETAIL = oneToOne("detail", () -> PostDetailTable.DETAILS.POST,
            Post::getDetail, Post::setDetail, Cascade.DELETE);

    private PostTable() {
        super("orm_posts", Post.class, Post::new);
    }
}
