package io.retort.testing.orm;

import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;
import io.retort.orm.LoadStrategy;
import io.retort.orm.ManyToOne;
import io.retort.orm.OneToMany;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.varchar;

/** Maps {@link Node}: a self-referencing, nullable foreign key, and the children over it. */
public final class NodeTable extends EntityTable<Node> {
    public static final NodeTable NODES = new NodeTable();

    public final EntityColumn<Node, Long> ID = id("id", Node::getId, Node::setId);
    public final EntityColumn<Node, String> NAME = column("name", varchar(50), Node::getName, Node::setName, notNull());
    public final EntityColumn<Node, Long> PARENT_ID = column("parent_id", BIGINT, Node::getParentId, Node::setParentId,
            references(() -> NodeTable.NODES.ID));
    public final ManyToOne<Node, Node> PARENT = manyToOne("parent", PARENT_ID, () -> NodeTable.NODES, Node::getParent, Node::setParent);
    /** No delete cascade: deleting a node leaves its children, with no parent. Loaded by name, descending. */
    public final OneToMany<Node, Node> CHILDREN = oneToMany("children", () -> NodeTable.NODES.PARENT, Node::getChildren,
            Node::setChildren, LoadStrategy.LAZY).orderedBy(() -> java.util.List.of(NodeTable.NODES.NAME.desc()));

    private NodeTable() {
        super("orm_nodes", Node.class, Node::new);
    }
}
