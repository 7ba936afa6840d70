package io.retort.testing.orm;

/** A tree node that refers to its parent in the same table. */
public class Node {
    private Long id;
    private String name;
    private Long parentId;
    private Node parent;
    private java.util.List<Node> children = new java.util.ArrayList<>();

    public Node() {
    }

    public Node(String name, Node parent) {
        this.name = name;
        this.parent = parent;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
    public Node getParent() { return parent; }
    public void setParent(Node parent) { this.parent = parent; }
    public java.util.List<Node> getChildren() { return children; }
    public void setChildren(java.util.List<Node> children) { this.children = children; }

    @Override
    public String toString() {
        return "Node[" + id + ", " + name + "]";
    }
}
