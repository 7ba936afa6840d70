package io.retort.testing.orm;

import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;
import io.retort.orm.LoadStrategy;
import io.retort.orm.ManyToMany;

import static io.retort.type.SqlTypes.varchar;

/** Maps {@link Keyword}; its posts are the same association seen from the other side. */
public final class KeywordTable extends EntityTable<Keyword> {
    public static final KeywordTable KEYWORDS = new KeywordTable();

    public final EntityColumn<Keyword, Long> ID = id("id", Keyword::getId, Keyword::setId);
    public final EntityColumn<Keyword, String> WORD = column("word", varchar(50), Keyword::getWord, Keyword::setWord, notNull(), unique());
    public final ManyToMany<Keyword, Post> POSTS = manyToMany("posts", PostKeywords.POST_KEYWORDS,
            PostKeywords.POST_KEYWORDS.KEYWORD_ID, PostKeywords.POST_KEYWORDS.POST_ID, () -> PostTable.POSTS,
            Keyword::getPosts, Keyword::setPosts, LoadStrategy.LAZY);

    private KeywordTable() {
        super("orm_keywords", Keyword.class, Keyword::new);
    }
}
