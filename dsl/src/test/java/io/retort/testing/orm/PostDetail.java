package io.retort.testing.orm;

/** The one detail row of a post. */
public class PostDetail {
    private Long id;
    private String body;
    private Long postId;
    private Post post;

    public PostDetail() {
    }

    public PostDetail(String body) {
        this.body = body;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public Long getPostId() { return postId; }
    public void setPostId(Long postId) { this.postId = postId; }
    public Post getPost() { return post; }
    public void setPost(Post post) { this.post = post; }
}
