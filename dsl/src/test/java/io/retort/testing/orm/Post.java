package io.retort.testing.orm;

import java.util.ArrayList;
import java.util.List;

/** A post with keywords (many-to-many) and one detail row (one-to-one). */
public class Post {
    private Long id;
    private String title;
    private List<Keyword> keywords = new ArrayList<>();
    private PostDetail detail;

    public Post() {
    }

    public Post(String title) {
        this.title = title;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public List<Keyword> getKeywords() { return keywords; }
    public void setKeywords(List<Keyword> keywords) { this.keywords = keywords; }
    public PostDetail getDetail() { return detail; }
    public void setDetail(PostDetail detail) { this.detail = detail; }

    @Override
    public String toString() {
        return "Post[" + id + ", " + title + "]";
    }
}
