package io.retort.testing.orm;

import java.util.ArrayList;
import java.util.List;

/** A keyword, related to posts from both sides. */
public class Keyword {
    private Long id;
    private String word;
    private List<Post> posts = new ArrayList<>();

    public Keyword() {
    }

    public Keyword(String word) {
        this.word = word;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getWord() { return word; }
    public void setWord(String word) { this.word = word; }
    public List<Post> getPosts() { return posts; }
    public void setPosts(List<Post> posts) { this.posts = posts; }

    @Override
    public String toString() {
        return "Keyword[" + id + ", " + word + "]";
    }
}
