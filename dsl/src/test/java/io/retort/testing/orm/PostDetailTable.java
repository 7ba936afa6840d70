package io.retort.testing.orm;

import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;
import io.retort.orm.ManyToOne;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.TEXT;

/** Maps {@link PostDetail}: a unique foreign key makes it one-to-one. */
public final class PostDetailTable extends EntityTable<PostDetail> {
    public static final PostDetailTable DETAILS = new PostDetailTable();

    public final EntityColumn<PostDetail, Long> ID = id("id", PostDetail::getId, PostDetail::setId);
    public final EntityColumn<PostDetail, String> BODY = column("body", TEXT, PostDetail::getBody, PostDetail::setBody);
    public final EntityColumn<PostDetail, Long> POST_ID = column("post_id", BIGINT, PostDetail::getPostId, PostDetail::setPostId,
            notNull(), unique(), references(() -> PostTable.POSTS.ID));
    public final ManyToOne<PostDetail, Post> POST = manyToOne("post", POST_ID, () -> PostTable.POSTS,
            PostDetail::getPost, PostDetail::setPost);

    private PostDetailTable() {
        super("orm_post_details", PostDetail.class, PostDetail::new);
    }
}
